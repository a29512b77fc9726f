//! Instant-runoff counts checked against published examples.

use councils_tally::{Rules, compact::RankedBallots, method::irv};

#[test]
fn knoxville_wins_the_tennessee_capital_under_instant_runoff() {
    // Memphis 0, Nashville 1, Chattanooga 2, Knoxville 3 (the Wikipedia example, in percent).
    let mut b = RankedBallots::new(4).unwrap();
    b.push_strict(&[0, 1, 2, 3], 42).unwrap();
    b.push_strict(&[1, 2, 3, 0], 26).unwrap();
    b.push_strict(&[2, 3, 1, 0], 15).unwrap();
    b.push_strict(&[3, 2, 1, 0], 17).unwrap();
    let result = irv::tally(&b, &Rules::default()).unwrap();
    assert_eq!(result.winner, Some(3));
    let excluded: Vec<Option<usize>> = result.rounds.iter().map(|r| r.excluded).collect();
    assert_eq!(excluded, vec![Some(2), Some(1), None]);
    assert_eq!(result.rounds[1].votes, vec![42, 26, 0, 32]);
    assert_eq!(result.rounds[2].votes, vec![42, 0, 0, 58]);
}

#[test]
fn exhausted_ballots_leave_the_majority_threshold() {
    // After C is excluded its ballots rank nothing else, so A's 4 of 7 is a majority.
    let mut b = RankedBallots::new(3).unwrap();
    b.push_strict(&[0], 4).unwrap();
    b.push_strict(&[1], 3).unwrap();
    b.push_strict(&[2], 2).unwrap();
    let result = irv::tally(&b, &Rules::default()).unwrap();
    assert_eq!(result.winner, Some(0));
    assert_eq!(result.rounds[1].exhausted, 2);
}

#[test]
fn equal_preferences_are_refused_by_instant_runoff() {
    let mut b = RankedBallots::new(2).unwrap();
    b.push(&[vec![0, 1]], 1).unwrap();
    assert!(irv::tally(&b, &Rules::default()).is_err());
}
