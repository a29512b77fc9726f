// Live reports and alerts in open pages, over the same server-sent-event stream as the API
// (GET /api/v1/alerts/stream, with the page's own session cookie). Each event names a report;
// the page fetches that report as the server renders it, in the reader's language, and puts
// it in place: a new line in the queue, or the report page's content. A new report or alert
// gets a visible cue and a short beep. After a dropped connection the page reads itself again.
// Without this script, a plain reload shows the same.
(function () {
  "use strict";
  var root = document.querySelector("[data-live]");
  if (!root || !window.EventSource || !window.fetch) { return; }
  var cue = document.getElementById("live-cue");
  var title = document.title;
  var audio = null;

  function beep() {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) { return; }
      audio = audio || new Context();
      if (audio.state === "suspended") { audio.resume(); }
      [0, 0.25].forEach(function (at) {
        var tone = audio.createOscillator();
        var gain = audio.createGain();
        tone.type = "square";
        tone.frequency.value = 880;
        gain.gain.value = 0.15;
        tone.connect(gain);
        gain.connect(audio.destination);
        tone.start(audio.currentTime + at);
        tone.stop(audio.currentTime + at + 0.15);
      });
    } catch (e) { /* no sound on this device: the visible cue stays */ }
  }

  function signal(text) {
    var count = Number(root.getAttribute("data-cues") || "0") + 1;
    root.setAttribute("data-cues", String(count));
    document.title = "(" + count + ") " + title;
    if (cue && text) {
      cue.textContent = text;
      cue.hidden = false;
    }
    beep();
  }

  function fragment(url) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; });
  }

  function place(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html.trim();
    return holder.content.firstElementChild;
  }

  function onQueue(event) {
    fragment("/reports/" + encodeURIComponent(event.report_id) + "/card").then(function (html) {
      if (!html) { return; }
      var card = place(html);
      if (!card) { return; }
      var old = document.getElementById(card.id);
      if (old) {
        old.replaceWith(card);
      } else {
        root.insertBefore(card, root.firstElementChild);
        var none = document.getElementById("no-reports");
        if (none) { none.hidden = true; }
      }
      if (event.kind === "report-filed" || event.kind === "alert-raised") {
        var headline = card.querySelector(".report-link");
        signal(headline ? headline.textContent.replace(/\s+/g, " ").trim() : "");
      }
    });
  }

  function onReport(event) {
    if (event.report_id !== root.getAttribute("data-report")) { return; }
    var typing = document.activeElement && document.activeElement.tagName === "TEXTAREA"
      && document.activeElement.value !== "";
    if (typing) { return; }
    fragment("/reports/" + encodeURIComponent(event.report_id) + "/live").then(function (html) {
      if (html === null) { return; }
      root.innerHTML = html;
      root.setAttribute("data-version", String(Number(root.getAttribute("data-version") || "0") + 1));
    });
  }

  // After a dropped connection, or when the server says this page fell behind, the page
  // reads its content again: events are not replayed, the pages hold the truth.
  function resync() {
    if (root.getAttribute("data-live") !== "queue") {
      onReport({ report_id: root.getAttribute("data-report") });
      return;
    }
    var before = {};
    Array.prototype.forEach.call(root.children, function (card) { if (card.id) { before[card.id] = true; } });
    fragment(window.location.pathname + window.location.search).then(function (html) {
      if (!html) { return; }
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live]");
      if (!fresh) { return; }
      root.innerHTML = fresh.innerHTML;
      var added = Array.prototype.filter.call(root.children, function (card) {
        return card.id && !before[card.id];
      });
      var none = document.getElementById("no-reports");
      if (none && root.children.length) { none.hidden = true; }
      if (added.length) {
        var headline = added[0].querySelector(".report-link");
        signal(headline ? headline.textContent.replace(/\s+/g, " ").trim() : "");
      }
      root.setAttribute("data-resyncs", String(Number(root.getAttribute("data-resyncs") || "0") + 1));
    });
  }

  var stream = new EventSource("/api/v1/alerts/stream");
  var dropped = false;
  stream.onopen = function () {
    root.setAttribute("data-connected", "true");
    if (dropped) { dropped = false; resync(); }
  };
  stream.onerror = function () {
    dropped = true;
    root.setAttribute("data-connected", "false");
  };
  stream.addEventListener("resync", resync);
  stream.onmessage = function (message) {
    var event;
    try { event = JSON.parse(message.data); } catch (e) { return; }
    if (!event || !event.report_id) { return; }
    if (root.getAttribute("data-live") === "queue") { onQueue(event); } else { onReport(event); }
  };
})();
