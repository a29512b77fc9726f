# Charts of a motion's results (src/charts.rs). Every key starts with chart-.

chart-cast =
    { $ballots ->
        [one] 1 ballot
       *[other] { $ballots } ballots
    }, counting for { $weight ->
        [one] 1 member.
       *[other] { $weight } members.
    }
chart-passed = The motion passed.
chart-rejected = The motion was rejected.
chart-blocked = The proposal was blocked.
chart-no-quorum = The quorum was not met: nothing was decided.
chart-none-elected = No one was elected.
chart-winner = Winner: { $names }.
chart-elected = Elected: { $names }.
chart-tie-backwards = A tie was broken by the totals of earlier rounds.
chart-tie-forwards = A tie was broken by the totals of earlier stages.
chart-tie-lot = A tie was broken by lot (seed { $seed }).

chart-yes-no-title = Votes on the motion
chart-consent-title = Responses to the proposal
chart-approval-title = Approvals per option
chart-score-title = Score totals per option
chart-score-note = Each ballot scored the options from 0 to { $max }; a total is the scores times the weight of each ballot.
chart-schulze-title = Head-to-head contests
chart-schulze-legend = Each cell is the weight ranking the row's option above the column's option. Green: the row wins that contest; red: it loses; grey: a tie. Columns are numbered as the rows.
chart-ranking-title = Final ranking
chart-pairwise-caption = Head-to-head: weight ranking the row's option above the column's
chart-paths-caption = Strongest paths from the row's option to the column's
chart-irv-title = Instant-runoff rounds
chart-stv-title = Single transferable vote rounds
chart-quota-legend = The dashed line in each round marks the quota.

chart-yes = Yes
chart-no = No
chart-abstain = Abstain
chart-consent = Consent
chart-object = Object
chart-stand-aside = Stand aside
chart-block = Block

chart-answer = Answer
chart-option = Option
chart-votes = Votes
chart-total = Total
chart-result = Result
chart-mark-winner = wins
chart-exhausted = Exhausted
chart-quota = Quota

chart-round = Round { $round }
chart-stv-round = Round { $round } · quota { $quota }
chart-first-preferences = First preferences.
chart-irv-elected = { $name } has a majority.
chart-irv-excluded = { $name } is excluded; those votes go to the next preference.
chart-stv-surplus = The surplus of { $name } is transferred.
chart-stv-exclusion = { $name } is excluded; those votes are transferred.
chart-stv-elected = Elected this round: { $names }.
chart-cell-winner = { $votes } (wins)
chart-cell-elected = { $votes } (elected)
chart-cell-excluded = { $votes } (excluded)
