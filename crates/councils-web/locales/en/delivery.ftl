# Telling members beyond the open page: Web Push and email. Titles are per kind of notice and
# say nothing of what happened: push services and mail servers are not private.
delivery-title-report-filed = A report needs verifying
delivery-title-report-changed = Your report has news
delivery-title-alert-raised = An alert needs you
delivery-title-alert-updated = An alert you follow has news
delivery-title-alert-closed = All clear: an alert is closed
delivery-title-plan-triggered = An emergency plan was set off
delivery-push-body = Open councils to see it.
delivery-mail-body =
    { $title }.

    Open this link to see it (you may need to sign in):
    { $link }

    This mail says nothing more on purpose: mail is not private.

# The settings page: this browser's notifications and the member's subscribed browsers.
push-title = Notifications on your devices
push-explain = Alerts and reports for your roles can reach this phone or computer even when councils is not open. The push service of your browser carries only a short title, never what happened.
push-subscribe = Get notifications on this device
push-unsubscribe = Stop notifications on this device
push-subscribed = This device gets notifications.
push-denied = Notifications are blocked for this site in your browser's settings.
push-failed = This device could not be subscribed. Try again later.
push-none = No device gets notifications yet.
push-devices = Devices that get notifications
push-device = Through { $service }, since { $date }
push-remove = Remove
push-removed = The device no longer gets notifications.
push-email-note = Urgent notices also go to your email, if you gave one above: only a title and a link.
error-push-subscription-invalid = This browser's push subscription cannot be used here.

# The daily digest and notices of topics other than alerts. Mail is not private: a digest
# counts what waits, by kind, and links to the member's page of notices.
delivery-digest-subject = { $count ->
    [one] 1 new notice on councils
   *[other] { $count } new notices on councils
}
delivery-digest-line = { $title }: { $count }
delivery-digest-body =
    Since your last digest:

    { $lines }

    Open this link to see them (you may need to sign in):
    { $link }

    This mail says nothing more on purpose: mail is not private.
delivery-title-voting-opened = A vote is open in your council
delivery-title-mandate-wanted = Your delegates will vote: give them a mandate
