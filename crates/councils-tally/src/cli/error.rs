//! Errors of the command-line tally, naming the line of the input that is wrong.

use thiserror::Error;

use crate::TallyError;

/// Why a ballot file could not be counted.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CliError {
    /// A method name the tally does not know.
    #[error(
        "unknown method {0:?} (expected yes-no, consent, approval, score, schulze, irv or stv)"
    )]
    UnknownMethod(String),
    /// An STV variant the tally does not know.
    #[error("unknown STV rules {0:?} (expected meek or scottish)")]
    UnknownStv(String),
    /// An option given to a method that has no use for it.
    #[error("{option} does not apply to {method}")]
    OptionNotApplicable {
        /// The option, as typed.
        option: &'static str,
        /// The method.
        method: String,
    },
    /// Something wrong on one line of the input.
    #[error("line {line}: {problem}")]
    Input {
        /// The 1-based line number.
        line: usize,
        /// What is wrong there.
        problem: InputProblem,
    },
    /// The ballots are well formed but cannot be counted by this method.
    #[error(transparent)]
    Tally(#[from] TallyError),
}

/// What is wrong on a line of the input.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputProblem {
    /// A candidate number outside the list.
    #[error("candidate {candidate} does not exist (there are {candidates})")]
    UnknownCandidate {
        /// The number as written (1-based).
        candidate: i64,
        /// How many candidates there are.
        candidates: usize,
    },
    /// A candidate ranked twice on one ballot.
    #[error("candidate {0} is ranked twice")]
    RepeatedCandidate(usize),
    /// Something else was expected here.
    #[error("expected {expected}, found {found:?}")]
    Expected {
        /// What should be here.
        expected: &'static str,
        /// What is here.
        found: String,
    },
    /// A ballot line that does not end with 0.
    #[error("the ballot does not end with 0")]
    MissingEnd,
    /// The input stops too early.
    #[error("the file ends before {0}")]
    UnexpectedEnd(String),
    /// A row with the wrong number of cells.
    #[error("expected {expected} columns, found {found}")]
    ColumnCount {
        /// Columns in the header.
        expected: usize,
        /// Cells in the row.
        found: usize,
    },
    /// A value that is not one of those allowed in its column.
    #[error("{found:?} is not one of {allowed}")]
    NotAllowed {
        /// The value.
        found: String,
        /// The allowed values.
        allowed: &'static str,
    },
    /// The CSV itself is malformed.
    #[error("{0}")]
    Csv(String),
}

impl InputProblem {
    /// This problem, at `line`.
    pub fn at(self, line: usize) -> CliError {
        CliError::Input {
            line,
            problem: self,
        }
    }
}
