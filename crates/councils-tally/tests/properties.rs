//! Properties every count keeps, checked on random ballots: Condorcet and majority winners,
//! independence from ballot order and from how weight is split, and referendums equal to the
//! count of the union of the subtree's ballots.

use std::collections::{BTreeMap, BTreeSet};

use councils_tally::{
    Rules, Weighted,
    compact::{ApprovalBallots, RankedBallots, ScoreBallots},
    federation::{CouncilId, FederationBuilder, MemberBallot, MemberId},
    method::{
        approval, irv, schulze, score,
        stv::{self, StvVariant},
        yes_no::{Choice, YesNoCount},
    },
};
use proptest::prelude::*;
use serde_json::{Value, to_value};

type Ranked = Vec<(u64, Vec<usize>)>;

/// Up to 40 strict ballots over 2 to 6 candidates, each ranking a random prefix.
fn ranked() -> impl Strategy<Value = (usize, Ranked)> {
    (2usize..7).prop_flat_map(|c| {
        let ballot = (
            1u64..5,
            Just((0..c).collect::<Vec<_>>()).prop_shuffle(),
            0..=c,
        )
            .prop_map(|(w, order, len)| (w, order[..len].to_vec()));
        (Just(c), prop::collection::vec(ballot, 0..40))
    })
}

fn compact(c: usize, ballots: &Ranked) -> RankedBallots {
    let mut b = RankedBallots::new(c).unwrap();
    for (w, order) in ballots {
        b.push_strict(order, *w).unwrap();
    }
    b
}

/// The pairwise matrix the slow, obvious way.
fn naive_pairwise(c: usize, ballots: &Ranked) -> Vec<Vec<u64>> {
    let mut d = vec![vec![0; c]; c];
    for (w, order) in ballots {
        let rank = |x: usize| order.iter().position(|&y| y == x).unwrap_or(c);
        for (a, row) in d.iter_mut().enumerate() {
            for (b, cell) in row.iter_mut().enumerate() {
                if rank(a) < rank(b) {
                    *cell += w;
                }
            }
        }
    }
    d
}

/// Every ranked method's result, as JSON, for comparison.
fn all_ranked(ballots: &RankedBallots, seats: usize) -> Vec<Value> {
    let rules = Rules {
        seed: 99,
        ..Rules::default()
    };
    vec![
        to_value(schulze::tally(ballots, &rules).unwrap()).unwrap(),
        to_value(irv::tally(ballots, &rules).unwrap()).unwrap(),
        to_value(stv::tally(ballots, seats, StvVariant::Meek, &rules).unwrap()).unwrap(),
        to_value(stv::tally(ballots, seats, StvVariant::Scottish, &rules).unwrap()).unwrap(),
    ]
}

