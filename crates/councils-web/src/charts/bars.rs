//! Horizontal bar charts: the answers of a yes/no or consent vote, the totals of approval and
//! score, and (laid out by `rounds`) the rounds of instant-runoff and STV.
//!
//! Each bar has its label on a line of its own above it, so a label can use the whole width
//! of a phone, and its number just past its end.

use askama::Template;

use super::{Chart, PAD, Table, TableRow, WIDTH, tenth, truncate};

/// Height of one bar's row: its label line, the bar, and the gap below.
const ROW: u32 = 42;
/// Height of a heading line above a group of bars.
const LINE: u32 = 22;
/// Longest label on a bar, in characters: the width of the chart at 14 units, in bold.
const LABEL_CHARS: usize = 36;
/// Longest line of a note at 13 units, in characters; SVG text does not wrap by itself.
const NOTE_CHARS: usize = 44;
/// Roughly how wide a digit is at 13 units.
const DIGIT: f64 = 7.5;

/// How a bar is coloured: the palette of `app.css`, at 3:1 or more against the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tone {
    /// For, consent: green.
    Yes,
    /// Against, block: red.
    No,
    /// An objection: amber.
    Caution,
    /// Standing aside, a continuing option: grey.
    Plain,
    /// An option that won or was elected: green.
    Win,
    /// An option excluded: red.
    Out,
    /// Abstentions and exhausted votes: pale, outlined.
    Faint,
}

impl Tone {
    fn fill(self) -> &'static str {
        match self {
            Tone::Yes | Tone::Win => "#1f6b3a",
            Tone::No | Tone::Out => "#a3191f",
            Tone::Caution => "#8a5a00",
            Tone::Plain => "#5c5750",
            Tone::Faint => "#d9d2c7",
        }
    }

    fn stroke(self) -> Option<&'static str> {
        (self == Tone::Faint).then_some("#5c5750")
    }
}

/// What a bar says beside its colour: that its option won, or was excluded. Words, not
/// only colours, for those who do not tell red from green.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    None,
    Win,
    Out,
}

/// One bar before layout.
pub(super) struct Item {
    pub label: String,
    pub value: f64,
    pub text: String,
    pub tone: Tone,
    pub mark: Mark,
}

impl Item {
    /// A whole-number bar without a mark.
    pub fn count(label: String, value: u64, tone: Tone) -> Self {
        Self {
            label,
            value: value as f64,
            text: value.to_string(),
            tone,
            mark: Mark::None,
        }
    }
}

/// A group of bars before layout: a heading, notes below it, the bars, and a quota to draw
/// across them.
pub(super) struct GroupSpec {
    pub heading: Option<String>,
    pub notes: Vec<String>,
    pub items: Vec<Item>,
    pub quota: Option<f64>,
}

struct Line {
    text: String,
    y: u32,
    strong: bool,
}

struct Bar {
    label: String,
    strong: bool,
    label_y: u32,
    bar_y: u32,
    width: f64,
    value: String,
    value_x: f64,
    value_y: u32,
    fill: &'static str,
    stroke: Option<&'static str>,
}

struct Quota {
    x: f64,
    y1: u32,
    y2: u32,
}

struct Group {
    lines: Vec<Line>,
    bars: Vec<Bar>,
    quota: Option<Quota>,
}

/// A figure of bar groups, then its tables.
#[derive(Template)]
#[template(path = "charts/bars.html")]
struct BarsFigure {
    id: String,
    title: String,
    summary: String,
    height: u32,
    groups: Vec<Group>,
    tables: Vec<Table>,
}

/// Renders groups of bars, all to one scale, and the tables of their numbers.
pub(super) fn figure(
    chart: &Chart,
    title: String,
    summary: String,
    specs: Vec<GroupSpec>,
    tables: Vec<Table>,
) -> Result<String, askama::Error> {
    let (groups, height) = lay_out(specs);
    BarsFigure {
        id: chart.id("bars"),
        title,
        summary,
        height,
        groups,
        tables,
    }
    .render()
}

