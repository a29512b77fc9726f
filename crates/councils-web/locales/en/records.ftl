# Emergency plans, incident records and know your rights.

nav-plan = My emergency plan
council-rights = Know your rights
council-incidents = Incident records
council-plans = Members' emergency plans

## Emergency plans

plan-title = Emergency plan
plan-lead = Write now, in your own words, what your family, your lawyer or your friends must know and do if you are detained. One tap sends it to each of them at once.
plan-none = You have no emergency plan yet. Write one below.
plan-saved = Your plan is saved.
plan-send-heading = Send your plan
plan-detained = I am being detained
plan-detained-hint = You will be asked to confirm, then your message goes at once to each of your contacts.
plan-detained-hint-council = You will be asked to confirm, then your message goes at once to each of your contacts, and the legal team of { $council } is told.
plan-test-lead = Try your plan: your contacts get your message marked clearly as a test, so they know what it will look like and that nothing has happened.
plan-test = Send a test
plan-write = Write your plan
plan-edit = Change your plan
field-plan-message = Your message
field-plan-message-hint = In your language. Say who you are, who to call, who picks up the children, where your papers are.
field-plan-contacts = Who it goes to
field-plan-contacts-hint = { $count ->
    [one] Email addresses, one per line, at most one. Each contact gets a mail of their own and never sees the others.
   *[other] Email addresses, one per line, at most { $count }. Each contact gets a mail of their own and never sees the others.
}
field-plan-council = Your committee (optional)
field-plan-council-hint = Its legal team is told when your plan is sent, and its organisers and legal members can send it for you if you call them. They never see your message or your contacts.
plan-no-council = No committee
plan-mail-warning = Your plan is stored encrypted, but email is not private: write only what your contacts need.
plan-save = Save the plan
plan-history = When it was sent
plan-history-lead = Only when, and by whom, is kept: nothing of what was sent.
plan-history-none = Not sent yet.
plan-sending-test = Test
plan-sending-real = Sent
plan-sent-by-you = by you
plan-sent-by-committee = by your committee, for you
plan-delete-lead = Deleting your plan also deletes the record of when it was sent.
plan-delete = Delete my plan
plan-confirm-title = Send the emergency plan
plan-confirm-heading = Send your emergency plan now?
plan-confirm-lead = Your message goes at once to each of your contacts. This is not a test.
plan-confirm-for-heading = Send { $handle }'s emergency plan for them?
plan-confirm-for-lead = Their message goes at once to each of their contacts, saying their committee sent it for them, and the committee's legal team is told. You will not see the message or the contacts.
plan-confirm-send = Yes, send it now
plan-confirm-cancel = No, go back
plan-last-sent = last sent { $time }
plan-sent-title = Your emergency plan was sent
plan-test-sent-title = The test was sent
plan-test-sent-lead = Your contacts got your message marked as a test. Ask them whether it arrived.
plan-sent-line = Mailed to { $delivered } of { $contacts } contacts.
plan-no-mail-server = This server has no mail server set up, so nothing could be mailed. Call your contacts, or ask your committee for help.
plan-sent-legal = { $count ->
    [one] One member of the committee's legal team was told.
   *[other] { $count } members of the committee's legal team were told.
}
plan-back = Back
plans-title = Members' emergency plans
plans-lead = Members who named this committee in their emergency plan. Organisers and legal members can send a member's plan for them, for example when they call from detention. You never see the message or the contacts.
plans-none = No member has named this committee in an emergency plan.
plans-send-for = Send it for them

## The mail a plan sends (in the plan's language; mail is not private)

plan-mail-subject = Emergency message: please read now
plan-mail-intro = This message was written in advance by someone who trusts you, and sent at { $time } because they are being detained.
plan-mail-intro-for = This message was written in advance by someone who trusts you. Their committee sent it for them at { $time }: they have been detained.
plan-mail-test-subject = TEST — this is a test of an emergency message
plan-mail-test-intro = TEST — this is a test of the emergency message of someone who trusts you, sent at { $time }. Nothing has happened. If it were real, you would get the message below.
plan-mail-footer = Sent by the councils server of their committee. Do not reply to this mail.

## Incident records

incidents-title = Incident records
incidents-lead = An incident record is documentation for lawyers: what happened, when, where, who was there, and photos. Only you and the committee's legal team can read what you file.
incidents-lead-legal = As the committee's legal team you read every record filed here. The members who filed them read their own.
incidents-none = No records yet.
incident-new-title = File an incident record
incident-new-lead = Write what you saw, as exactly as you can, while you remember it. Only you and the committee's legal team will read it. You add photos on the next page.
incident-field-what = What happened
incident-field-what-hint = In your words: what you saw and heard, in order. No names of officers, no plates.
incident-field-when = When
incident-field-when-hint = The date and time, as close as you know it.
incident-field-place = Where
incident-field-place-hint = A place or an intersection.
incident-field-involved = Who from our side was involved
incident-field-involved-hint = Members, neighbours, coworkers, as you choose to name them (optional).
incident-field-witnesses = Witnesses
incident-field-witnesses-hint = Who else saw it, and how to reach them (optional).
incident-file = File the record
incident-title = Incident record
incident-filed-at = filed { $time }
incident-filed-by = by { $handle }
incident-photo-count = { $count ->
    [one] 1 photo
   *[other] { $count } photos
}
incident-photos = Photos
incident-photos-none = No photos yet.
incident-photos-added = { $count ->
    [one] 1 photo added, without its metadata.
   *[other] { $count } photos added, without their metadata.
}
incident-uploaded-at = uploaded { $time }
incident-sha256 = SHA-256 at upload:
incident-photo-delete = Delete
incident-add-photos = Add photos
incident-photos-stripped = Before a photo is stored, everything but the picture is removed: where it was taken (GPS), when, the phone, comments and editing history. The SHA-256 shown beside it is of what was stored, recorded at upload, so a lawyer can show it was not changed.
incident-videos-refused = JPEG, PNG and WebP photos only. Videos are refused, because their metadata cannot be removed reliably here: keep videos safe on your phone and give them to the lawyer directly.
incident-photo-limits = At most { $file } a photo, { $count } photos and { $record } for a record.
incident-upload = Upload
incident-export = Export for a lawyer
incident-export-lead = Download the record (the account, the photos and their hashes) encrypted with age, so only the lawyer can open it. Give either the lawyer's age public key, or a passphrase that you give the lawyer another way (in person or by phone, never in the same mail).
field-export-recipient = The lawyer's age public key
field-export-recipient-hint = It starts with age1.
field-export-passphrase = Or a passphrase
field-export-passphrase-hint = At least 12 characters; not a common phrase.
incident-export-submit = Download the encrypted record
incident-delete-lead = Deleting the record deletes its photos too. It cannot be undone.
incident-delete-confirm = I understand: delete it for good.
incident-delete = Delete the record

