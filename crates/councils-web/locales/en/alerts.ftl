# Rapid response: reports of raids, their verification, alerts to responders, updates and
# the all-clear.
alerts-title = Rapid response
alerts-lead-verifier = Reports come here first, to verifiers only. Go and see before confirming: only a confirmed report reaches the responders.
alerts-lead-responder = Confirmed alerts for you to answer. Nothing here is public.
alerts-lead-member = Your reports, and what the verifiers found.
alerts-none = Nothing right now.
alerts-refresh = Refresh
alerts-counts = So far: { $reports } reports, { $alerts } confirmed, { $false_alarms } false alarms.
report-new = Report a raid
report-new-lead = It goes to the verifiers of { $council } only, at once.
report-heading = Report: { $place }
alert-heading = Alert: { $place }
report-submit = Send to the verifiers
report-never = Never write officers' names or plate numbers, and never send photos of faces.
field-report-what = What is happening
field-report-what-hint = What you see: vans, agents at a door, people taken.
field-report-place = Where
field-report-place-hint = A place or an intersection, such as "Soto St & 1st St".
field-report-when = When
field-report-officers = Officers
field-report-vehicles = Vehicles
field-report-agency = Agency
field-report-source = How do you know?
field-report-hotline = I am a hotline volunteer typing in a call
report-when-now = Now
report-when-ago = { $count ->
    [one] 1 minute ago
   *[other] { $count } minutes ago
}
report-how-many = How many
report-via-hotline = taken by the hotline
report-officers = { $count ->
    [one] 1 officer
   *[other] { $count } officers
}
report-officers-unknown = officers not counted
report-vehicles = { $count ->
    [one] 1 vehicle
   *[other] { $count } vehicles
}
report-vehicles-unknown = vehicles not counted
report-someone = a former member
report-from-neighbour = From the neighbouring committee { $slug }
report-timeline = Timeline
agency-ice = ICE
agency-cbp = Border Patrol (CBP)
agency-police = Police
agency-sheriff = Sheriff
agency-other = Another agency
agency-unknown = Unknown
source-saw-it = I saw it
source-told-by-someone = Someone told me
source-other = Other
report-state-filed = Waiting for a verifier
report-state-taken = A verifier is going
report-state-more-info = More information asked
report-state-confirmed = Confirmed alert
report-state-false-alarm = False alarm
report-state-closed = All clear
timeline-filed = reported it
timeline-taken = is going to see
timeline-more-info-asked = asked for more
timeline-info-added = added to the report
timeline-confirmed = confirmed it
timeline-false-alarm = found it a false alarm
timeline-on-my-way = is on the way as { $role }
timeline-update = posted an update
timeline-closed = gave the all-clear
verify-title = Verify
verify-take = I'm going
verify-confirm = Confirmed: alert the responders
verify-false-alarm = False alarm
verify-more-info = Ask the reporter for more
field-verify-note = What you saw
field-verify-note-hint = Optional when confirming; needed when asking for more.
field-report-info = Add to your report
report-info-submit = Add
respond-title = On my way, as:
response-role-legal-observer = Legal observer
response-role-documentation = Documentation
response-role-family-accompaniment = Accompanying the family
response-role-support-at-home = Support from home
alert-coming = Who is coming
alert-nobody-yet = Nobody has answered yet.
field-alert-update = Update
alert-update-submit = Post the update
field-alert-outcome = Outcome, for the all-clear
alert-close = All clear: close the alert
alert-outcome = Outcome:
rapid-settings-title = Rapid response settings
field-rapid-closed-days = Days a closed alert is kept
field-rapid-closed-days-hint = Then it is deleted for good, with its responses and timeline; only the counts stay. False alarms go after 24 hours.
field-rapid-neighbours = Neighbouring committees
field-rapid-neighbours-hint = Their responders also get this committee's confirmed alerts.
rapid-no-neighbours = There is no other committee on this instance yet.
rapid-settings-save = Save
error-report-missing = Say what is happening and where.
error-report-too-long = A text is too long; keep it short.
error-report-count-too-large = That many officers or vehicles cannot be right; give a number up to 999.
error-report-when-out-of-range = A report is about the last day only.
error-report-unknown-value = Choose one of the values offered.
error-report-wrong-step = The report has moved on meanwhile; see where it stands now.
error-report-taken-by-another = Another verifier has taken this report.
