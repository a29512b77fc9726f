//! Charts of a counted motion's results: inline SVG drawn on the server, each followed by a
//! table of the same numbers for those who cannot see the image.
//!
//! The results page embeds [`results_chart`] with askama's `|safe`: the fragment comes from
//! auto-escaping templates, so option labels (user text) are escaped there. Every chart is
//! 360 units wide, the width of a small phone, and scales to the width of its container.

mod bars;
mod matrix;
mod rounds;

use askama::Template;
use councils_domain::motion::{DecidedBy, Decision, Detail, Outcome};

use crate::i18n::{Arg, Tr};

/// The width of every chart's viewBox: text sizes are chosen for it.
const WIDTH: u32 = 360;
/// The margin around a chart's content.
const PAD: u32 = 8;

/// The figures and tables of a counted motion, as an HTML fragment to embed with `|safe`.
///
/// `options` are the motion's options (empty for yes/no and consent, whose answers are
/// labelled with translated words). The SVG ids start with `results`; a page showing the
/// results of several motions uses [`results_chart_with_id`] instead.
pub fn results_chart(
    outcome: &Outcome,
    options: &[String],
    tr: &Tr,
) -> Result<String, askama::Error> {
    results_chart_with_id(outcome, options, tr, "results")
}

/// As [`results_chart`], with ids starting with `id` (letters, digits and `-` are kept), so
/// that two charts on one page never share an id.
pub fn results_chart_with_id(
    outcome: &Outcome,
    options: &[String],
    tr: &Tr,
    id: &str,
) -> Result<String, askama::Error> {
    let chart = Chart {
        outcome,
        options,
        tr,
        id: id_from(id),
    };
    match &outcome.detail {
        Detail::YesNo { yes, no, abstain } => bars::yes_no(&chart, *yes, *no, *abstain),
        Detail::Consent {
            consent,
            object,
            stand_aside,
            block,
        } => bars::consent(&chart, [*consent, *object, *stand_aside, *block]),
        Detail::Approval { totals } => bars::totals(&chart, "chart-approval-title", totals, None),
        Detail::Score { totals, max } => {
            bars::totals(&chart, "chart-score-title", totals, Some(*max))
        }
        Detail::Schulze {
            pairwise,
            strongest_paths,
            ranking,
        } => matrix::schulze(&chart, pairwise, strongest_paths, ranking),
        Detail::Irv { rounds } => rounds::irv(&chart, rounds),
        Detail::Stv { rounds, .. } => rounds::stv(&chart, rounds),
    }
}

/// What every chart is drawn from.
struct Chart<'a> {
    outcome: &'a Outcome,
    options: &'a [String],
    tr: &'a Tr,
    id: String,
}

impl Chart<'_> {
    /// The full label of option `i`; its number if the options given are too few.
    fn label(&self, i: usize) -> String {
        self.options
            .get(i)
            .map(|label| label.trim().to_string())
            .unwrap_or_else(|| format!("#{}", i + 1))
    }

    /// An id unique to this chart and `part`.
    fn id(&self, part: &str) -> String {
        format!("{}-{part}", self.id)
    }

    /// What was cast and decided, in a sentence or three: the image's description and the
    /// figure's caption.
    fn summary(&self) -> String {
        let o = self.outcome;
        let tr = self.tr;
        let cast = tr.args(
            "chart-cast",
            &[
                ("ballots", Arg::from(o.ballots)),
                ("weight", Arg::from(o.weight)),
            ],
        );
        let decision = match &o.decision {
            Decision::Passed => tr.t("chart-passed"),
            Decision::Rejected => tr.t("chart-rejected"),
            Decision::Blocked => tr.t("chart-blocked"),
            Decision::NoQuorum => tr.t("chart-no-quorum"),
            Decision::Elected { winners } if winners.is_empty() => tr.t("chart-none-elected"),
            Decision::Elected { winners } => {
                let key = if winners.len() > 1 || matches!(o.detail, Detail::Stv { .. }) {
                    "chart-elected"
                } else {
                    "chart-winner"
                };
                tr.ta(key, "names", &self.names(winners))
            }
        };
        let tie = match o.decided_by {
            DecidedBy::Count => None,
            DecidedBy::BackwardsTieBreak => Some(tr.t("chart-tie-backwards")),
            DecidedBy::ForwardsTieBreak => Some(tr.t("chart-tie-forwards")),
            // As text: a seed is a 64-bit number, more than a Fluent number holds exactly.
            DecidedBy::Lot { seed } => Some(tr.ta("chart-tie-lot", "seed", &seed.to_string())),
        };
        [Some(cast), Some(decision), tie]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The labels of some options, in order, as one list.
    fn names(&self, options: &[usize]) -> String {
        options
            .iter()
            .map(|&i| self.label(i))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether option `i` won.
    fn won(&self, i: usize) -> bool {
        self.outcome.winners().contains(&i)
    }
}

/// A table of the numbers a chart draws.
struct Table {
    caption: String,
    /// The header above the row headers.
    corner: String,
    columns: Vec<String>,
    rows: Vec<TableRow>,
}

struct TableRow {
    head: String,
    cells: Vec<String>,
}

/// A fragment that says there is nothing to draw.
#[derive(Template)]
#[template(path = "charts/empty.html")]
struct Empty {
    title: String,
    summary: String,
}

fn empty(chart: &Chart, title_key: &str) -> Result<String, askama::Error> {
    Empty {
        title: chart.tr.t(title_key),
        summary: chart.summary(),
    }
    .render()
}

/// A label cut to `max` characters, the last of them an ellipsis; the full label is in the
/// table.
fn truncate(label: &str, max: usize) -> String {
    let label = label.trim();
    if label.chars().count() <= max {
        return label.to_string();
    }
    let mut cut: String = label.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// Letters, digits and `-` of an id, never empty and never starting with a digit.
fn id_from(raw: &str) -> String {
    let kept: String = raw
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if kept.starts_with(|c: char| c.is_ascii_alphabetic()) {
        kept
    } else {
        format!("results-{kept}")
    }
}

/// A coordinate, to a tenth of a unit.
fn tenth(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests;
