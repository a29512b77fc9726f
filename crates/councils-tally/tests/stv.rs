//! STV counts checked against published examples and a hand-counted case where Meek's method
//! and the Scottish rules elect different candidates.

use councils_tally::{
    Rules,
    compact::RankedBallots,
    method::stv::{self, StvVariant, TransferKind},
};

fn ballots(candidates: usize, rows: &[(u64, &[usize])]) -> RankedBallots {
    let mut b = RankedBallots::new(candidates).unwrap();
    for &(w, order) in rows {
        b.push_strict(order, w).unwrap();
    }
    b
}

/// The Wikipedia STV example: 20 voters choose 3 foods. Oranges 0, Pears 1, Chocolate 2,
/// Strawberries 3, Hamburgers 4.
fn food() -> RankedBallots {
    ballots(
        5,
        &[
            (4, &[0]),
            (2, &[1, 0]),
            (8, &[2, 3]),
            (4, &[2, 4]),
            (1, &[3]),
            (1, &[4]),
        ],
    )
}

#[test]
fn the_food_election_elects_chocolate_oranges_and_strawberries_under_scottish_rules() {
    let result = stv::tally(&food(), 3, StvVariant::Scottish, &Rules::default()).unwrap();
    assert_eq!(result.elected, vec![2, 0, 3]);
    assert_eq!(result.quota.to_string(), "6.00000");
    // Chocolate's surplus of 6 moves at 0.5: 4 to Strawberries, 2 to Hamburgers.
    let surplus = result.rounds[1].transfer.as_ref().unwrap();
    assert_eq!(surplus.kind, TransferKind::Surplus);
    assert_eq!(surplus.from, 2);
    assert_eq!(surplus.to[3].to_string(), "4.00000");
    assert_eq!(surplus.to[4].to_string(), "2.00000");
}

/// Meek's quota is the exact 20/4 = 5 (plus 10^-9), not the whole-vote 6, so Chocolate's
/// surplus is 7 and carries Strawberries (1 + 8 x 7/12) past the quota in the first round,
/// before Pears is excluded and Oranges elected: the same three, in another order.
#[test]
fn the_food_election_elects_chocolate_oranges_and_strawberries_under_meek() {
    let result = stv::tally(&food(), 3, StvVariant::Meek, &Rules::default()).unwrap();
    assert_eq!(result.elected, vec![2, 3, 0]);
    assert_eq!(result.rounds[0].elected, vec![2, 3]);
    let exclusion = result.rounds[1].transfer.as_ref().unwrap();
    assert_eq!(
        (exclusion.from, exclusion.kind),
        (1, TransferKind::Exclusion)
    );
    assert_eq!(exclusion.to[0].to_string(), "2.000000000");
}

/// 2 seats. A 16 (no further preference), C 5, D 7, and 3 ballots E > A > C.
/// Scottish: quota 11; A's surplus is non-transferable; E is excluded and its 3 ballots skip
/// elected A and reach C (8 > 7), so D is excluded and C elected.
/// Meek: A keeps 15/41 of each ballot so E's ballots bring C only 3 x 26/41 = 1.90, while
/// the quota falls to (15 + 16k)/3 = 6.95 as A's own ballots exhaust; D's 7 reaches it.
fn split_case() -> RankedBallots {
    ballots(4, &[(16, &[0]), (5, &[1]), (7, &[2]), (3, &[3, 0, 1])])
}

#[test]
fn scottish_rules_elect_c_where_meek_elects_d() {
    let scottish = stv::tally(&split_case(), 2, StvVariant::Scottish, &Rules::default()).unwrap();
    assert_eq!(scottish.elected, vec![0, 1]);
    assert_eq!(scottish.quota.to_string(), "11.00000");
    let meek = stv::tally(&split_case(), 2, StvVariant::Meek, &Rules::default()).unwrap();
    assert_eq!(meek.elected, vec![0, 2]);
}

#[test]
fn scottish_transfer_values_are_truncated_to_five_places() {
    // 3 seats, quota 4 of 12 ballots: A has 7, surplus 3 over 7 ballots = 0.42857 each.
    let b = ballots(4, &[(7, &[0, 1]), (2, &[1]), (2, &[2]), (1, &[3])]);
    let result = stv::tally(&b, 3, StvVariant::Scottish, &Rules::default()).unwrap();
    let surplus = result.rounds[1].transfer.as_ref().unwrap();
    assert_eq!(surplus.to[1].to_string(), "2.99999");
    assert_eq!(surplus.rounding_loss.to_string(), "0.00001");
    assert_eq!(result.elected[0], 0);
}

#[test]
fn meek_passes_until_elected_candidates_hold_the_quota_within_the_surplus_limit() {
    let result = stv::tally(&food(), 3, StvVariant::Meek, &Rules::default()).unwrap();
    let first = &result.rounds[0];
    let surplus: i128 = first
        .elected
        .iter()
        .map(|&e| first.votes[e].units - first.quota.units)
        .sum();
    assert!(
        (0..=10_000).contains(&surplus),
        "surplus {surplus} units of 10^-9"
    );
    assert!(first.iterations.unwrap() > 1);
}

#[test]
fn fewer_candidates_than_seats_elects_them_all() {
    let b = ballots(2, &[(1, &[0]), (1, &[1])]);
    for variant in [StvVariant::Meek, StvVariant::Scottish] {
        let result = stv::tally(&b, 3, variant, &Rules::default()).unwrap();
        assert_eq!(result.elected.len(), 2);
    }
}
