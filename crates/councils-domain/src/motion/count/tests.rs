//! Counts of known results, one or more per method.

use councils_tally::rules::{MajorityRule, Quorum};

use super::*;
use crate::motion::{ConsentChoice, MotionKind, Secrecy, StvVariant, TransferKind, YesNo};

fn rules(method: Method, quorum: Quorum) -> MotionRules {
    let kind = if method.has_fixed_options() {
        MotionKind::Ordinary
    } else {
        MotionKind::Election
    };
    MotionRules::new(
        kind,
        method,
        quorum,
        MajorityRule::default(),
        Secrecy::Secret,
    )
    .unwrap()
}

fn options(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("option {i}")).collect()
}

fn strict(order: &[usize], weight: u64) -> (Choice, u64) {
    (
        Choice::Ranked(order.iter().map(|&o| vec![o]).collect()),
        weight,
    )
}

fn round_trips(outcome: &Outcome) {
    let json = serde_json::to_string(outcome).unwrap();
    let back: Outcome = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, outcome, "{json}");
}

#[test]
fn a_yes_no_motion_passes_with_more_yes_than_no_and_abstentions_aside() {
    let ballots = [
        (Choice::YesNo(YesNo::Yes), 3),
        (Choice::YesNo(YesNo::No), 2),
        (Choice::YesNo(YesNo::Abstain), 5),
    ];
    let outcome = count(&rules(Method::YesNo, Quorum::None), &[], &ballots, None, 0).unwrap();
    assert_eq!(outcome.decision, Decision::Passed);
    assert_eq!(outcome.passed(), Some(true));
    assert_eq!(
        outcome.detail,
        Detail::YesNo {
            yes: 3,
            no: 2,
            abstain: 5
        }
    );
    assert_eq!((outcome.ballots, outcome.weight), (3, 10));
    assert_eq!(outcome.decided_by, DecidedBy::Count);
    round_trips(&outcome);
}

#[test]
fn a_motion_short_of_quorum_does_not_pass() {
    let ballots = [(Choice::YesNo(YesNo::Yes), 9)];
    let half = Quorum::Share { num: 1, den: 2 };
    let outcome = count(&rules(Method::YesNo, half), &[], &ballots, Some(20), 0).unwrap();
    assert!(!outcome.quorum_met);
    assert_eq!(outcome.decision, Decision::NoQuorum);
    assert_eq!(outcome.passed(), Some(false));
}

#[test]
fn a_ranked_vote_short_of_quorum_elects_no_one() {
    let ballots = [strict(&[0, 1], 2)];
    let outcome = count(
        &rules(Method::Irv, Quorum::Absolute(5)),
        &options(2),
        &ballots,
        None,
        0,
    )
    .unwrap();
    assert_eq!(outcome.decision, Decision::NoQuorum);
    assert!(outcome.winners().is_empty());
    assert_eq!(outcome.passed(), None);
}

#[test]
fn a_quorum_share_needs_the_number_entitled() {
    let ballots = [(Choice::YesNo(YesNo::Yes), 1)];
    let half = Quorum::Share { num: 1, den: 2 };
    assert_eq!(
        count(&rules(Method::YesNo, half), &[], &ballots, None, 0),
        Err(CountError::Tally(TallyError::EntitledUnknown))
    );
}

#[test]
fn one_block_stops_a_consent_proposal() {
    let ballots = [
        (Choice::Consent(ConsentChoice::Consent), 40),
        (Choice::Consent(ConsentChoice::Object), 3),
        (Choice::Consent(ConsentChoice::Block), 1),
    ];
    let outcome = count(
        &rules(Method::Consent, Quorum::None),
        &[],
        &ballots,
        None,
        0,
    )
    .unwrap();
    assert_eq!(outcome.decision, Decision::Blocked);
    assert_eq!(outcome.passed(), Some(false));
    round_trips(&outcome);
}

#[test]
fn the_most_approved_option_wins() {
    let ballots = [
        (Choice::Approval(vec![0, 1]), 3),
        (Choice::Approval(vec![1]), 2),
        (Choice::Approval(vec![2]), 4),
        (Choice::Approval(vec![]), 1),
    ];
    let outcome = count(
        &rules(Method::Approval, Quorum::None),
        &options(3),
        &ballots,
        None,
        0,
    )
    .unwrap();
    assert_eq!(outcome.winners(), &[1]);
    assert_eq!(
        outcome.detail,
        Detail::Approval {
            totals: vec![3, 5, 4]
        }
    );
    assert_eq!(outcome.weight, 10);
    round_trips(&outcome);
}

