app-name = councils
skip-to-content = Skip to content
nav-label = Main
nav-my-councils = My councils
nav-account = Account
nav-sign-in = Sign in
nav-sign-out = Sign out
footer-privacy = This instance keeps no IP addresses, no legal names and no immigration status. Use a handle, not your name.
save = Save
back-to-council = Back to the council

landing-title = Workers' councils, from the base up
landing-lead = Workplace and neighbourhood committees that defend their members, decide together and federate into city, regional and world councils.
landing-invitation-only = Members join by invitation from a committee they know.
landing-defend-title = Defend one another
landing-defend = Against raids, wage theft and abuse: committees organise rapid response, documentation and solidarity.
landing-democracy-title = Council democracy
landing-democracy = Delegates are elected from below, bound by mandates and recallable at once.
landing-federation-title = A federation
landing-federation = Each committee sends delegates to the councils above it, up to a world council. Seats follow membership.
landing-privacy-title = Nothing worth seizing
landing-privacy = Pseudonymous handles, encrypted contact details, no tracking and nothing from other sites.

sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-no-account = No account? Ask a committee you know for an invitation link.

join-title = Join
join-invited-to = You are invited to join { $council } as
join-founding = This invitation founds the first council of this instance. You will be its first organiser.
join-privacy = Choose a handle that is not your name. Nothing else about you is required.
join-council-legend = The council
join-submit = Join
join-as-member = You are signed in. Join this council with your account?
join-existing-submit = Join this council

field-handle = Handle
field-handle-hint = 3 to 32 letters, digits, "-", "_" or ".". Not your legal name.
field-passphrase = Passphrase
field-passphrase-hint = At least 8 characters. A few words you remember are best.
field-current-passphrase = Current passphrase
field-new-passphrase = New passphrase
field-language = Language
field-email = Email for notifications (optional)
field-email-hint = Stored encrypted. Leave empty if you prefer not to give one.
field-council-name = Name
field-slug = Short name for links
field-slug-hint = Lowercase letters, digits and dashes, e.g. garment-workers-la
field-kind = Kind of council
field-description = Description
field-vouches-required = Vouches required
field-vouches-required-hint = How many members must vouch for a newcomer before they become a full member (0: none).
field-members-per-delegate = Members per delegate
field-minimum-seats = Minimum seats per constituent

my-councils-title = My councils
my-councils-none = You are not in any council yet.
status-pending = pending

council-new-title = Found a council
council-new-lead = You will be its first organiser and can then invite others.
council-new-submit = Found the council
council-represented = { $count ->
    [one] represents 1 member
   *[other] represents { $count } members
}
council-you-are-pending = You are a pending member: once enough members vouch for you, you will see the members and minutes.
council-sections = Council sections
council-parents = Sends delegates to
council-no-parents = No higher council yet.
council-constituents = Constituent councils
council-no-constituents = No constituent councils.
council-constituent = Council
council-members-represented = Members
council-seats = Seats
council-seat-rule = One seat per { $per ->
    [one] member
   *[other] { $per } members
}, at least { $minimum }.
council-members-count = { $count ->
    [one] 1 member
   *[other] { $count } members
}
council-vouches = { $count } of { $required } { $required ->
    [one] vouch
   *[other] vouches
}

member-vouch = Vouch
member-approve = Approve now
member-manage = Manage { $handle }
member-give-role = Give a role
member-give-role-submit = Give role
member-take-role = Take back: { $role }
member-remove = Remove from the council

link-requested = awaiting acceptance
link-accept = Accept
link-decline = Decline
link-withdraw = Withdraw
link-end = End link
link-request-label = Send delegates to a higher council
link-request-hint = Its short name, e.g. los-angeles-city-council
link-request-submit = Ask to join

invite-title = Invite someone
invite-role = Role
invite-submit = Create invitation link
invite-created = A new invitation to { $council } as
invite-expires = Valid until { $when }.
invite-once = It works once. Send it privately to the person you invite; this page will not show it again.

settings-title = Settings
settings-submit = Save settings

federation-title = Federation
federation-lead = Where this council stands: the councils it sends delegates to, up to the world council, and those that send delegates to it.
federation-up = Above
federation-down = Below

