//! Schulze counts checked against the worked examples of Markus Schulze's paper.

use councils_tally::{DecidedBy, Rules, compact::RankedBallots, method::schulze};

/// Ballots written as `(weight, "ACBED")`, candidates A, B, C... in order.
fn ballots(candidates: usize, rows: &[(u64, &str)]) -> RankedBallots {
    let mut b = RankedBallots::new(candidates).unwrap();
    for &(w, order) in rows {
        let order: Vec<usize> = order.bytes().map(|x| (x - b'A') as usize).collect();
        b.push_strict(&order, w).unwrap();
    }
    b
}

#[test]
fn example_1_of_the_paper_elects_e_and_ranks_e_a_c_b_d() {
    let b = ballots(
        5,
        &[
            (5, "ACBED"),
            (5, "ADECB"),
            (8, "BEDAC"),
            (3, "CABED"),
            (7, "CAEBD"),
            (2, "CBADE"),
            (7, "DCEBA"),
            (8, "EBADC"),
        ],
    );
    let result = schulze::tally(&b, &Rules::default()).unwrap();
    assert_eq!(result.winner, Some(4));
    assert_eq!(
        result.ranking,
        vec![vec![4], vec![0], vec![2], vec![1], vec![3]]
    );
    assert_eq!(result.decided_by, DecidedBy::Count);
    assert_eq!(result.cast, 45);
    // The paper's tables: d[A][*] and p[*][*].
    assert_eq!(result.pairwise[0], vec![0, 20, 26, 30, 22]);
    assert_eq!(result.pairwise[4], vec![23, 27, 21, 31, 0]);
    assert_eq!(
        result.strongest_paths,
        vec![
            vec![0, 28, 28, 30, 24],
            vec![25, 0, 28, 33, 24],
            vec![25, 29, 0, 29, 24],
            vec![25, 28, 28, 0, 24],
            vec![25, 28, 28, 31, 0],
        ]
    );
}

#[test]
fn example_2_of_the_paper_elects_d() {
    let b = ballots(
        4,
        &[
            (5, "ACBD"),
            (2, "ACDB"),
            (3, "ADCB"),
            (4, "BACD"),
            (3, "CBDA"),
            (3, "CDBA"),
            (1, "DACB"),
            (5, "DBAC"),
            (4, "DCBA"),
        ],
    );
    let result = schulze::tally(&b, &Rules::default()).unwrap();
    assert_eq!(result.winner, Some(3));
    assert_eq!(result.ranking, vec![vec![3], vec![0], vec![2], vec![1]]);
}

#[test]
fn nashville_is_the_condorcet_winner_of_the_tennessee_example() {
    // Memphis, Nashville, Chattanooga, Knoxville as A, B, C, D.
    let b = ballots(4, &[(42, "ABCD"), (26, "BCDA"), (15, "CDBA"), (17, "DCBA")]);
    let result = schulze::tally(&b, &Rules::default()).unwrap();
    assert_eq!(result.winner, Some(1));
    assert_eq!(result.ranking, vec![vec![1], vec![2], vec![3], vec![0]]);
}

#[test]
fn a_perfect_tie_is_decided_by_lot_and_records_the_seed() {
    let b = ballots(2, &[(3, "AB"), (3, "BA")]);
    let rules = Rules {
        seed: 2024,
        ..Rules::default()
    };
    let result = schulze::tally(&b, &rules).unwrap();
    assert_eq!(result.ranking, vec![vec![0, 1]]);
    assert!(result.winner.is_some());
    assert_eq!(result.decided_by, DecidedBy::Lot { seed: 2024 });
}

#[test]
fn equal_rankings_are_counted_as_neither_above_the_other() {
    let mut b = RankedBallots::new(3).unwrap();
    b.push(&[vec![0, 1], vec![2]], 4).unwrap();
    b.push(&[vec![1], vec![0]], 1).unwrap();
    let result = schulze::tally(&b, &Rules::default()).unwrap();
    assert_eq!(result.pairwise[1][0], 1);
    assert_eq!(result.pairwise[0][1], 0);
    assert_eq!(result.winner, Some(1));
}