#[test]
fn a_tie_drawn_by_lot_records_its_seed() {
    let ballots = [(Choice::Approval(vec![0, 1]), 1)];
    let outcome = count(
        &rules(Method::Approval, Quorum::None),
        &options(2),
        &ballots,
        None,
        77,
    )
    .unwrap();
    assert_eq!(outcome.decided_by, DecidedBy::Lot { seed: 77 });
    assert_eq!(outcome.winners().len(), 1);
    round_trips(&outcome);
}

#[test]
fn the_highest_score_total_wins() {
    let ballots = [
        (Choice::Score(vec![5, 0]), 3),
        (Choice::Score(vec![0, 4]), 2),
        (Choice::Score(vec![1, 5]), 2),
    ];
    let outcome = count(
        &rules(Method::Score { max: 5 }, Quorum::None),
        &options(2),
        &ballots,
        None,
        0,
    )
    .unwrap();
    assert_eq!(outcome.winners(), &[1]);
    assert_eq!(
        outcome.detail,
        Detail::Score {
            totals: vec![17, 18],
            max: 5
        }
    );
    round_trips(&outcome);
}

/// The example of the Schulze method's Wikipedia article: 45 voters, five candidates A-E,
/// and E wins.
#[test]
fn schulze_elects_e_in_the_published_example() {
    let (a, b, c, d, e) = (0, 1, 2, 3, 4);
    let ballots = [
        strict(&[a, c, b, e, d], 5),
        strict(&[a, d, e, c, b], 5),
        strict(&[b, e, d, a, c], 8),
        strict(&[c, a, b, e, d], 3),
        strict(&[c, a, e, b, d], 7),
        strict(&[c, b, a, d, e], 2),
        strict(&[d, c, e, b, a], 7),
        strict(&[e, b, a, d, c], 8),
    ];
    let outcome = count(
        &rules(Method::Schulze, Quorum::None),
        &options(5),
        &ballots,
        None,
        0,
    )
    .unwrap();
    assert_eq!(outcome.winners(), &[e]);
    let Detail::Schulze {
        pairwise,
        strongest_paths,
        ranking,
    } = &outcome.detail
    else {
        panic!("not a Schulze detail: {:?}", outcome.detail);
    };
    assert_eq!(pairwise[a], vec![0, 20, 26, 30, 22]);
    assert_eq!(strongest_paths[e], vec![25, 28, 28, 31, 0]);
    assert_eq!(ranking, &vec![vec![e], vec![a], vec![c], vec![b], vec![d]]);
    round_trips(&outcome);
}

#[test]
fn schulze_counts_options_ranked_equal() {
    let ballots = [
        (Choice::Ranked(vec![vec![0, 1], vec![2]]), 3),
        (Choice::Ranked(vec![vec![1]]), 1),
    ];
    let outcome = count(
        &rules(Method::Schulze, Quorum::None),
        &options(3),
        &ballots,
        None,
        0,
    )
    .unwrap();
    assert_eq!(outcome.winners(), &[1]);
}

/// Tennessee's capital, the classic instant-runoff example: Memphis 42%, Nashville 26%,
/// Chattanooga 15%, Knoxville 17%, each city's voters ranking the others by distance.
fn tennessee() -> Vec<(Choice, u64)> {
    let (m, n, c, k) = (0, 1, 2, 3);
    vec![
        strict(&[m, n, c, k], 42),
        strict(&[n, c, k, m], 26),
        strict(&[c, k, n, m], 15),
        strict(&[k, c, n, m], 17),
    ]
}

#[test]
fn instant_runoff_elects_knoxville_after_two_exclusions() {
    let outcome = count(
        &rules(Method::Irv, Quorum::None),
        &options(4),
        &tennessee(),
        None,
        0,
    )
    .unwrap();
    assert_eq!(outcome.winners(), &[3]);
    let Detail::Irv { rounds } = &outcome.detail else {
        panic!("not an IRV detail");
    };
    let excluded: Vec<_> = rounds.iter().map(|r| r.excluded).collect();
    assert_eq!(excluded, vec![Some(2), Some(1), None]);
    assert_eq!(rounds[1].votes, vec![42, 26, 0, 32]);
    round_trips(&outcome);
}

