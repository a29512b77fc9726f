# Protests, assemblies and trainings: call-outs, roles, RSVPs, live updates.

events-title = Events
events-none = No events coming up.
event-new = Call an event
event-call = Call it
event-cancelled = Called off
event-shared-from = From { $council }
event-shared-with = Shared with { $councils }

event-kind-protest = Protest
event-kind-assembly = Assembly
event-kind-training = Training

event-role-marshal = Marshals
event-role-medic = Medics
event-role-legal-observer = Legal observers
event-role-interpreter = Interpreters

event-field-kind = What kind of event
event-field-title = Title
event-field-starts = Starts
event-field-ends = Ends
event-field-offset = Time zone, as an offset from UTC
event-field-offset-hint = Los Angeles is -08:00 in winter and -07:00 in summer.
event-field-place = Where
event-field-languages = Languages spoken
event-field-languages-hint = For example: English, Spanish, ASL.
event-field-accessibility = Accessibility
event-field-accessibility-hint = Step-free route, seating, quiet space, toilets, how long the march is.
event-field-details = What people should know
event-field-needs = Roles needed
event-field-needs-hint = How many of each you need. Leave empty for a role you do not need.
event-field-share = Share with
event-field-share-hint = Members of the councils you tick can see this event and say they are coming.

event-when = When
event-where = Where
event-languages = Languages
event-accessibility = Accessibility
event-ics = Add to my calendar (.ics)
event-updates = Updates
event-updates-none = No updates yet. Updates appear here as soon as they are posted.
event-update-field = Post an update
event-update-hint = Everyone coming or holding a role is told at once.
event-update-post = Post the update
event-coming = Who is coming
event-coming-count = { $count ->
    [one] One person is coming.
   *[other] { $count } people are coming.
}
event-you-come = You said you are coming.
event-rsvp-yes = I am coming
event-rsvp-no = I can no longer come
event-roles = Roles
event-role = Role
event-needed = Needed
event-signed = Signed up
event-gap = Still needed
event-gap-count = { $count ->
    [one] 1 more
   *[other] { $count } more
}
event-full = Full
event-role-take = Sign up: { $role }
event-role-leave = Leave: { $role }
event-cancel-lead = Calling the event off tells everyone coming.
event-cancel = Call the event off
event-kept-until = This event, and who came, is deleted on { $date }.

delivery-title-event-updated = An event you are going to has news

error-event-title-empty = Give the event a title.
error-event-place-empty = Say where it is.
error-event-too-long = One of the texts is too long.
error-event-bad-times = Give the start and end as dates and times, and the offset like -08:00.
error-event-bad-length = The event must end after it starts, and last at most three days.
error-event-too-many-needed = Ask for at most 500 people in a role.
error-event-update-empty = Write the update.
error-event-role-full = That role is full. Thank you: try another.
error-event-role-not-needed = This event does not ask for that role.
error-event-cancelled = This event was called off.
