# Mutual aid: requests and offers, matching by kind and area.

aid-title = Mutual aid
aid-lead = Ask for help or offer it: rides, food, childcare, housing, bail and bond, translation. Offers are shown against requests of the same kind in the same area.
aid-new-request = Ask for help
aid-new-offer = Offer help
aid-new-title = Ask for or offer help
aid-new-lead = Members of this committee (and of the councils you share with) will see this. Name an area, never an address; say how to reach you only when someone answers.
aid-none = Nothing here yet.
aid-filter = Show
aid-show-all = Also show what is met or withdrawn
aid-kind-any = Any kind
aid-shared-from = From { $council }
aid-for-other-badge = For someone else
aid-matches-count = { $count ->
    [one] 1 match
   *[other] { $count } matches
}

aid-direction-request = Request
aid-direction-offer = Offer
aid-kind-rides = Rides
aid-kind-food = Food
aid-kind-childcare = Childcare
aid-kind-housing = Housing
aid-kind-bail = Bail and bond
aid-kind-translation = Translation
aid-status-open = Open
aid-status-matched = Matched
aid-status-met = Met
aid-status-withdrawn = Withdrawn

aid-field-direction = Do you ask or offer?
aid-field-kind = Kind of help
aid-field-area = Area
aid-field-area-hint = A neighbourhood or a few streets, never an address.
aid-field-details = What is needed or offered
aid-field-details-hint = When, how much, for how long.
aid-field-for-other = I am asking for someone else (for example a detained neighbour's family)
aid-field-for-whom = Who it is for
aid-field-for-whom-hint = In your words, no full names: they need not be a member. Only for requests.
aid-field-share = Share with
aid-post = Post it

aid-yours = You posted this.
aid-for-whom = Who it is for
aid-posted-by = Posted by
aid-someone = a former member
aid-matched-by = Answered by
aid-shared-with = Shared with
aid-answer-request = I can help
aid-answer-offer = I would like this
aid-mark-met = Mark as met
aid-release = It fell through: open again
aid-withdraw = Withdraw
aid-kept-until = Deleted on { $date }.
aid-matching-offers = Offers that match
aid-matching-requests = Requests that match
aid-no-matches = Nothing matches yet (the same kind in the same area).

delivery-title-aid-matched = Someone answered your mutual-aid post

error-aid-area-empty = Name an area.
error-aid-details-empty = Say what is needed or offered.
error-aid-too-long = One of the texts is too long.
error-aid-for-whom-missing = Say who the request is for.
error-aid-wrong-step = That cannot be done now: the post changed meanwhile.
error-aid-own-post = You cannot answer your own post.
