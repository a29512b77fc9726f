//! Voting methods, one per file.

pub mod approval;
pub mod consent;
pub mod irv;
pub mod schulze;
pub mod score;
pub mod stv;
pub mod yes_no;
