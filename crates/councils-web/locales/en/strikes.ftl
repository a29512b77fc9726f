# Strikes: a committee's strikes, a strike's page, its picket rota and its fund.
strikes-title = Strikes
strikes-none = No strike yet.
strike-run-by = Run by { $committee }
strike-open-title = Open a strike
strike-open-lead = A strike opens on a strike vote of this committee that was decided and carried. It is run by a strike committee: found one here, or choose one you organise.
strike-open-no-vote = A strike opens only on a strike vote of this committee, decided and carried. Put a strike vote to the committee from its agenda first.
strike-field-vote = Carried strike vote
strike-field-title = What the strike is called
strike-field-demands = Demands
strike-field-demands-hint = One per line.
strike-field-currency = Currency of the strike fund
strike-field-currency-hint = Three letters, for example USD or MXN.
strike-field-committee = Strike committee
strike-field-committee-new = Found a new strike committee
strike-field-committee-name = Name of the new strike committee
strike-field-committee-slug = Short name of the new strike committee
strike-open = Open the strike
strike-join-title = Join another committee's strike
strike-join-lead = On a strike vote of this committee that carried, this committee joins a strike and becomes a constituent of its strike committee, where it elects delegates.
strike-field-join-committee = Strike committee
strike-field-join-committee-hint = Its short name, as in its address: /c/short-name.
strike-join = Join the strike
strike-join-unknown = No strike is run by a strike committee of that name.
strike-sections = Strike sections
strike-page = The strike
strike-demands = Demands
strike-committees = Committees
strike-delegates = Delegates to the strike committee
strike-opened-at = Opened { $time }
strike-status-change = Status of the strike
strike-field-status = Status
strike-status-save = Save the status
strike-status-active = On strike
strike-status-suspended = Suspended
strike-status-won = Won
strike-status-ended = Ended

rota-title = Picket rota
rota-none = No shift yet.
rota-gaps = { $people ->
    [one] One more person is needed
   *[other] { $people } more people are needed
} across { $shifts ->
    [one] one shift
   *[other] { $shifts } shifts
}.
rota-no-gaps = Every shift ahead has the people it needs.
rota-signed = { $signed } of { $needed } signed up
rota-gap = { $count ->
    [one] 1 more needed
   *[other] { $count } more needed
}
rota-full = Full
rota-sign-up = Sign up
rota-withdraw = Withdraw
rota-started = This shift has started.
rota-add = Add a shift
rota-field-place = Place
rota-field-starts = Starts
rota-field-starts-hint = Date and time, in UTC.
rota-field-hours = Hours
rota-field-needed = People needed
rota-add-button = Add the shift

fund-title = Strike and hardship fund
fund-balance = In the fund:
fund-pledged = Pledged
fund-outstanding = Pledged, not yet received
fund-received = Received
fund-paid = Paid out
fund-pledge-count = { $count ->
    [one] 1 pledge
   *[other] { $count } pledges
}
fund-payment-count = { $count ->
    [one] 1 payment
   *[other] { $count } payments
}
fund-lead = The treasurer keeps the fund. Payments to members are seen only by the treasurer and the member paid; here are the totals, and your own payments if you received any.
fund-lead-treasurer = You keep this fund. Every movement balances in double entry; payments are seen only by you and the member paid.
fund-record = Record a movement
fund-kind-pledge = Pledge
fund-kind-receipt = Receipt
fund-kind-payment = Payment
fund-pledge-hint = A promise of money, not money yet: it counts in the fund once received.
fund-field-amount = Amount ({ $currency })
fund-field-from = From whom
fund-field-for = What for
fund-field-pledge = Fulfils the pledge
fund-no-pledge = No pledge: a new contribution
fund-field-payee = Member paid (handle)
fund-record-pledge = Record the pledge
fund-record-receipt = Record the receipt
fund-record-payment = Pay the member
fund-journal = Every movement
fund-my-payments = Your payments
fund-still-owed = still owed { $amount }
fund-entries = Double entries
fund-report = Report
fund-account = Account
fund-account-balance = Balance
fund-books-balance = The books balance: the accounts sum to zero.
fund-books-unbalanced = The books do not balance.
ledger-account-cash = Cash in the fund
ledger-account-pledged = Pledges owed
ledger-account-contributions = Contributions
ledger-account-payments = Payments to members

error-strike-vote-not-carried = A strike opens only on this committee's strike vote, decided and carried.
error-strike-vote-used = That strike vote has already opened or joined a strike.
error-strike-already-joined = This committee is already on that strike.
error-strike-ended = The strike is over.
error-strike-missing = A title, at least one demand and a place are needed.
error-strike-too-long = A text is too long.
error-strike-too-many-demands = Too many demands: at most 20.
error-strike-bad-shift = A shift needs a start time ahead, 1 to 24 hours and at least one person.
error-strike-shift-started = That shift has already started.
error-strike-wrong-kind = Strikes are opened by workplace committees and run by strike committees.
error-ledger-bad-amount = An amount is more than zero, in the currency's units with at most two decimals (25 or 25.50).
error-ledger-bad-currency = A currency is three letters, for example USD.
error-ledger-wrong-currency = The fund keeps one currency.
error-ledger-unbalanced = The entries of a movement must balance.
error-ledger-overdrawn = The fund does not hold that much: the payment would overdraw it.
error-ledger-pledge-received = That pledge has already been received in full.

minutes-strike-opened = { $by } opened a strike of { $committee }, run by { $strike_committee }.
minutes-strike-joined = { $by } took { $committee } onto the strike.
minutes-strike-status-changed = { $by } set the strike's status: { $status }.

delivery-title-picket-reminder = Your picket shift starts soon
