//! Reader of CSV ballots: a header of option names, one row per ballot, and an optional
//! `weight` column.

use super::error::{CliError, InputProblem};
use crate::Weight;

/// One ballot row.
#[derive(Debug, Clone)]
pub struct Row {
    /// The 1-based line the row starts on.
    pub line: usize,
    /// The cells under the option columns, trimmed, in header order.
    pub cells: Vec<String>,
    /// The weight column's value, or 1.
    pub weight: Weight,
}

/// A parsed CSV file.
#[derive(Debug, Clone)]
pub struct Table {
    /// Option names from the header, without the weight column.
    pub options: Vec<String>,
    /// The ballots.
    pub rows: Vec<Row>,
}

fn csv_problem(e: &csv::Error) -> CliError {
    let line = e.position().map_or(1, |p| p.line() as usize);
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => InputProblem::ColumnCount {
            expected: *expected_len as usize,
            found: *len as usize,
        }
        .at(line),
        _ => InputProblem::Csv(e.to_string()).at(line),
    }
}

/// Parses a CSV file with a header.
pub fn parse(input: &str) -> Result<Table, CliError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(input.as_bytes());
    let header = reader.headers().map_err(|e| csv_problem(&e))?.clone();
    let weight_col = header.iter().position(|h| h.eq_ignore_ascii_case("weight"));
    let options: Vec<String> = header
        .iter()
        .enumerate()
        .filter(|&(i, _)| Some(i) != weight_col)
        .map(|(_, h)| h.to_owned())
        .collect();
    if options.is_empty() {
        return Err(InputProblem::Expected {
            expected: "a header naming the options",
            found: header.iter().collect::<Vec<_>>().join(","),
        }
        .at(1));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_problem(&e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(str::is_empty) {
            continue;
        }
        let weight = match weight_col {
            Some(i) => {
                let cell = record.get(i).unwrap_or("");
                match cell.parse::<u64>() {
                    Ok(w) if w >= 1 => w,
                    _ => {
                        return Err(InputProblem::Expected {
                            expected: "a whole-number weight of at least 1",
                            found: cell.to_owned(),
                        }
                        .at(line));
                    }
                }
            }
            None => 1,
        };
        let cells = record
            .iter()
            .enumerate()
            .filter(|&(i, _)| Some(i) != weight_col)
            .map(|(_, c)| c.to_owned())
            .collect();
        rows.push(Row {
            line,
            cells,
            weight,
        });
    }
    Ok(Table { options, rows })
}
