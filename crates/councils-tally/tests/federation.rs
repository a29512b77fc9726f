//! Votes up a federation: delegates weighted by members represented or per seat, mandated
//! results at every level, and referendums that count each base member once.

use councils_tally::{
    Rules, Weighted,
    federation::{
        CouncilId, DelegateVote, DelegateWeighting, FederationBuilder, FederationError,
        MemberBallot, MemberId,
    },
    method::yes_no::{Choice, Decision, YesNoCount},
};

/// Two workplaces (1: 30 members, 2: 10 members) and a neighbourhood (3: 5 members) send
/// delegates to a city council (10); workplace 2 also sends one to a strike committee (20)
/// which sends one to the city council: workplace 2 reaches the city by two paths.
fn city() -> councils_tally::federation::Federation {
    let mut b = FederationBuilder::new();
    b.base(CouncilId(1), 30)
        .base(CouncilId(2), 10)
        .base(CouncilId(3), 5);
    b.higher(CouncilId(10)).higher(CouncilId(20));
    b.delegates(CouncilId(1), CouncilId(10), 3)
        .delegates(CouncilId(2), CouncilId(10), 1)
        .delegates(CouncilId(3), CouncilId(10), 1)
        .delegates(CouncilId(2), CouncilId(20), 1)
        .delegates(CouncilId(20), CouncilId(10), 1);
    b.build().unwrap()
}

#[test]
fn a_delegate_carries_the_members_it_represents_or_one_per_seat() {
    let f = city();
    let votes = [
        DelegateVote {
            from: CouncilId(1),
            seat: 0,
            ballot: Choice::Yes,
        },
        DelegateVote {
            from: CouncilId(1),
            seat: 1,
            ballot: Choice::Yes,
        },
        DelegateVote {
            from: CouncilId(3),
            seat: 0,
            ballot: Choice::No,
        },
    ];
    let by_members = f
        .delegate_ballots(CouncilId(10), &votes, DelegateWeighting::MembersRepresented)
        .unwrap();
    assert_eq!(
        YesNoCount::from_ballots(&by_members),
        YesNoCount {
            yes: 20,
            no: 5,
            abstain: 0
        }
    );
    let by_seat = f
        .delegate_ballots(CouncilId(10), &votes, DelegateWeighting::OnePerSeat)
        .unwrap();
    assert_eq!(
        YesNoCount::from_ballots(&by_seat),
        YesNoCount {
            yes: 2,
            no: 1,
            abstain: 0
        }
    );
}

#[test]
fn a_delegate_from_a_council_that_is_not_a_constituent_is_refused() {
    let f = city();
    let votes = [DelegateVote {
        from: CouncilId(1),
        seat: 0,
        ballot: Choice::Yes,
    }];
    assert_eq!(
        f.delegate_ballots(CouncilId(20), &votes, DelegateWeighting::OnePerSeat),
        Err(FederationError::NotAConstituent {
            from: CouncilId(1),
            to: CouncilId(20)
        })
    );
    let twice = [
        DelegateVote {
            from: CouncilId(2),
            seat: 0,
            ballot: Choice::Yes,
        },
        DelegateVote {
            from: CouncilId(2),
            seat: 0,
            ballot: Choice::No,
        },
    ];
    assert_eq!(
        f.delegate_ballots(CouncilId(20), &twice, DelegateWeighting::OnePerSeat),
        Err(FederationError::DuplicateVote(CouncilId(2)))
    );
}

#[test]
fn mandated_delegates_carry_their_councils_decisions_up_the_federation() {
    let f = city();
    let mut base = vec![YesNoCount::default(); f.len()];
    let idx = |id| f.index_of(CouncilId(id)).unwrap().0 as usize;
    base[idx(1)] = YesNoCount {
        yes: 10,
        no: 15,
        abstain: 0,
    };
    base[idx(2)] = YesNoCount {
        yes: 8,
        no: 1,
        abstain: 0,
    };
    base[idx(3)] = YesNoCount {
        yes: 4,
        no: 0,
        abstain: 1,
    };
    let result = f
        .tally_mandated(
            &base,
            DelegateWeighting::MembersRepresented,
            &Rules::default(),
        )
        .unwrap();
    let city = f.index_of(CouncilId(10)).unwrap();
    // Workplace 1 (30) says no; workplace 2 (10, twice: directly and via the strike
    // committee) and the neighbourhood (5) say yes: 25 for, 30 against.
    assert_eq!(
        result.count(city),
        YesNoCount {
            yes: 25,
            no: 30,
            abstain: 0
        }
    );
    assert_eq!(result.decision(city), Decision::Rejected);
    let per_seat = f
        .tally_mandated(&base, DelegateWeighting::OnePerSeat, &Rules::default())
        .unwrap();
    assert_eq!(
        per_seat.count(city),
        YesNoCount {
            yes: 3,
            no: 3,
            abstain: 0
        }
    );
}

#[test]
fn a_referendum_counts_a_member_reachable_by_two_paths_once() {
    let f = city();
    let mut ballots = Vec::new();
    for m in 0..30 {
        ballots.push(MemberBallot {
            council: CouncilId(1),
            member: MemberId(m),
            ballot: Choice::No,
        });
    }
    for m in 100..110 {
        ballots.push(MemberBallot {
            council: CouncilId(2),
            member: MemberId(m),
            ballot: Choice::Yes,
        });
    }
    // Member 100 also belongs to the neighbourhood and voted there too: counted once.
    ballots.push(MemberBallot {
        council: CouncilId(3),
        member: MemberId(100),
        ballot: Choice::No,
    });
    let counted = f.referendum_ballots(CouncilId(10), &ballots).unwrap();
    assert_eq!(counted.len(), 40);
    assert_eq!(
        YesNoCount::from_ballots(&counted),
        YesNoCount {
            yes: 10,
            no: 30,
            abstain: 0
        }
    );
    let strike = f.referendum_ballots(CouncilId(20), &ballots).unwrap();
    assert_eq!(strike, vec![Weighted::one(Choice::Yes); 10]);
}

#[test]
fn a_deep_chain_of_councils_needs_no_recursion() {
    let mut b = FederationBuilder::new();
    b.base(CouncilId(0), 7);
    for i in 1..200_000 {
        b.higher(CouncilId(i))
            .delegates(CouncilId(i - 1), CouncilId(i), 1);
    }
    let f = b.build().unwrap();
    let top = f.index_of(CouncilId(199_999)).unwrap();
    assert_eq!(f.members_represented(top), 7);
    assert_eq!(f.subtree_base_councils(top).len(), 1);
}
