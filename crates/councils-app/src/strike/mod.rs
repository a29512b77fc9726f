//! Strikes: opening one on a committee's carried strike vote with its strike committee, other
//! committees joining on theirs (`open`), the picket rota with its reminders (`rota`) and the
//! strike and hardship fund (`fund`).
//!
//! Every reading goes through [`App::strike_access`]: a strike is seen only by active members
//! of its strike committee and of the committees on it. Anyone else, signed in or not, is
//! told it does not exist.

pub mod fund;
pub mod open;
pub mod rota;

use crate::ports::StrikeRecord;
use crate::{Actor, App, AppError};
use councils_domain::{Council, Role, Standing, StrikeId};

/// How a reader reaches a strike.
#[derive(Clone, Debug)]
pub struct StrikeAccess {
    pub strike: StrikeRecord,
    /// The strike committee that runs it.
    pub committee: Council,
    /// The committees on strike, the opener first.
    pub parties: Vec<Council>,
    /// Organiser of the strike committee (sets the status).
    pub chair: bool,
    /// Organiser of the strike committee or of a committee on strike (adds picket shifts).
    pub organiser: bool,
    /// The strike committee's treasurer (keeps the fund).
    pub treasurer: bool,
}

impl App {
    /// The strike, if the actor is an active member of its strike committee or of a committee
    /// on it; `NotFound` otherwise, whether or not it exists.
    pub async fn strike_access(&self, actor: &Actor, id: &str) -> Result<StrikeAccess, AppError> {
        let strike = self
            .store
            .strike(&StrikeId::new(id))
            .await?
            .ok_or(AppError::NotFound)?;
        let committee = self
            .store
            .council(&strike.strike_committee)
            .await?
            .ok_or(AppError::NotFound)?;
        let standing = self.standing(actor, &committee).await?;
        let mut reader = matches!(standing, Standing::Active(_));
        let chair = standing.holds(Role::Organiser);
        let mut organiser = chair;
        let mut parties = Vec::with_capacity(strike.parties.len());
        for party in &strike.parties {
            let Some(council) = self.store.council(&party.council_id).await? else {
                continue;
            };
            let theirs = self.standing(actor, &council).await?;
            reader |= matches!(theirs, Standing::Active(_));
            organiser |= theirs.holds(Role::Organiser);
            parties.push(council);
        }
        if !reader {
            return Err(AppError::NotFound);
        }
        Ok(StrikeAccess {
            treasurer: standing.holds(Role::Treasurer),
            strike,
            committee,
            parties,
            chair,
            organiser,
        })
    }
}
