//! Turns parsed ballot files into counts and the counts into the command line's JSON.

use serde_json::{Value, json};

use super::{
    Method,
    blt::Blt,
    error::{CliError, InputProblem},
    table::Table,
};
use crate::{
    Rules,
    compact::{ApprovalBallots, RankedBallots, ScoreBallots},
    method::{
        approval,
        consent::{self, ConsentChoice, ConsentCount, ConsentDecision},
        irv, schulze, score,
        stv::{self, StvVariant},
        yes_no::{self, Choice, Decision, YesNoCount},
    },
};

fn single_column(table: &Table) -> Result<(), CliError> {
    if table.options.len() != 1 {
        return Err(InputProblem::ColumnCount {
            expected: 1,
            found: table.options.len(),
        }
        .at(1));
    }
    Ok(())
}

fn names(all: &[String], picked: &[usize]) -> Vec<String> {
    picked.iter().map(|&i| all[i].clone()).collect()
}

fn totals(options: &[String], values: impl IntoIterator<Item = Value>) -> Value {
    Value::Array(
        options
            .iter()
            .zip(values)
            .map(|(o, v)| json!({ "option": o, "votes": v }))
            .collect(),
    )
}

/// `yes-no`: one column of yes, no or abstain.
pub fn yes_no(table: &Table, rules: &Rules) -> Result<Value, CliError> {
    single_column(table)?;
    let mut count = YesNoCount::default();
    for row in &table.rows {
        let choice = match row.cells[0].to_ascii_lowercase().as_str() {
            "yes" => Choice::Yes,
            "no" => Choice::No,
            "abstain" => Choice::Abstain,
            _ => {
                return Err(InputProblem::NotAllowed {
                    found: row.cells[0].clone(),
                    allowed: "yes, no, abstain",
                }
                .at(row.line));
            }
        };
        count.add(choice, row.weight);
    }
    let result = yes_no::tally(&count, rules)?;
    let winners: Vec<&str> = match result.decision {
        Decision::Passed => vec!["yes"],
        Decision::Rejected => vec!["no"],
        Decision::NoQuorum => vec![],
    };
    Ok(json!({
        "candidates": ["yes", "no"],
        "winners": winners,
        "counts": result.count,
        "quorum_met": result.quorum_met,
        "decided_by": result.decided_by,
        "details": result,
    }))
}

/// `consent`: one column of yes (consent), no (objection), abstain (stand aside) or block.
pub fn consent(table: &Table, rules: &Rules) -> Result<Value, CliError> {
    single_column(table)?;
    let mut count = ConsentCount::default();
    for row in &table.rows {
        let choice = match row.cells[0].to_ascii_lowercase().as_str() {
            "yes" => ConsentChoice::Consent,
            "no" => ConsentChoice::Object,
            "abstain" => ConsentChoice::StandAside,
            "block" => ConsentChoice::Block,
            _ => {
                return Err(InputProblem::NotAllowed {
                    found: row.cells[0].clone(),
                    allowed: "yes, no, abstain, block",
                }
                .at(row.line));
            }
        };
        count.add(choice, row.weight);
    }
    let result = consent::tally(&count, rules)?;
    let winners: Vec<&str> = match result.decision {
        ConsentDecision::Passed => vec!["consent"],
        ConsentDecision::Blocked => vec!["blocked"],
        ConsentDecision::NoQuorum => vec![],
    };
    Ok(json!({
        "candidates": ["consent", "blocked"],
        "winners": winners,
        "counts": result.count,
        "quorum_met": result.quorum_met,
        "decided_by": result.decided_by,
        "details": result,
    }))
}

fn cell_number(cell: &str, line: usize, max: u64, allowed: &'static str) -> Result<u64, CliError> {
    if cell.is_empty() {
        return Ok(0);
    }
    match cell.parse::<u64>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(InputProblem::NotAllowed {
            found: cell.to_owned(),
            allowed,
        }
        .at(line)),
    }
}

