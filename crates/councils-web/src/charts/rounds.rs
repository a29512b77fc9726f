//! The rounds of an instant-runoff or STV count: one group of bars per round, for the
//! options still in the count, with the exclusions, elections and (STV) the quota marked;
//! then a table with a row per option and a column per round.

use councils_domain::motion::{Fixed, IrvRound, StvRound, TransferKind};

use super::bars::{self, GroupSpec, Item, Mark, Tone};
use super::{Chart, Table, TableRow, empty, truncate};
use crate::i18n::Arg;

/// Longest name inside a round's heading.
const NAME_CHARS: usize = 20;

/// The figure of an instant-runoff count.
pub(super) fn irv(chart: &Chart, rounds: &[IrvRound]) -> Result<String, askama::Error> {
    let title_key = "chart-irv-title";
    if rounds.is_empty() {
        return empty(chart, title_key);
    }
    let tr = chart.tr;
    let n = chart.options.len().max(rounds[0].votes.len());
    let mut out = vec![false; n];
    let mut specs = Vec::with_capacity(rounds.len());
    let mut cells = vec![Vec::with_capacity(rounds.len()); n];
    for (r, round) in rounds.iter().enumerate() {
        let mut notes = Vec::new();
        if let Some(x) = round.elected {
            notes.push(tr.ta("chart-irv-elected", "name", &short(chart, x)));
        }
        if let Some(x) = round.excluded {
            notes.push(tr.ta("chart-irv-excluded", "name", &short(chart, x)));
        }
        let mut items = Vec::new();
        for i in 0..n {
            if out[i] {
                cells[i].push("–".to_string());
                continue;
            }
            let votes = round.votes.get(i).copied().unwrap_or(0);
            let last = r + 1 == rounds.len();
            let mark = if round.elected == Some(i) || (last && chart.won(i)) {
                Mark::Win
            } else if round.excluded == Some(i) {
                Mark::Out
            } else {
                Mark::None
            };
            cells[i].push(marked(chart, votes.to_string(), mark, "chart-cell-winner"));
            items.push(Item {
                mark,
                ..Item::count(chart.label(i), votes, tone(mark))
            });
        }
        if round.exhausted > 0 {
            items.push(Item::count(
                tr.t("chart-exhausted"),
                round.exhausted,
                Tone::Faint,
            ));
        }
        if let Some(x) = round.excluded.filter(|&x| x < n) {
            out[x] = true;
        }
        specs.push(GroupSpec {
            heading: Some(round_heading(chart, r)),
            notes,
            items,
            quota: None,
        });
    }
    let extra = vec![(
        tr.t("chart-exhausted"),
        rounds.iter().map(|r| r.exhausted.to_string()).collect(),
    )];
    let title = tr.t(title_key);
    let table = rounds_table(chart, title.clone(), rounds.len(), cells, extra);
    bars::figure(chart, title, chart.summary(), specs, vec![table])
}