/// Splits the first ballot of weight 2 or more into weight-1 and the rest, at the end.
fn split_one(ballots: &Ranked) -> Option<Ranked> {
    let i = ballots.iter().position(|(w, _)| *w >= 2)?;
    let mut out = ballots.clone();
    out[i].0 -= 1;
    out.push((1, ballots[i].1.clone()));
    Some(out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_fast_pairwise_matrix_equals_the_obvious_one((c, ballots) in ranked()) {
        let result = schulze::tally(&compact(c, &ballots), &Rules::default()).unwrap();
        prop_assert_eq!(result.pairwise, naive_pairwise(c, &ballots));
    }

    #[test]
    fn a_condorcet_winner_wins_schulze((c, ballots) in ranked(), pick in 0usize..6) {
        // Make `x` a Condorcet winner by adding ballots ranking it first, then check it wins.
        let x = pick % c;
        let mut ballots = ballots;
        let others: Vec<usize> = (0..c).filter(|&y| y != x).collect();
        let total: u64 = ballots.iter().map(|b| b.0).sum();
        ballots.push((total + 1, std::iter::once(x).chain(others).collect()));
        let d = naive_pairwise(c, &ballots);
        prop_assert!((0..c).all(|y| y == x || d[x][y] > d[y][x]));
        let result = schulze::tally(&compact(c, &ballots), &Rules::default()).unwrap();
        prop_assert_eq!(result.winner, Some(x));
        prop_assert_eq!(result.ranking[0].clone(), vec![x]);
    }

    #[test]
    fn any_condorcet_winner_of_random_ballots_wins_schulze((c, ballots) in ranked()) {
        let d = naive_pairwise(c, &ballots);
        let condorcet = (0..c).find(|&x| (0..c).all(|y| y == x || d[x][y] > d[y][x]));
        let result = schulze::tally(&compact(c, &ballots), &Rules::default()).unwrap();
        if let Some(x) = condorcet {
            prop_assert_eq!(result.winner, Some(x));
        } else {
            prop_assert!(result.winner.is_some());
        }
    }

    #[test]
    fn a_first_preference_majority_wins_irv((c, ballots) in ranked(), pick in 0usize..6, tail in 0usize..6) {
        let x = pick % c;
        let mut ballots = ballots;
        let total: u64 = ballots.iter().map(|b| b.0).sum();
        let rest: Vec<usize> = (0..c).filter(|&y| y != x).take(tail).collect();
        ballots.push((total + 1, std::iter::once(x).chain(rest).collect()));
        let result = irv::tally(&compact(c, &ballots), &Rules::default()).unwrap();
        prop_assert_eq!(result.winner, Some(x));
        prop_assert_eq!(result.rounds.len(), 1);
    }

    #[test]
    fn ballot_order_never_changes_a_ranked_result(
        (c, ballots, shuffled) in ranked().prop_flat_map(|(c, b)| (Just(c), Just(b.clone()), Just(b).prop_shuffle())),
        seats in 1usize..4,
    ) {
        prop_assert_eq!(all_ranked(&compact(c, &ballots), seats), all_ranked(&compact(c, &shuffled), seats));
    }

    #[test]
    fn grouping_identical_ballots_never_changes_a_ranked_result((c, ballots) in ranked(), seats in 1usize..4) {
        let plain = compact(c, &ballots);
        prop_assert_eq!(all_ranked(&plain, seats), all_ranked(&plain.grouped(), seats));
    }

    #[test]
    fn splitting_a_weight_2_ballot_into_two_changes_no_ranked_result((c, ballots) in ranked(), seats in 1usize..4) {
        if let Some(split) = split_one(&ballots) {
            prop_assert_eq!(all_ranked(&compact(c, &ballots), seats), all_ranked(&compact(c, &split), seats));
        } else {
            prop_assert!(ballots.iter().all(|b| b.0 == 1));
        }
    }

    #[test]
    fn order_and_split_never_change_approval_score_or_yes_no(
        rows in prop::collection::vec((1u64..5, prop::collection::vec(0u8..6, 4)), 1..40),
        seats in 1usize..3,
    ) {
        let rules = Rules { seed: 5, ..Rules::default() };
        let results = |rows: &[(u64, Vec<u8>)]| {
            let mut a = ApprovalBallots::new(4).unwrap();
            let mut s = ScoreBallots::new(4, 5).unwrap();
            let mut y = Vec::new();
            for (w, scores) in rows {
                let approved: Vec<usize> = (0..4).filter(|&i| scores[i] >= 3).collect();
                a.push(&approved, *w).unwrap();
                s.push(scores, *w).unwrap();
                let choice = [Choice::Yes, Choice::No, Choice::Abstain][scores[0] as usize % 3];
                y.push(Weighted::new(choice, *w));
            }
            vec![
                to_value(approval::tally(&a, seats, &rules).unwrap()).unwrap(),
                to_value(score::tally(&s, seats, &rules).unwrap()).unwrap(),
                to_value(YesNoCount::from_ballots(&y)).unwrap(),
            ]
        };
        let base = results(&rows);
        let mut reversed = rows.clone();
        reversed.reverse();
        prop_assert_eq!(&base, &results(&reversed));
        if let Some(i) = rows.iter().position(|r| r.0 >= 2) {
            let mut split = rows.clone();
            split[i].0 -= 1;
            split.push((1, rows[i].1.clone()));
            prop_assert_eq!(&base, &results(&split));
        }
    }

    #[test]
    fn a_referendum_counts_the_union_of_the_subtree_ballots(
        edges in prop::collection::vec((0usize..6, 0usize..4), 0..14),
        votes in prop::collection::vec((0usize..6, 0u64..15, 0usize..3), 0..60),
        root in 0usize..4,
    ) {
        // Base councils 0..6 (ids 100..), higher councils 0..4 (ids 200..); higher council h
        // may have base constituents and higher constituents with a smaller number (no cycle).
        let mut b = FederationBuilder::new();
        for i in 0..6 { b.base(CouncilId(100 + i), 10); }
        for h in 0..4 { b.higher(CouncilId(200 + h)); }
        let mut children: BTreeMap<usize, BTreeSet<(bool, usize)>> = BTreeMap::new();
        for &(base, h) in &edges {
            children.entry(h).or_default().insert((true, base));
        }
        for h in 1..4 {
            children.entry(h).or_default().insert((false, h - 1));
        }
        for (&h, kids) in &children {
            for &(is_base, k) in kids {
                let from = if is_base { 100 + k as u64 } else { 200 + k as u64 };
                b.delegates(CouncilId(from), CouncilId(200 + h as u64), 1);
            }
        }
        let f = b.build().unwrap();
        // The union, computed naively: base councils below root, then one ballot per member.
        let mut below = BTreeSet::new();
        let mut stack = vec![root];
        while let Some(h) = stack.pop() {
            for &(is_base, k) in children.get(&h).into_iter().flatten() {
                if is_base { below.insert(k); } else { stack.push(k); }
            }
        }
        let mut seen = BTreeSet::new();
        let mut ballots = Vec::new();
        for &(base, member, choice) in &votes {
            if seen.insert((base, member)) {
                let ballot = [Choice::Yes, Choice::No, Choice::Abstain][choice];
                ballots.push(MemberBallot { council: CouncilId(100 + base as u64), member: MemberId(member), ballot });
            }
        }
        let mut union: BTreeMap<u64, (usize, Choice)> = BTreeMap::new();
        for mb in &ballots {
            let base = (mb.council.0 - 100) as usize;
            if below.contains(&base) {
                let e = union.entry(mb.member.0).or_insert((base, mb.ballot));
                if base < e.0 { *e = (base, mb.ballot); }
            }
        }
        let expected = YesNoCount::from_ballots(&union.values().map(|&(_, c)| Weighted::one(c)).collect::<Vec<_>>());
        let counted = f.referendum_ballots(CouncilId(200 + root as u64), &ballots).unwrap();
        prop_assert_eq!(YesNoCount::from_ballots(&counted), expected);
    }
}