minutes-title = Minutes
minutes-verified = { $count ->
    [one] The chain of 1 entry is intact.
   *[other] The chain of { $count } entries is intact.
}
minutes-broken = The minutes' chain is broken:
minutes-unreadable = (unreadable entry)
minutes-former-member = a former member
minutes-operator = the instance's operator
minutes-by-vouches = vouches
minutes-council-founded = Founded by { $by } as a { $kind }.
minutes-member-joined = { $member } joined as { $role }{ $pending ->
    [yes] , pending vouches
   *[no] {""}
}.
minutes-vouched = { $by } vouched for { $member }.
minutes-member-activated = { $member } became a full member (by { $by }).
minutes-role-granted = { $by } gave { $member } the role { $role }.
minutes-role-revoked = { $by } took back the role { $role } from { $member }.
minutes-member-removed = { $by } removed { $member }.
minutes-member-left = { $member } left and deleted their account.
minutes-settings-changed = { $by } changed the settings. Vouches a newcomer needs: { $vouches }. Members per seat: { $per }. Minimum seats: { $minimum }.
minutes-names-changed = { $by } changed the council's names.
minutes-link-requested = { $by } asked for { $constituent } to send delegates to { $parent }.
minutes-link-accepted = { $by } accepted { $constituent } as a constituent of { $parent }.
minutes-link-ended = { $by } ended the link of { $constituent } to { $parent }.

account-title = Account
account-change-passphrase = Change passphrase
account-passphrase-changed = Passphrase changed. Your other sessions were ended.
account-sessions = Your sessions
account-delete-title = Delete your account
account-delete-explain = Your handle, passphrase, email and sessions are erased. What you decided as part of a council stays in its minutes as "a former member".
account-delete-submit = Delete my account
session-browser = Browser
session-api = API client
session-current = this one
session-opened = opened { $when }
session-last-seen = last used { $when }
session-end = End

role-member = member
role-organiser = organiser
role-verifier = verifier
role-responder = responder
role-legal = legal
role-treasurer = treasurer

kind-workplace-committee = workplace committee
kind-neighbourhood-committee = neighbourhood committee
kind-strike-committee = strike committee
kind-working-group = working group
kind-city-council = city council
kind-regional-council = regional council
kind-world-council = world council

error-title = Something went wrong
error-code = Error code
error-request-id = Request id
error-home = Back to the start
error-not-signed-in = Please sign in first.
error-forbidden = You are not allowed to do that here.
error-not-found = There is nothing here.
error-invitation-invalid = This invitation link is not valid.
error-invitation-used = This invitation has already been used. Ask for a new one.
error-invitation-expired = This invitation has expired. Ask for a new one.
error-handle-taken = That handle is taken. Choose another.
error-slug-taken = That short name is taken. Choose another.
error-handle-too-short = The handle is too short: at least 3 characters.
error-handle-too-long = The handle is too long: at most 32 characters.
error-handle-bad-character = A handle can only have letters, digits, "-", "_" and ".".
error-passphrase-too-short = The passphrase is too short: at least 8 characters.
error-passphrase-too-long = The passphrase is too long: at most 128 characters.
error-passphrase-too-common = That passphrase is one of the most common. Choose another, a few words are best.
error-slug-invalid = The short name can only have lowercase letters, digits and dashes.
error-federation-self-link = A council cannot send delegates to itself.
error-federation-cycle = That link would make a circle in the federation: the other council is already below this one.
error-federation-already-linked = These councils are already linked.
error-sign-in-failed = Wrong handle or passphrase.
error-sign-in-throttled = { $count ->
    [one] Too many attempts. Try again in 1 minute.
   *[other] Too many attempts. Try again in { $count } minutes.
}
error-wrong-passphrase = The passphrase is wrong.
error-already-vouched = You have already vouched for this member.
error-already-member = Already a member of this council.
error-last-organiser = A council must keep at least one organiser.
error-field-too-long = A field is too long.
error-field-missing = A required field is empty.
error-bad-value = A value is not one of those offered.
error-internal = Something went wrong on the server. Nothing was changed.
error-csrf-refused = This form was sent from another site and was refused.
