// Live updates on an event's open page, over the same server-sent-event stream as alerts
// (GET /api/v1/alerts/stream, with the page's own session cookie). An event carries its kind,
// subject and path; when the subject is this page's event, the page fetches its content as
// the server renders it, in the reader's language, and puts it in place. Without this
// script, a plain reload shows the same.
(function () {
  "use strict";
  var root = document.querySelector("[data-live='event']");
  if (!root || !window.EventSource || !window.fetch) { return; }
  var subject = root.getAttribute("data-subject");

  function refresh() {
    var typing = document.activeElement && document.activeElement.tagName === "TEXTAREA"
      && document.activeElement.value !== "";
    if (typing) { return; }
    fetch("/events/" + encodeURIComponent(subject) + "/live",
      { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        root.innerHTML = html;
        root.setAttribute("data-version", String(Number(root.getAttribute("data-version") || "0") + 1));
      });
  }

  // After a dropped connection, or when the server says this page fell behind, the page
  // reads its content again: events are not replayed.
  var stream = new EventSource("/api/v1/alerts/stream");
  var dropped = false;
  stream.onopen = function () {
    root.setAttribute("data-connected", "true");
    if (dropped) { dropped = false; refresh(); }
  };
  stream.onerror = function () {
    dropped = true;
    root.setAttribute("data-connected", "false");
  };
  stream.addEventListener("resync", refresh);
  stream.onmessage = function (message) {
    var event;
    try { event = JSON.parse(message.data); } catch (e) { return; }
    if (event && event.subject === subject && event.kind === "event-updated") { refresh(); }
  };
})();
