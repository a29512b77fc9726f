// The service worker: shows a notice that arrives by Web Push, and opens its page on a tap.
// A notice carries only its kind, what it concerns, its path and a title in the member's
// language; the page itself shows the details, to the signed-in member only.
"use strict";

self.addEventListener("push", function (event) {
  var notice = {};
  try { notice = event.data ? event.data.json() : {}; } catch (e) { notice = {}; }
  var options = {
    body: notice.body || "",
    lang: notice.lang || "",
    // Later news about the same report replaces the earlier notification.
    tag: notice.report_id || notice.kind || "councils",
    renotify: true,
    requireInteraction: notice.kind === "alert-raised" || notice.kind === "report-filed",
    data: { path: notice.path || "/" }
  };
  event.waitUntil(self.registration.showNotification(notice.title || "councils", options));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var path = (event.notification.data && event.notification.data.path) || "/";
  // Only a path on this instance: never another site.
  if (path.charAt(0) !== "/" || path.charAt(1) === "/" || path.charAt(1) === "\\") { path = "/"; }
  var url = new URL(path, self.location.origin).href;
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true })
    .then(function (windows) {
      for (var i = 0; i < windows.length; i++) {
        if (windows[i].url === url && "focus" in windows[i]) { return windows[i].focus(); }
      }
      return self.clients.openWindow(url);
    }));
});

// The push service replaced the subscription: send the new one, with the same key.
self.addEventListener("pushsubscriptionchange", function (event) {
  var old = event.oldSubscription;
  if (!old || !old.options || !old.options.applicationServerKey) { return; }
  event.waitUntil(self.registration.pushManager.subscribe(old.options)
    .then(function (subscription) {
      return fetch("/api/v1/push/subscriptions", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(subscription.toJSON())
      });
    }));
});