/// The figure of an STV count.
pub(super) fn stv(chart: &Chart, rounds: &[StvRound]) -> Result<String, askama::Error> {
    let title_key = "chart-stv-title";
    if rounds.is_empty() {
        return empty(chart, title_key);
    }
    let tr = chart.tr;
    let n = chart.options.len().max(rounds[0].votes.len());
    let mut out = vec![false; n];
    let mut elected = vec![false; n];
    let mut specs = Vec::with_capacity(rounds.len());
    let mut cells = vec![Vec::with_capacity(rounds.len()); n];
    for (r, round) in rounds.iter().enumerate() {
        for &i in round.elected.iter().filter(|&&i| i < n) {
            elected[i] = true;
        }
        let heading = tr.args(
            "chart-stv-round",
            &[
                ("round", Arg::from(r as u64 + 1)),
                ("quota", Arg::from(brief(&round.quota))),
            ],
        );
        let mut notes = vec![match &round.transfer {
            None => tr.t("chart-first-preferences"),
            Some(t) if t.kind == TransferKind::Surplus => {
                tr.ta("chart-stv-surplus", "name", &short(chart, t.from))
            }
            Some(t) => tr.ta("chart-stv-exclusion", "name", &short(chart, t.from)),
        }];
        if !round.elected.is_empty() {
            let names: Vec<String> = round.elected.iter().map(|&i| short(chart, i)).collect();
            notes.push(tr.ta("chart-stv-elected", "names", &names.join(", ")));
        }
        let mut items = Vec::new();
        for i in 0..n {
            if out[i] {
                cells[i].push("–".to_string());
                continue;
            }
            let votes = round.votes.get(i);
            let mark = if elected[i] {
                Mark::Win
            } else if round.excluded == Some(i) {
                Mark::Out
            } else {
                Mark::None
            };
            let exact = votes.map_or("0", Fixed::as_str).to_string();
            cells[i].push(marked(chart, exact, mark, "chart-cell-elected"));
            items.push(Item {
                label: chart.label(i),
                value: votes.map_or(0.0, Fixed::to_f64),
                text: votes.map_or_else(|| "0".to_string(), brief),
                tone: tone(mark),
                mark,
            });
        }
        if round.exhausted.to_f64() > 0.0 {
            items.push(Item {
                label: tr.t("chart-exhausted"),
                value: round.exhausted.to_f64(),
                text: brief(&round.exhausted),
                tone: Tone::Faint,
                mark: Mark::None,
            });
        }
        if let Some(x) = round.excluded.filter(|&x| x < n) {
            out[x] = true;
        }
        specs.push(GroupSpec {
            heading: Some(heading),
            notes,
            items,
            quota: Some(round.quota.to_f64()),
        });
    }
    let extra = vec![
        (
            tr.t("chart-quota"),
            rounds
                .iter()
                .map(|r| r.quota.as_str().to_string())
                .collect(),
        ),
        (
            tr.t("chart-exhausted"),
            rounds
                .iter()
                .map(|r| r.exhausted.as_str().to_string())
                .collect(),
        ),
    ];
    let title = tr.t(title_key);
    let table = rounds_table(chart, title.clone(), rounds.len(), cells, extra);
    let summary = format!("{} {}", tr.t("chart-quota-legend"), chart.summary());
    bars::figure(chart, title, summary, specs, vec![table])
}

fn round_heading(chart: &Chart, r: usize) -> String {
    chart
        .tr
        .args("chart-round", &[("round", Arg::from(r as u64 + 1))])
}

/// An option's label, short enough for a heading.
fn short(chart: &Chart, i: usize) -> String {
    truncate(&chart.label(i), NAME_CHARS)
}

fn tone(mark: Mark) -> Tone {
    match mark {
        Mark::Win => Tone::Win,
        Mark::Out => Tone::Out,
        Mark::None => Tone::Plain,
    }
}

/// A table cell: the votes, and what became of the option that round (`win_key` says how
/// a win is called).
fn marked(chart: &Chart, votes: String, mark: Mark, win_key: &str) -> String {
    match mark {
        Mark::None => votes,
        Mark::Win => chart.tr.ta(win_key, "votes", &votes),
        Mark::Out => chart.tr.ta("chart-cell-excluded", "votes", &votes),
    }
}

/// An STV value to two decimals, without trailing zeros: the table has it exactly.
fn brief(value: &Fixed) -> String {
    let text = format!("{:.2}", value.to_f64());
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A row per option (a cell per round), then `extra` rows such as the exhausted votes.
fn rounds_table(
    chart: &Chart,
    caption: String,
    rounds: usize,
    cells: Vec<Vec<String>>,
    extra: Vec<(String, Vec<String>)>,
) -> Table {
    let rows = cells
        .into_iter()
        .enumerate()
        .map(|(i, cells)| TableRow {
            head: chart.label(i),
            cells,
        })
        .chain(
            extra
                .into_iter()
                .map(|(head, cells)| TableRow { head, cells }),
        )
        .collect();
    Table {
        caption,
        corner: chart.tr.t("chart-option"),
        columns: (0..rounds).map(|r| round_heading(chart, r)).collect(),
        rows,
    }
}
