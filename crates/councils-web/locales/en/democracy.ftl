# Council democracy: delegates, elections, mandates, recalls, referendums and the rules
# a council keeps for its delegates.
delegates-title = Delegates
delegates-sent = Delegates this council sends
delegates-received = Delegates this council receives
delegates-none = No delegates yet.
delegate-status-active = Sitting
delegate-status-recalled = Recalled
delegate-status-ended = Term ended
delegate-from = Elected by
delegate-to = Sits in
delegate-term = Term
delegate-mandates = Mandates and how they voted
delegate-mandated = Mandate:
delegate-voted = Voted:
delegate-contrary = Against the mandate
delegate-no-open-vote = not yet voted
delegate-contrary-count = { $count ->
    [one] One vote counted against the mandate.
   *[other] { $count } votes counted against the mandate.
}
election-call = Call an election of delegates
election-lead = The council elects as many delegates as its seats in the higher council, by single transferable vote, for a term. They can be recalled at any time.
election-submit = Call the election
election-default-title = Delegates to { $parent }
election-seats = { $count ->
    [one] 1 seat
   *[other] { $count } seats
}
field-election-parent = Higher council
field-term-months = Term, in months
field-candidates = Candidates
mandates-title = Mandates
mandates-lead = Before a higher council decides, this council may bind its delegates: for, against, abstain, or free to judge.
mandates-none = No mandates yet.
mandate-none-yet = No mandate yet
mandate-motion-link = the mandate vote
mandate-propose = Put a mandate to the vote
mandate-motion-title = Mandate: { $title }
mandate-motion-body = How our delegates must vote on this motion of the higher council. Rank the options you accept, first the one you prefer: for, against, abstain, or free (the delegates judge). The option a majority prefers becomes the mandate.
mandate-motion-body-ranked = How our delegates must rank the options of this motion of the higher council. Rank them as you would have the council rank them: the Schulze order of our ballots becomes the mandate, and the delegates must rank exactly so.
mandate-for = For
mandate-against = Against
mandate-abstain = Abstain
mandate-free = Free
mandate-ranking = A ranking
mandate-policy-refuse = Refuse a delegate's vote against the mandate
mandate-policy-record-and-flag = Count it, flag it and open a recall
recall-title = Recall
recall-heading = Recall of { $handle }
recall-lead = Any member may start a recall of this council's delegate to { $parent }. When enough members sign, the delegate is removed at once and a by-election opens.
recall-start = Start a recall
recall-see-open = See the recall in progress
recall-sign = Sign the recall
recall-signed = You have signed this recall.
recall-signatures = { $count } of { $required } signatures needed.
recall-threshold = { $count ->
    [one] One signature removes the delegate.
   *[other] { $count } signatures are needed.
}
recall-voting = The signatures reached the threshold: the council is voting on the recall.
recall-vote-link = Vote on the recall
recall-not-sitting = This delegate no longer sits.
recall-vote-title = Recall { $handle } from { $parent }?
recall-vote-body-contrary = Opened when the delegate's vote went against the council's mandate.
recall-threshold-majority = A majority of the members
recall-threshold-count = A number of signatures
recall-threshold-share = A share of the members
recall-mode-remove-at-threshold = Remove the delegate at the threshold
recall-mode-open-recall-vote = Open a recall vote at the threshold
field-recall-reason = Why recall this delegate
field-term-cap = Consecutive terms allowed
field-term-cap-hint = 0 for no limit
field-mandate-policy = A delegate's vote against the mandate
field-recall-threshold = Signatures a recall needs
field-recall-num = Number of signatures, or the share's numerator
field-recall-den = The share's denominator
field-recall-mode = At the threshold
field-vote-weighting = Weight of the delegates this council receives
vote-weighting-members = The members each constituent represents, shared among its delegates
vote-weighting-seats = One per seat
rules-title = Delegation rules
rules-submit = Save the rules
motion-by-election = A by-election for the seats left vacant by a recall
referendum-badge = Referendum
referendum-vote = Vote in the referendum
referendum-call = Put to a referendum
referendum-hint = Every member of every council below this one votes, once each.
minutes-by-contrary-vote = a vote against the mandate
minutes-delegate-elected = { $member } was elected delegate to { $parent } until { $ends }.
minutes-delegate-seated = { $member } took a seat as delegate of { $constituent }.
minutes-delegate-term-ended = The term of { $member } as delegate to { $parent } ended.
minutes-delegate-unseated = { $member }, delegate of { $constituent }, left their seat.
minutes-mandate-voted = The council mandated its delegates to { $parent }: { $mandate }.
minutes-vote-against-mandate = { $member } voted against the council's mandate; the vote was counted and flagged.
minutes-recall-started = A recall of a delegate was started by { $by }.
minutes-recall-vote-opened = A recall reached its threshold: the recall vote opened.
minutes-delegate-recalled = { $member } was recalled as delegate to { $parent }; a by-election opens for the seat.
minutes-recall-failed = The recall vote kept the delegate.
minutes-delegation-rules-changed = { $by } changed the delegation rules: { $policy }; { $mode }; { $weighting }.
minutes-referendum-called = { $by } put a motion to a referendum of every member below the council.
error-mandate-contrary = This vote goes against your council's mandate. Vote as mandated, or ask your council for a new mandate.
error-mandate-does-not-fit = This mandate does not fit the motion's voting method.
error-mandate-ranking-invalid = The mandated ranking is not a valid ranking of the options.
error-mandate-malformed = A stored mandate could not be read.
error-recall-already-signed = You have already signed this recall.
error-recall-not-collecting = This recall is no longer collecting signatures.
error-recall-no-vote-open = No recall vote is open.
error-recall-invalid-threshold = A recall threshold needs at least one signature, and a share between 0 and 1.
error-term-cap-reached = A candidate has served as many consecutive terms as the council allows.
error-term-invalid-cap = A cap on consecutive terms allows at least one term.
error-term-ends-before-start = A term ends after it starts.
error-term-too-long = A term lasts at most five years.
error-delegates-only = In this council only the delegates of its constituent councils vote.
error-not-a-parent = This council does not send delegates to that council.
error-recall-open = A recall of this delegate is already open, or the delegate no longer sits.
error-no-referendum = Only a motion of a council with constituents, before voting opens, can be put to a referendum.
error-seated-for-another = One of the candidates already sits in that council for another council. A person holds one seat in a council.
