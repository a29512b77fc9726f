// Notifications on this device, for the settings page. Progressive: without JavaScript, a
// service worker or the Push API the button stays hidden and nothing else changes.
"use strict";
(function () {
  var box = document.getElementById("push");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window) ||
      !("Notification" in window)) {
    return;
  }
  var on = document.getElementById("push-on");
  var off = document.getElementById("push-off");
  var status = document.getElementById("push-status");
  var registration = null;

  function say(message) {
    status.textContent = box.getAttribute("data-" + message) || "";
  }

  // The server's VAPID key, base64url, as the bytes pushManager.subscribe wants.
  function keyBytes() {
    var text = box.getAttribute("data-key").replace(/-/g, "+").replace(/_/g, "/");
    while (text.length % 4) { text += "="; }
    var raw = atob(text);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function send(method, body) {
    return fetch("/api/v1/push/subscriptions", {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok && response.status !== 404) { throw new Error("refused"); }
    });
  }

  function show(subscription) {
    on.hidden = !!subscription;
    off.hidden = !subscription;
    box.hidden = false;
    if (subscription) { say("subscribed"); }
  }

  on.addEventListener("click", function () {
    on.disabled = true;
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") { say("denied"); return null; }
      return registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes()
      }).then(function (subscription) {
        return send("POST", subscription.toJSON()).then(function () {
          // The device list is the server's: show it as it now stands.
          window.location.reload();
        });
      });
    }).catch(function () { say("failed"); }).then(function () { on.disabled = false; });
  });

  off.addEventListener("click", function () {
    off.disabled = true;
    registration.pushManager.getSubscription().then(function (subscription) {
      if (!subscription) { return null; }
      var endpoint = subscription.endpoint;
      return subscription.unsubscribe().then(function () {
        return send("DELETE", { endpoint: endpoint });
      });
    }).then(function () { window.location.reload(); })
      .catch(function () { say("failed"); off.disabled = false; });
  });

  navigator.serviceWorker.register("/static/sw.js").then(function (reg) {
    registration = reg;
    return reg.pushManager.getSubscription();
  }).then(show).catch(function () { box.hidden = true; });
})();