## The export (in the exporter's language)

export-readme = This archive holds an incident record: account.txt (the account as it was filed), account.json (the same, for programs), photos/ (the photos, stripped of metadata on upload), custody.txt (when each photo was uploaded), and SHA256SUMS (the SHA-256 of each photo, recorded at upload). Check the photos with: sha256sum -c SHA256SUMS
export-council = Committee
export-record = Record
export-filed-at = Filed at
export-filed-by = Filed by
export-custody-intro = Chain of custody: each photo's SHA-256, recorded when it was uploaded, after its metadata was removed.
export-uploaded-at = Uploaded at
export-size = Size

## Know your rights

rights-title = Know your rights
rights-not-advice = General information, not legal advice. Laws differ from place to place and change: for your own case, talk to a lawyer. This is what immigrant rights and civil liberties groups widely publish.
rights-contacts = Contacts of { $council }
rights-contacts-none = The committee has not set its hotline and legal contacts yet.
rights-hotline = Hotline:
rights-legal = Legal contacts:
rights-door = At the door
rights-door-open = Do not open the door. Agents may not come in without a warrant signed by a judge, or your consent; opening the door can be taken as consent.
rights-door-warrant = Ask them to show the warrant through a window or slide it under the door.
rights-door-judge = Check it: a judicial warrant is signed by a judge and names a court, your address and what may be searched. A form signed by an immigration officer (for example an ICE form I-205 or I-247) is not a judicial warrant and does not allow them in.
rights-door-outside = If they come in anyway, do not resist. Say clearly: "I do not consent to this search." Remember what happens and write it down afterwards.
rights-door-silent = Speak through the door. You can say: "I choose to remain silent."
rights-work = At work
rights-work-silent = You have the right to remain silent. You do not have to answer questions about where you were born or your immigration status.
rights-work-areas = Agents need a judicial warrant, or the employer's consent, to enter private areas of a workplace. Public areas are different.
rights-work-papers = Do not show documents about your status unless a lawyer tells you to.
rights-work-run = Do not run. Stay calm; ask whether you are free to go.
rights-street = In the street
rights-street-free = Ask: "Am I free to go?" If they say yes, walk away calmly.
rights-street-silent = You have the right to remain silent. Say: "I want to remain silent and I want to speak to a lawyer."
rights-street-search = You may refuse a search of yourself or your belongings. Say: "I do not consent to a search." Do not resist physically.
rights-street-calm = Stay calm, keep your hands visible, do not run and do not argue.
rights-street-record = Anyone may film agents in public, from a distance, without getting in their way.
rights-always = Always
rights-always-sign = Do not sign anything, above all in a language you do not understand, without talking to a lawyer first.
rights-always-lie = Do not lie, and never show false documents. You may stay silent instead.
rights-always-lawyer = Ask for a lawyer. If you are detained, you have the right to call a lawyer and your consulate.
rights-always-number = Learn by heart the numbers of your lawyer, your family and the committee's hotline.
rights-always-plan = Make your emergency plan: who picks up the children, where your papers are, who to call.
rights-print = To print this page, use your browser's Print. The menus and forms are left out of the printout.
rights-edit = The committee's contacts
field-rights-hotline = Hotline number
field-rights-legal = Legal contacts
field-rights-legal-hint = Lawyers and legal aid organisations, with their numbers. Shown to the committee's members.
rights-save = Save the contacts

## Errors

error-plan-message-empty = Write the message your contacts will get.
error-plan-message-too-long = The message is too long.
error-plan-no-contacts = Give at least one email address for your plan to go to.
error-plan-too-many-contacts = That is more contacts than a plan can hold.
error-plan-bad-contact = One of the contacts is not an email address. Put one address per line.
error-incident-missing = Say what happened, when and where.
error-incident-too-long = A part of the account is too long.
error-evidence-empty = Choose a photo to upload.
error-evidence-too-large = That file is larger than a photo may be. Nothing was uploaded.
error-evidence-record-full = This record has no room for more photos. Nothing was uploaded.
error-evidence-video = Videos cannot be stripped of their metadata here, so they are refused. Nothing was uploaded. Keep the video safe and give it to the lawyer directly.
error-evidence-unsupported = Only JPEG, PNG and WebP photos can be stripped of their metadata. Nothing was uploaded. Most phones can share a photo as JPEG.
error-evidence-broken = That photo is damaged or incomplete. Nothing was uploaded.
error-export-key = That is not an age public key (it starts with age1). Give the key or a passphrase, not both.