#[test]
fn stv_for_one_seat_agrees_with_instant_runoff_under_both_rules() {
    for variant in StvVariant::ALL {
        let method = Method::Stv { seats: 1, variant };
        let outcome = count(
            &rules(method, Quorum::None),
            &options(4),
            &tennessee(),
            None,
            0,
        )
        .unwrap();
        assert_eq!(outcome.winners(), &[3], "{variant:?}");
        let Detail::Stv { rounds, .. } = &outcome.detail else {
            panic!("not an STV detail");
        };
        let first_exclusion = rounds.iter().find_map(|r| r.excluded);
        assert_eq!(first_exclusion, Some(2), "{variant:?}");
        let transfer = rounds[1].transfer.as_ref().unwrap();
        assert_eq!(transfer.kind, TransferKind::Exclusion);
        round_trips(&outcome);
    }
}

#[test]
fn stv_elects_in_order_of_votes_when_both_reach_the_quota() {
    let ballots = [strict(&[0, 1], 6), strict(&[2], 4)];
    for variant in StvVariant::ALL {
        let method = Method::Stv { seats: 2, variant };
        let outcome = count(&rules(method, Quorum::None), &options(3), &ballots, None, 0).unwrap();
        assert_eq!(outcome.winners(), &[0, 2], "{variant:?}");
        let Detail::Stv { quota, seats, .. } = &outcome.detail else {
            panic!("not an STV detail");
        };
        assert_eq!(*seats, 2);
        assert!(quota.to_f64() > 3.3 && quota.to_f64() <= 4.0, "{quota:?}");
    }
}

#[test]
fn a_ballot_that_does_not_fit_stops_the_count() {
    let ballots = [strict(&[0, 1], 1), strict(&[0, 7], 1)];
    assert_eq!(
        count(
            &rules(Method::Irv, Quorum::None),
            &options(3),
            &ballots,
            None,
            0
        ),
        Err(CountError::Ballot {
            index: 1,
            error: BallotError::UnknownOption {
                option: 7,
                options: 3
            }
        })
    );
}

#[test]
fn the_order_of_ballots_does_not_change_a_count() {
    let mut ballots = tennessee();
    let forward = count(
        &rules(Method::Schulze, Quorum::None),
        &options(4),
        &ballots,
        None,
        0,
    )
    .unwrap();
    ballots.reverse();
    let backward = count(
        &rules(Method::Schulze, Quorum::None),
        &options(4),
        &ballots,
        None,
        0,
    )
    .unwrap();
    assert_eq!(forward, backward);
}

#[test]
fn ballots_weighing_more_than_a_count_takes_are_refused() {
    let ballots = [(Choice::YesNo(YesNo::Yes), WEIGHT_MAX + 1)];
    assert_eq!(
        count(&rules(Method::YesNo, Quorum::None), &[], &ballots, None, 0),
        Err(CountError::WeightTooLarge)
    );
}

#[test]
fn ballots_counted_in_groups_give_the_same_outcome_and_count_ballots_not_groups() {
    let rules = rules(Method::Schulze, Quorum::Absolute(5));
    let one_by_one: Vec<(Choice, u64)> =
        [&[0, 1, 2][..], &[0, 1, 2], &[1, 0], &[2, 1, 0], &[0, 1, 2]]
            .iter()
            .map(|order| strict(order, 1))
            .collect();
    let groups = vec![
        (strict(&[0, 1, 2], 1).0, 3, 3),
        (strict(&[1, 0], 1).0, 1, 1),
        (strict(&[2, 1, 0], 1).0, 1, 1),
    ];
    let single = count(&rules, &options(3), &one_by_one, None, 9).unwrap();
    let grouped = count_grouped(&rules, &options(3), &groups, None, 9).unwrap();
    assert_eq!(grouped, single);
    assert_eq!(grouped.ballots, 5);
    assert!(
        grouped.quorum_met,
        "the quorum counts weight, whatever the grouping"
    );
}
