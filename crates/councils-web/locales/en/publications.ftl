# Publications: statements and leaflets, comments, the printable leaflet.
publications-title = Publications
publications-lead = Statements and leaflets of this council, in its languages, with members' comments.
publications-none = No publications yet.
publication-new-title = Write a publication
publication-new-lead = Write the text in one language or both. It is saved as a draft that only organisers see until you publish it.
publication-draft = Draft
publication-public = Public
publication-members-only = Members only
publication-public-title = Public statements and leaflets
publication-public-lead = What councils on this server chose to publish for everyone. No account is needed to read them.
publication-feed = Atom feed of these publications
publication-feed-summary = A publication of { $council }.
field-publication-title = Title
field-publication-body = Text
field-publication-body-hint = (Markdown: *emphasis*, **bold**, # headings, - lists, > quotes)
field-publication-public = Public: anyone may read it without signing in
field-publication-public-hint = Only members can comment, public or not.
publication-save-draft = Save the draft
publication-desk = For organisers
publication-publish = Publish to the members
publication-make-public = Make it public
publication-make-members-only = Make it members only
publication-date = { $day } { $month } { $year }
publication-month-1 = January
publication-month-2 = February
publication-month-3 = March
publication-month-4 = April
publication-month-5 = May
publication-month-6 = June
publication-month-7 = July
publication-month-8 = August
publication-month-9 = September
publication-month-10 = October
publication-month-11 = November
publication-month-12 = December
leaflet-title = Printable leaflet
leaflet-lead = A PDF with the council's name and the date, to print and hand out.
field-leaflet-paper = Paper
leaflet-paper-a4 = A4
leaflet-paper-us-letter = US Letter
field-leaflet-layout = Languages
leaflet-layout-side-by-side = Side by side
leaflet-layout-page-per-language = One language per page
leaflet-download = Download the PDF
publication-comments = Comments
publication-comments-none = No comments yet.
publication-comment-label = Your comment
publication-comment-submit = Comment
publication-comment-members = Only members of this council can comment.
publication-comment-sign-in = Members of this council can comment after signing in.
publication-comment-hidden = An organiser hid this comment.
publication-comment-hidden-badge = Hidden
publication-comment-removed = An organiser removed this comment.
publication-reply = Reply
publication-reply-label = Your reply
publication-reply-submit = Send the reply
publication-moderate-hide = Hide
publication-moderate-restore = Show again
publication-moderate-remove = Remove
minutes-publication-published = { $by } published a publication{ $public ->
    [yes] , public
   *[no] {""} for members
}.
minutes-publication-visibility-changed = { $by } made a publication { $public ->
    [yes] public
   *[no] members only
}.
minutes-publication-comment-moderated = { $by } { $moderation ->
    [hide] hid
    [restore] showed again
   *[remove] removed
} a comment on a publication.
delivery-title-publication-published = A new publication from your council
delivery-title-publication-replied = Someone replied to your comment
error-publication-no-text = Give a title and a text in at least one language.
error-publication-incomplete = Each language needs both a title and a text (or neither).
error-publication-too-long = A title or a text is too long.
error-publication-comment-empty = Write something before sending.
error-publication-comment-too-long = The comment is too long.
error-publication-no-such-parent = The comment you replied to is not on this publication.
error-publication-not-published = Comments open once the publication is published.
error-publication-comments-full = This publication takes no more comments.
error-publication-already-published = This publication is already published.
error-publication-wrong-moderation = That comment changed meanwhile; look again.
error-leaflets-not-built = This server was built without leaflets, so it cannot make a PDF. Ask its operator for a build with leaflets.
landing-publications-title = Statements and leaflets
landing-publications = Read what councils here have published for everyone, and print their leaflets.
landing-publications-link = Public publications
publication-edit = Edit the text
publication-edit-title = Edit the publication
publication-edit-lead = Change the text in either language, or empty both fields of a language to take it out. A change to a published text is written in the minutes.
publication-save-changes = Save the changes
publication-delete = Delete
publication-delete-sure = Delete it for good, with its comments
minutes-publication-revised = { $by } changed the text of a publication.
minutes-publication-withdrawn = { $by } withdrew a publication.
error-publication-not-confirmed = Tick the box to say you mean to delete it.
