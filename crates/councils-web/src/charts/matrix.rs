//! The pairwise contests of a Schulze count as a coloured grid, the options in the order of
//! the final ranking, with the ranking as a list and the matrices as tables.
//!
//! Columns are headed by the rows' numbers: no label fits above a column on a phone. Up to
//! eight options fit 360 units; a larger grid keeps its size and scrolls sideways, since
//! shrinking it would make its numbers unreadable.

use askama::Template;

use super::{Chart, PAD, Table, TableRow, WIDTH, truncate};

/// The side of one cell.
const CELL: u32 = 32;
/// The narrowest column of row labels in a grid that fits a phone.
const LABELS_MIN: u32 = 88;
/// The column of row labels in a grid too wide for a phone.
const LABELS_WIDE: u32 = 160;
/// Height of the row of column numbers.
const HEADER: u32 = 22;
/// Roughly how wide a character is at 13 units.
const CHAR: f64 = 7.2;

struct Cell {
    x: u32,
    y: u32,
    fill: &'static str,
    stroke: Option<&'static str>,
    text: String,
    text_x: u32,
    text_y: u32,
    ink: &'static str,
    /// A length to squeeze the number into, when it is wider than the cell.
    fit: Option<u32>,
}

struct Heading {
    text: String,
    x: u32,
    y: u32,
}

struct Tier {
    names: String,
    won: bool,
}

#[derive(Template)]
#[template(path = "charts/matrix.html")]
struct MatrixFigure {
    id: String,
    title: String,
    summary: String,
    width: u32,
    height: u32,
    /// Wider than a phone: drawn at its own size in a scrolling box.
    wide: bool,
    cell: u32,
    rows: Vec<Heading>,
    columns: Vec<Heading>,
    cells: Vec<Cell>,
    ranking_title: String,
    winner: String,
    ranking: Vec<Tier>,
    tables: Vec<Table>,
}

/// The Schulze figure: pairwise grid, ranking, and the pairwise and strongest-path tables.
pub(super) fn schulze(
    chart: &Chart,
    pairwise: &[Vec<u64>],
    strongest_paths: &[Vec<u64>],
    ranking: &[Vec<usize>],
) -> Result<String, askama::Error> {
    let tr = chart.tr;
    let n = pairwise.len();
    let mut order: Vec<usize> = ranking
        .iter()
        .flatten()
        .copied()
        .filter(|&i| i < n)
        .collect();
    // Every option once, even if a ranking left one out.
    order.extend((0..n).filter(|i| !ranking.iter().flatten().any(|j| j == i)));
    let numbered = |pos: usize, i: usize| format!("{}. {}", pos + 1, chart.label(i));

    let count = order.len() as u32;
    let fitting = (WIDTH - 2 * PAD).saturating_sub(count * CELL);
    // A grid that scrolls anyway gives its labels room.
    let labels = if fitting >= LABELS_MIN {
        fitting
    } else {
        LABELS_WIDE
    };
    let width = 2 * PAD + labels + count * CELL;
    let height = 2 * PAD + HEADER + count * CELL;
    let grid_x = PAD + labels;
    let grid_y = PAD + HEADER;
    let label_chars = ((f64::from(labels) - 6.0) / CHAR) as usize;

    let columns = (0..order.len())
        .map(|c| Heading {
            text: (c + 1).to_string(),
            x: grid_x + c as u32 * CELL + CELL / 2,
            y: PAD + 16,
        })
        .collect();
    let rows = order
        .iter()
        .enumerate()
        .map(|(r, &i)| Heading {
            text: truncate(&numbered(r, i), label_chars),
            x: PAD,
            y: grid_y + r as u32 * CELL + CELL / 2 + 5,
        })
        .collect();
    let mut cells = Vec::with_capacity(order.len() * order.len());
    for (r, &i) in order.iter().enumerate() {
        for (c, &j) in order.iter().enumerate() {
            let (x, y) = (grid_x + c as u32 * CELL, grid_y + r as u32 * CELL);
            let (for_, against) = (at(pairwise, i, j), at(pairwise, j, i));
            let text = if i == j {
                "–".to_string()
            } else {
                for_.to_string()
            };
            let (fill, stroke, ink) = match for_.cmp(&against) {
                _ if i == j => ("#f3eee6", Some("#d9d2c7"), "#5c5750"),
                std::cmp::Ordering::Greater => ("#1f6b3a", None, "#ffffff"),
                std::cmp::Ordering::Less => ("#a3191f", None, "#ffffff"),
                std::cmp::Ordering::Equal => ("#f3eee6", Some("#5c5750"), "#1d1b19"),
            };
            let inner = CELL - 6;
            let fit = (text.chars().count() as f64 * CHAR > f64::from(inner)).then_some(inner);
            cells.push(Cell {
                x: x + 1,
                y: y + 1,
                fill,
                stroke,
                text,
                text_x: x + CELL / 2,
                text_y: y + CELL / 2 + 5,
                ink,
                fit,
            });
        }
    }

    let ranking = ranking
        .iter()
        .map(|tier| Tier {
            names: tier
                .iter()
                .map(|&i| chart.label(i))
                .collect::<Vec<_>>()
                .join(" = "),
            won: tier.iter().any(|&i| chart.won(i)),
        })
        .collect();
    let head = |pos: usize, i: usize| numbered(pos, i);
    let matrix_table = |caption: String, m: &[Vec<u64>]| Table {
        caption,
        corner: tr.t("chart-option"),
        columns: order.iter().enumerate().map(|(c, &j)| head(c, j)).collect(),
        rows: order
            .iter()
            .enumerate()
            .map(|(r, &i)| TableRow {
                head: head(r, i),
                cells: order
                    .iter()
                    .map(|&j| {
                        if i == j {
                            "–".to_string()
                        } else {
                            at(m, i, j).to_string()
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    let tables = vec![
        matrix_table(tr.t("chart-pairwise-caption"), pairwise),
        matrix_table(tr.t("chart-paths-caption"), strongest_paths),
    ];
    MatrixFigure {
        id: chart.id("matrix"),
        title: tr.t("chart-schulze-title"),
        summary: format!("{} {}", tr.t("chart-schulze-legend"), chart.summary()),
        width,
        height,
        wide: width > WIDTH,
        cell: CELL - 2,
        rows,
        columns,
        cells,
        ranking_title: tr.t("chart-ranking-title"),
        winner: tr.t("chart-mark-winner"),
        ranking,
        tables,
    }
    .render()
}

/// `m[i][j]`, or 0 where a stored matrix is short.
fn at(m: &[Vec<u64>], i: usize, j: usize) -> u64 {
    m.get(i).and_then(|row| row.get(j)).copied().unwrap_or(0)
}