/// `approval`: one column per option, 1 approves and 0 (or empty) does not.
pub fn approval(table: &Table, seats: Option<usize>, rules: &Rules) -> Result<Value, CliError> {
    let mut ballots = ApprovalBallots::new(table.options.len())?;
    let mut approved = Vec::new();
    for row in &table.rows {
        approved.clear();
        for (i, cell) in row.cells.iter().enumerate() {
            if cell_number(cell, row.line, 1, "0, 1 or empty")? == 1 {
                approved.push(i);
            }
        }
        ballots.push(&approved, row.weight)?;
    }
    let result = approval::tally(&ballots.grouped(), seats.unwrap_or(1), rules)?;
    Ok(json!({
        "candidates": table.options,
        "winners": names(&table.options, &result.winners),
        "counts": totals(&table.options, result.totals.iter().map(|&t| Value::from(t))),
        "quorum_met": result.quorum_met,
        "decided_by": result.decided_by,
        "details": result,
    }))
}

/// `score`: one column per option, whole scores from 0 to 255 (empty is 0).
pub fn score(table: &Table, seats: Option<usize>, rules: &Rules) -> Result<Value, CliError> {
    let mut rows = Vec::with_capacity(table.rows.len());
    let mut max = 0u8;
    for row in &table.rows {
        let mut scores = Vec::with_capacity(row.cells.len());
        for cell in &row.cells {
            let s = cell_number(cell, row.line, 255, "a whole score from 0 to 255")? as u8;
            max = max.max(s);
            scores.push(s);
        }
        rows.push((scores, row.weight));
    }
    let mut ballots = ScoreBallots::new(table.options.len(), max)?;
    for (scores, weight) in &rows {
        ballots.push(scores, *weight)?;
    }
    let result = score::tally(&ballots.grouped(), seats.unwrap_or(1), rules)?;
    Ok(json!({
        "candidates": table.options,
        "winners": names(&table.options, &result.winners),
        "counts": totals(&table.options, result.totals.iter().map(|&t| Value::from(t))),
        "quorum_met": result.quorum_met,
        "decided_by": result.decided_by,
        "details": result,
    }))
}

/// `schulze`, `irv` and `stv`: BLT ballots, withdrawn candidates left out of the count.
pub fn ranked(
    method: Method,
    blt: &Blt,
    seats: Option<usize>,
    variant: StvVariant,
    rules: &Rules,
) -> Result<Value, CliError> {
    let mut map = vec![None; blt.names.len()];
    let mut standing = Vec::new();
    for (i, name) in blt.names.iter().enumerate() {
        if !blt.withdrawn.contains(&i) {
            map[i] = Some(standing.len());
            standing.push(name.clone());
        }
    }
    let ballots: RankedBallots = blt.ballots.restricted(&map, standing.len())?.grouped();
    let withdrawn = names(&blt.names, &blt.withdrawn);
    let mut value = match method {
        Method::Schulze => {
            let result = schulze::tally(&ballots, rules)?;
            json!({
                "winners": names(&standing, result.winner.as_slice()),
                "counts": result.pairwise,
                "quorum_met": result.quorum_met,
                "decided_by": result.decided_by,
                "details": result,
            })
        }
        Method::Irv => {
            let result = irv::tally(&ballots, rules)?;
            let first = result
                .rounds
                .first()
                .map(|r| r.votes.clone())
                .unwrap_or_default();
            json!({
                "winners": names(&standing, result.winner.as_slice()),
                "counts": totals(&standing, first.into_iter().map(Value::from)),
                "quorum_met": result.quorum_met,
                "decided_by": result.decided_by,
                "details": result,
            })
        }
        _ => {
            let result = stv::tally(&ballots, seats.unwrap_or(blt.seats), variant, rules)?;
            let first = result
                .rounds
                .first()
                .map(|r| r.votes.clone())
                .unwrap_or_default();
            json!({
                "winners": names(&standing, &result.elected),
                "counts": totals(&standing, first.iter().map(|v| Value::from(v.to_string()))),
                "quorum_met": result.quorum_met,
                "decided_by": result.decided_by,
                "details": result,
            })
        }
    };
    value["candidates"] = json!(standing);
    value["withdrawn"] = json!(withdrawn);
    value["title"] = json!(blt.title);
    Ok(value)
}
