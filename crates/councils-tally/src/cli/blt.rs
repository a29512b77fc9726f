//! Reader of ranked ballots in the BLT format (as used by OpenSTV and the ERS).
//!
//! ```text
//! 4 2            candidates and seats
//! -3             optional: withdrawn candidates, as negative numbers
//! 3 1 2 0        weight, preferences (1-based), 0
//! 2 2=3 1 0      `=` joins equal preferences
//! 0              end of ballots
//! "Ana"          one name per candidate, in double quotes
//! "Ben"
//! "Cleo"
//! "Dev"
//! "Delegates to the city council"   the title
//! ```

use super::error::{CliError, InputProblem};
use crate::compact::RankedBallots;

/// A parsed BLT file.
#[derive(Debug, Clone)]
pub struct Blt {
    /// Candidate names, in file order.
    pub names: Vec<String>,
    /// Seats, as the file says.
    pub seats: usize,
    /// 0-based indices of withdrawn candidates.
    pub withdrawn: Vec<usize>,
    /// The ballots, over all candidates (withdrawn ones included), not grouped.
    pub ballots: RankedBallots,
    /// The title, if given.
    pub title: Option<String>,
}

fn number(token: &str, line: usize, expected: &'static str) -> Result<i64, CliError> {
    token.parse::<i64>().map_err(|_| {
        InputProblem::Expected {
            expected,
            found: token.to_owned(),
        }
        .at(line)
    })
}

fn quoted(text: &str, line: usize) -> Result<String, CliError> {
    let t = text.trim();
    if t.len() >= 2 && t.starts_with('"') && t.ends_with('"') {
        Ok(t[1..t.len() - 1].to_owned())
    } else {
        Err(InputProblem::Expected {
            expected: "a name in double quotes",
            found: t.to_owned(),
        }
        .at(line))
    }
}

/// Parses a BLT file.
pub fn parse(input: &str) -> Result<Blt, CliError> {
    let mut lines = input
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty());
    let last_line = input.lines().count().max(1);
    let end = |what: &str| InputProblem::UnexpectedEnd(what.to_owned()).at(last_line);
    let (line, header) = lines
        .next()
        .ok_or_else(|| end("the number of candidates"))?;
    let mut head = header.split_whitespace();
    let expected = "the number of candidates and of seats";
    let candidates = number(head.next().unwrap_or(""), line, expected)?;
    let seats = number(head.next().unwrap_or(""), line, expected)?;
    if candidates < 0 || seats < 0 || head.next().is_some() {
        return Err(InputProblem::Expected {
            expected,
            found: header.to_owned(),
        }
        .at(line));
    }
    let candidates = candidates as usize;
    let mut ballots = RankedBallots::new(candidates)?;
    let mut withdrawn = Vec::new();
    let check = |n: i64, line: usize| -> Result<usize, CliError> {
        if n < 1 || n as usize > candidates {
            return Err(InputProblem::UnknownCandidate {
                candidate: n,
                candidates,
            }
            .at(line));
        }
        Ok(n as usize - 1)
    };
    let mut first_ballot = true;
    let mut ranks: Vec<Vec<usize>> = Vec::new();
    loop {
        let (line, text) = lines
            .next()
            .ok_or_else(|| end("the 0 that ends the ballots"))?;
        if first_ballot && text.starts_with('-') {
            first_ballot = false;
            for token in text.split_whitespace() {
                let n = number(token, line, "a withdrawn candidate such as -2")?;
                withdrawn.push(check(-n, line)?);
            }
            continue;
        }
        first_ballot = false;
        let spaced = text.replace('=', " = ");
        let mut tokens = spaced.split_whitespace();
        let weight = number(tokens.next().unwrap_or(""), line, "a whole-number weight")?;
        if weight == 0 {
            break;
        }
        if weight < 0 {
            return Err(InputProblem::Expected {
                expected: "a whole-number weight",
                found: weight.to_string(),
            }
            .at(line));
        }
        ranks.clear();
        let mut join = false;
        let mut ended = false;
        for token in tokens {
            if ended {
                return Err(InputProblem::Expected {
                    expected: "nothing after the closing 0",
                    found: token.to_owned(),
                }
                .at(line));
            }
            if token == "=" {
                if ranks.is_empty() || join {
                    return Err(InputProblem::Expected {
                        expected: "a candidate before =",
                        found: text.to_owned(),
                    }
                    .at(line));
                }
                join = true;
                continue;
            }
            let n = number(token, line, "a candidate number")?;
            if n == 0 {
                if join {
                    return Err(InputProblem::Expected {
                        expected: "a candidate after =",
                        found: text.to_owned(),
                    }
                    .at(line));
                }
                ended = true;
                continue;
            }
            let c = check(n, line)?;
            if ranks.iter().flatten().any(|&x| x == c) {
                return Err(InputProblem::RepeatedCandidate(c + 1).at(line));
            }
            match ranks.last_mut() {
                Some(last) if join => last.push(c),
                _ => ranks.push(vec![c]),
            }
            join = false;
        }
        if !ended {
            return Err(InputProblem::MissingEnd.at(line));
        }
        ballots.push(&ranks, weight as u64)?;
    }
    let mut names = Vec::with_capacity(candidates);
    for i in 0..candidates {
        let (line, text) = lines
            .next()
            .ok_or_else(|| end(&format!("the name of candidate {}", i + 1)))?;
        names.push(quoted(text, line)?);
    }
    let title = match lines.next() {
        Some((line, text)) => Some(quoted(text, line)?),
        None => None,
    };
    if let Some((line, text)) = lines.next() {
        return Err(InputProblem::Expected {
            expected: "nothing after the title",
            found: text.to_owned(),
        }
        .at(line));
    }
    Ok(Blt {
        names,
        seats: seats as usize,
        withdrawn,
        ballots,
        title,
    })
}
