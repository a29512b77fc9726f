# Amendments put to the council's vote, and a council's defaults for new motions.

amendment-voting = Being voted on
amendment-put-to-vote = Put to the council's vote
amendment-vote-open = The council is voting on it: vote
amendment-vote-result = See the council's vote on it
amendment-pending-hint = Voting on this motion opens once the votes on its amendments are decided.
amendment-vote-of = This is the council's vote on an amendment. If it passes, the text below replaces the motion's text in { $language }.
amendment-vote-see-motion = See the motion
error-amendment-pending = An amendment to this motion is being voted on. Voting on the motion opens once that vote is decided.
minutes-amendment-put-to-vote = { $by } put an amendment to the council's vote.
minutes-amendment-voted = The council { $result } an amendment.
minutes-amendment-voted-accepted = accepted
minutes-amendment-voted-rejected = rejected
minutes-motion-defaults-changed = { $by } changed the defaults for new motions.

motion-defaults-title = Defaults for new motions
motion-defaults-intro = New motions start with these rules, and votes on amendments are held under them. Whoever proposes a motion can still change its rules.
motion-defaults-save = Save the defaults
