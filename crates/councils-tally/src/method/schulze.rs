//! The Schulze method: a ranked method that elects the Condorcet winner when there is one,
//! and otherwise the winner of the strongest paths between candidates.
//!
//! Link strength is measured by *winning votes* (Schulze 2011, section 2.1, the variant the
//! paper uses for its examples): the link from `a` to `b` has strength `d[a][b]` when
//! `d[a][b] > d[b][a]`, and 0 otherwise. Candidates left off a ballot are ranked equal, below
//! every candidate it ranks; candidates in one group are ranked equal to each other.

use serde::Serialize;

use crate::{DecidedBy, Rules, TallyError, compact::RankedBallots, tiebreak::Lot};

/// The result of a Schulze count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchulzeResult {
    /// `d[a][b]`: the weight of ballots ranking `a` above `b`.
    pub pairwise: Vec<Vec<u64>>,
    /// `p[a][b]`: the strength of the strongest path from `a` to `b`.
    pub strongest_paths: Vec<Vec<u64>>,
    /// Candidates in tiers, best first: a candidate is in a tier when every candidate that
    /// beats it (`p[x][a] > p[a][x]`) is in an earlier tier. The first tier are the potential
    /// winners.
    pub ranking: Vec<Vec<usize>>,
    /// The winner; when the first tier has several candidates, the one drawn by lot.
    pub winner: Option<usize>,
    /// The weight of all ballots cast.
    pub cast: u64,
    /// Whether the quorum was met (when not, there is no winner).
    pub quorum_met: bool,
    /// [`DecidedBy::Count`], or lot among a tied first tier.
    pub decided_by: DecidedBy,
}

/// The pairwise matrix `d`, row-major: `d[a * c + b]` is the weight ranking `a` above `b`.
///
/// Cost per ballot is O(k²) in the `k` candidates it ranks, not O(c²) in all candidates: with
/// `P[a][b]` the weight ranking both `a` above `b`, `E` the weight ranking both equal (both
/// orders), and `R[a]` the weight of ballots ranking `a` at all,
/// `d[a][b] = R[a] - P[b][a] - E[a][b]`, because a ballot ranking `a` puts it above `b`
/// exactly when it ranks `a` and neither ranks `b` above `a` nor equal to it.
pub fn pairwise(ballots: &RankedBallots) -> Vec<u64> {
    let c = ballots.candidates();
    let mut p = vec![0u64; c * c];
    let mut e = vec![0u64; c * c];
    let mut ranked = vec![0u64; c];
    let equal = ballots.has_equal_preferences();
    let mut level = Vec::new();
    for i in 0..ballots.len() {
        let w = ballots.weight(i);
        let raw = ballots.raw_ballot(i);
        if !equal {
            for (j, &a) in raw.iter().enumerate() {
                let a = a as usize;
                ranked[a] += w;
                let row = &mut p[a * c..(a + 1) * c];
                for &b in &raw[j + 1..] {
                    row[b as usize] += w;
                }
            }
            continue;
        }
        let entries = ballots.ballot(i);
        level.clear();
        let mut l = 0u32;
        for (j, en) in entries.iter().enumerate() {
            if j > 0 && !en.equal_to_previous() {
                l += 1;
            }
            level.push(l);
        }
        for (j, a) in entries.iter().enumerate() {
            let a = a.candidate();
            ranked[a] += w;
            for (k, b) in entries.iter().enumerate().skip(j + 1) {
                let b = b.candidate();
                if level[k] > level[j] {
                    p[a * c + b] += w;
                } else {
                    e[a * c + b] += w;
                    e[b * c + a] += w;
                }
            }
        }
    }
    let mut d = vec![0u64; c * c];
    for a in 0..c {
        for b in 0..c {
            if a != b {
                d[a * c + b] = ranked[a] - p[b * c + a] - e[a * c + b];
            }
        }
    }
    d
}

/// Strongest paths from the pairwise matrix (row-major), by Floyd–Warshall on widest paths.
pub fn strongest_paths(d: &[u64], c: usize) -> Vec<u64> {
    let mut p = vec![0u64; c * c];
    for a in 0..c {
        for b in 0..c {
            if a != b && d[a * c + b] > d[b * c + a] {
                p[a * c + b] = d[a * c + b];
            }
        }
    }
    for i in 0..c {
        for j in 0..c {
            if i == j {
                continue;
            }
            let pji = p[j * c + i];
            if pji == 0 {
                continue;
            }
            for k in 0..c {
                if k != i && k != j {
                    let via = pji.min(p[i * c + k]);
                    if via > p[j * c + k] {
                        p[j * c + k] = via;
                    }
                }
            }
        }
    }
    p
}

/// Tiers of candidates from the strongest paths: each tier is the candidates not beaten by
/// any candidate left (Schulze proves the relation `p[a][b] > p[b][a]` transitive).
pub fn ranking(p: &[u64], c: usize) -> Vec<Vec<usize>> {
    let mut left: Vec<usize> = (0..c).collect();
    let mut tiers = Vec::new();
    while !left.is_empty() {
        let tier: Vec<usize> = left
            .iter()
            .copied()
            .filter(|&a| !left.iter().any(|&x| p[x * c + a] > p[a * c + x]))
            .collect();
        // Transitivity guarantees a non-empty tier; guard anyway so a bug cannot loop forever.
        let tier = if tier.is_empty() { left.clone() } else { tier };
        left.retain(|a| !tier.contains(a));
        tiers.push(tier);
    }
    tiers
}

/// Counts ranked ballots by the Schulze method.
pub fn tally(ballots: &RankedBallots, rules: &Rules) -> Result<SchulzeResult, TallyError> {
    let c = ballots.candidates();
    let d = pairwise(ballots);
    let p = strongest_paths(&d, c);
    let tiers = ranking(&p, c);
    let cast = ballots.total_weight();
    let quorum_met = rules.quorum.is_met(cast, rules.entitled)?;
    let (winner, decided_by) = match tiers.first() {
        Some(top) if quorum_met => {
            let (w, by) = Lot::new(rules.seed).draw(top);
            (Some(w), by)
        }
        _ => (None, DecidedBy::Count),
    };
    let rows = |m: &[u64]| m.chunks(c.max(1)).map(<[u64]>::to_vec).collect();
    Ok(SchulzeResult {
        pairwise: if c == 0 { Vec::new() } else { rows(&d) },
        strongest_paths: if c == 0 { Vec::new() } else { rows(&p) },
        ranking: tiers,
        winner,
        cast,
        quorum_met,
        decided_by,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unranked_candidates_lose_to_every_ranked_one() {
        let mut b = RankedBallots::new(3).unwrap();
        b.push_strict(&[1], 2).unwrap();
        let d = pairwise(&b);
        assert_eq!(d, vec![0, 0, 0, 2, 0, 2, 0, 0, 0]);
    }

    #[test]
    fn equal_preferences_give_neither_candidate_the_pair() {
        let mut b = RankedBallots::new(3).unwrap();
        b.push(&[vec![0, 1], vec![2]], 1).unwrap();
        let d = pairwise(&b);
        assert_eq!(d[1], 0, "0 over 1");
        assert_eq!(d[3], 0, "1 over 0");
        assert_eq!(d[2], 1, "0 over 2");
        assert_eq!(d[5], 1, "1 over 2");
    }
}