fn lay_out(specs: Vec<GroupSpec>) -> (Vec<Group>, u32) {
    let items = || specs.iter().flat_map(|s| &s.items);
    let top = items()
        .map(|i| i.value)
        .chain(specs.iter().filter_map(|s| s.quota))
        .fold(0.0, f64::max);
    let widest = items().map(|i| i.text.chars().count()).max().unwrap_or(1);
    let room = widest as f64 * DIGIT + 6.0;
    let span = f64::from(WIDTH - 2 * PAD) - room;
    let scale = if top > 0.0 { span / top } else { 0.0 };
    let x0 = f64::from(PAD);

    let mut y = PAD;
    let mut groups = Vec::with_capacity(specs.len());
    for spec in specs {
        let heading = spec.heading.iter().flat_map(|h| wrap(h, LABEL_CHARS));
        let notes = spec.notes.iter().flat_map(|n| wrap(n, NOTE_CHARS));
        let lines = heading
            .map(|text| (text, true))
            .chain(notes.map(|text| (text, false)))
            .map(|(text, strong)| {
                let line = Line {
                    text,
                    y: y + 16,
                    strong,
                };
                y += LINE;
                line
            })
            .collect::<Vec<_>>();
        if !lines.is_empty() {
            y += 4;
        }
        let first = y;
        let bars = spec
            .items
            .into_iter()
            .map(|item| {
                let width = tenth(item.value.max(0.0) * scale);
                let prefix = match item.mark {
                    Mark::None => "",
                    Mark::Win => "✓ ",
                    Mark::Out => "✗ ",
                };
                let bar = Bar {
                    label: format!("{prefix}{}", truncate(&item.label, LABEL_CHARS)),
                    strong: item.mark == Mark::Win,
                    label_y: y + 14,
                    bar_y: y + 19,
                    width,
                    value: item.text,
                    value_x: tenth(x0 + width + 5.0),
                    value_y: y + 32,
                    fill: item.tone.fill(),
                    stroke: item.tone.stroke(),
                };
                y += ROW;
                bar
            })
            .collect();
        let quota = spec.quota.filter(|_| y > first).map(|q| Quota {
            x: tenth(x0 + q * scale),
            y1: first + 17,
            y2: y - ROW + 37,
        });
        groups.push(Group { lines, bars, quota });
        y += PAD;
    }
    (groups, y)
}

/// A yes/no vote: for, against, abstaining.
pub(super) fn yes_no(
    chart: &Chart,
    yes: u64,
    no: u64,
    abstain: u64,
) -> Result<String, askama::Error> {
    let tr = chart.tr;
    let answers = [
        (tr.t("chart-yes"), yes, Tone::Yes),
        (tr.t("chart-no"), no, Tone::No),
        (tr.t("chart-abstain"), abstain, Tone::Faint),
    ];
    answers_figure(chart, "chart-yes-no-title", answers.into())
}

/// A consent vote: consent, object, stand aside, block.
pub(super) fn consent(chart: &Chart, weights: [u64; 4]) -> Result<String, askama::Error> {
    let tr = chart.tr;
    let [consent, object, stand_aside, block] = weights;
    let answers = [
        (tr.t("chart-consent"), consent, Tone::Yes),
        (tr.t("chart-object"), object, Tone::Caution),
        (tr.t("chart-stand-aside"), stand_aside, Tone::Plain),
        (tr.t("chart-block"), block, Tone::No),
    ];
    answers_figure(chart, "chart-consent-title", answers.into())
}

fn answers_figure(
    chart: &Chart,
    title_key: &str,
    answers: Vec<(String, u64, Tone)>,
) -> Result<String, askama::Error> {
    let tr = chart.tr;
    let title = tr.t(title_key);
    let table = Table {
        caption: title.clone(),
        corner: tr.t("chart-answer"),
        columns: vec![tr.t("chart-votes")],
        rows: answers
            .iter()
            .map(|(label, weight, _)| TableRow {
                head: label.clone(),
                cells: vec![weight.to_string()],
            })
            .collect(),
    };
    let items = answers
        .into_iter()
        .map(|(label, weight, tone)| Item::count(label, weight, tone))
        .collect();
    let spec = GroupSpec {
        heading: None,
        notes: vec![],
        items,
        quota: None,
    };
    figure(chart, title, chart.summary(), vec![spec], vec![table])
}

/// Approval or score: one total per option, most first, the winners marked. `max` is the
/// highest score, for a score vote.
pub(super) fn totals(
    chart: &Chart,
    title_key: &str,
    totals: &[u64],
    max: Option<u32>,
) -> Result<String, askama::Error> {
    let tr = chart.tr;
    let title = tr.t(title_key);
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(totals[i]));
    let items = order
        .iter()
        .map(|&i| {
            let won = chart.won(i);
            Item {
                mark: if won { Mark::Win } else { Mark::None },
                tone: if won { Tone::Win } else { Tone::Plain },
                ..Item::count(chart.label(i), totals[i], Tone::Plain)
            }
        })
        .collect();
    let table = Table {
        caption: title.clone(),
        corner: tr.t("chart-option"),
        columns: vec![tr.t("chart-total"), tr.t("chart-result")],
        rows: order
            .iter()
            .map(|&i| TableRow {
                head: chart.label(i),
                cells: vec![
                    totals[i].to_string(),
                    if chart.won(i) {
                        tr.t("chart-mark-winner")
                    } else {
                        String::new()
                    },
                ],
            })
            .collect(),
    };
    let mut summary = chart.summary();
    if let Some(max) = max {
        summary = format!(
            "{} {summary}",
            tr.args("chart-score-note", &[("max", max.into())])
        );
    }
    let spec = GroupSpec {
        heading: None,
        notes: vec![],
        items,
        quota: None,
    };
    figure(chart, title, summary, vec![spec], vec![table])
}

/// A line of text broken at spaces into lines of at most `max` characters; a word longer than
/// a line is cut.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let fits = line.chars().count() + 1 + word.chars().count() <= max;
        if !line.is_empty() && !fits {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(|l| truncate(&l, max)).collect()
}
