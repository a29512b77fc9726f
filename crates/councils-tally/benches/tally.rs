//! Benchmarks of the tally engine at the scale the product targets: 1M ranked ballots over 20
//! candidates (grouped as read from the database, and all distinct), 10M approval and score
//! ballots, and a federation of 1M councils.

use std::hint::black_box;

use councils_tally::{
    Rules,
    compact::{ApprovalBallots, RankedBallots, ScoreBallots},
    federation::{CouncilId, DelegateWeighting, Federation, FederationBuilder},
    method::{approval, irv, schulze, score, yes_no::YesNoCount},
    tiebreak::Lot,
};
use criterion::{Criterion, criterion_group, criterion_main};

const CANDIDATES: usize = 20;

/// Voters and candidates sit on a 2-D opinion map; a voter ranks candidates by distance plus
/// noise, and stops after a length drawn from a skewed distribution (mean about 6, from 1 to
/// all 20), as real ranked ballots do.
fn ranked_ballots(n: usize, seed: u64) -> RankedBallots {
    let mut rng = Lot::new(seed);
    let mut unit = move || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let spots: Vec<(f64, f64)> = (0..CANDIDATES).map(|_| (unit(), unit())).collect();
    let mut b = RankedBallots::new(CANDIDATES).unwrap();
    let mut keyed: Vec<(f64, usize)> = Vec::with_capacity(CANDIDATES);
    let mut order: Vec<usize> = Vec::with_capacity(CANDIDATES);
    for _ in 0..n {
        let (x, y) = (unit(), unit());
        keyed.clear();
        for (c, &(cx, cy)) in spots.iter().enumerate() {
            let d = (x - cx).powi(2) + (y - cy).powi(2) + 0.02 * unit();
            keyed.push((d, c));
        }
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
        let len = (1.0 + (-unit().max(1e-12).ln()) * 5.0) as usize;
        order.clear();
        order.extend(keyed.iter().take(len.min(CANDIDATES)).map(|k| k.1));
        b.push_strict(&order, 1).unwrap();
    }
    b
}

fn ranked(c: &mut Criterion) {
    let distinct = ranked_ballots(1_000_000, 1);
    let grouped = distinct.grouped();
    eprintln!(
        "1M ranked ballots: {} entries, {} distinct after grouping",
        (0..distinct.len())
            .map(|i| distinct.raw_ballot(i).len())
            .sum::<usize>(),
        grouped.len()
    );
    let rules = Rules::default();
    c.bench_function("group 1M ranked ballots", |b| {
        b.iter(|| black_box(distinct.grouped()))
    });
    c.bench_function("schulze 1M ballots grouped", |b| {
        b.iter(|| schulze::tally(black_box(&grouped), &rules).unwrap())
    });
    c.bench_function("schulze 1M ballots distinct", |b| {
        b.iter(|| schulze::tally(black_box(&distinct), &rules).unwrap())
    });
    c.bench_function("irv 1M ballots grouped", |b| {
        b.iter(|| irv::tally(black_box(&grouped), &rules).unwrap())
    });
    c.bench_function("irv 1M ballots distinct", |b| {
        b.iter(|| irv::tally(black_box(&distinct), &rules).unwrap())
    });
}

fn cardinal(c: &mut Criterion) {
    const N: usize = 10_000_000;
    let mut rng = Lot::new(2);
    let mut approvals = ApprovalBallots::new(CANDIDATES).unwrap();
    let mut scores = ScoreBallots::new(CANDIDATES, 10).unwrap();
    let mut row = [0u8; CANDIDATES];
    for _ in 0..N {
        // Each voter has a favourite region of the list and approves 1 to 6 around it.
        let r = rng.next_u64();
        let centre = (r % CANDIDATES as u64) as i64;
        let width = ((r >> 8) % 6) as i64;
        let mut bits = 0u64;
        for (i, s) in row.iter_mut().enumerate() {
            let dist = (i as i64 - centre).abs();
            if dist <= width / 2 {
                bits |= 1 << i;
            }
            *s = (10 - dist.min(10)) as u8 * ((r >> (16 + i)) & 1) as u8;
        }
        approvals.push_bits(&[bits], 1).unwrap();
        scores.push(&row, 1).unwrap();
    }
    let rules = Rules::default();
    c.bench_function("approval 10M ballots distinct", |b| {
        b.iter(|| approval::tally(black_box(&approvals), 1, &rules).unwrap())
    });
    c.bench_function("score 10M ballots distinct", |b| {
        b.iter(|| score::tally(black_box(&scores), 1, &rules).unwrap())
    });
}

/// 1M councils: 900k base councils of 5 to 300 members, 90k district councils of about 10
/// bases, 9k city councils, 900 regions, levels of 90 and 10 councils, and one world council;
/// 5% of base councils also send a delegate to a second district (a DAG, not a tree).
fn federation() -> (Federation, Vec<YesNoCount>) {
    let mut rng = Lot::new(3);
    let mut b = FederationBuilder::new();
    let levels = [900_000u64, 90_000, 9_000, 900, 90, 10];
    let mut start = 0u64;
    let mut starts = Vec::new();
    for (l, &n) in levels.iter().enumerate() {
        starts.push(start);
        for i in 0..n {
            if l == 0 {
                b.base(CouncilId(start + i), 5 + rng.next_u64() % 296);
            } else {
                b.higher(CouncilId(start + i));
            }
        }
        start += n;
    }
    let world = CouncilId(start);
    b.higher(world);
    for l in 0..levels.len() {
        let parents = levels.get(l + 1).copied();
        for i in 0..levels[l] {
            let me = CouncilId(starts[l] + i);
            match parents {
                Some(p) => {
                    b.delegates(
                        me,
                        CouncilId(starts[l + 1] + i * p / levels[l]),
                        1 + (rng.next_u64() % 3) as u32,
                    );
                    if l == 0 && rng.next_u64().is_multiple_of(20) {
                        b.delegates(me, CouncilId(starts[1] + rng.next_u64() % p), 1);
                    }
                }
                None => {
                    b.delegates(me, world, 1);
                }
            }
        }
    }
    let f = b.build().unwrap();
    let mut counts = vec![YesNoCount::default(); f.len()];
    for c in counts.iter_mut() {
        let r = rng.next_u64();
        *c = YesNoCount {
            yes: r % 100,
            no: (r >> 8) % 100,
            abstain: (r >> 16) % 10,
        };
    }
    (f, counts)
}

fn federated(c: &mut Criterion) {
    let (f, counts) = federation();
    eprintln!("federation: {} councils", f.len());
    let rules = Rules::default();
    c.bench_function("aggregate 1M councils", |b| {
        b.iter(|| {
            f.tally_mandated(
                black_box(&counts),
                DelegateWeighting::MembersRepresented,
                &rules,
            )
            .unwrap()
        })
    });
    let mut out = f
        .tally_mandated(&counts, DelegateWeighting::MembersRepresented, &rules)
        .unwrap();
    c.bench_function("aggregate 1M councils reusing buffers", |b| {
        b.iter(|| {
            f.tally_mandated_into(
                black_box(&counts),
                DelegateWeighting::MembersRepresented,
                &rules,
                &mut out,
            )
            .unwrap()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = ranked, cardinal, federated
}
criterion_main!(benches);
