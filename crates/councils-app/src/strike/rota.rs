//! The picket rota: shifts by place and time, members signing up and withdrawing, the gaps
//! (shifts short of the people they need), and the reminder each picket gets once before
//! their shift (the server's sweep calls [`App::remind_pickets`]).

use super::StrikeAccess;
use crate::crypto::new_id;
use crate::ports::{Notice, NoticeKind};
use crate::{Actor, App, AppError};
use councils_domain::strike::{self, REMINDER_LEAD, ShiftPlan, StrikeError};
use councils_domain::{Handle, ShiftId};

/// A shift as the rota shows it to one reader.
#[derive(Clone, Debug)]
pub struct ShiftView {
    pub id: ShiftId,
    pub place: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub needed: u32,
    pub signed_up: Vec<Handle>,
    /// How many more it needs.
    pub gap: u32,
    /// Whether the reader signed up.
    pub mine: bool,
    /// Whether it has yet to start (sign-ups and withdrawals are open).
    pub ahead: bool,
}

/// A strike's rota.
#[derive(Clone, Debug)]
pub struct RotaView {
    pub access: StrikeAccess,
    pub shifts: Vec<ShiftView>,
    /// People still needed across the shifts ahead.
    pub gaps: u32,
    /// Shifts ahead short of people.
    pub short: usize,
}

/// A shift as an organiser types it: a start and a length in hours.
#[derive(Clone, Debug, Default)]
pub struct ShiftForm {
    pub place: String,
    pub starts_at: i64,
    pub hours: u32,
    pub needed: u32,
}

impl App {
    /// The rota of a strike, for its readers.
    pub async fn rota(&self, actor: &Actor, id: &str) -> Result<RotaView, AppError> {
        let access = self.strike_access(actor, id).await?;
        let now = self.now();
        let shifts: Vec<ShiftView> = self
            .store
            .shifts(&access.strike.id)
            .await?
            .into_iter()
            .map(|s| {
                let signed = s.signed_up.len() as u32;
                ShiftView {
                    mine: s.signed_up.iter().any(|(m, _)| *m == actor.member_id),
                    signed_up: s.signed_up.into_iter().map(|(_, h)| h).collect(),
                    gap: strike::gap(s.plan.needed, signed),
                    ahead: now < s.plan.starts_at,
                    id: s.id,
                    place: s.plan.place,
                    starts_at: s.plan.starts_at,
                    ends_at: s.plan.ends_at,
                    needed: s.plan.needed,
                }
            })
            .collect();
        let ahead = shifts.iter().filter(|s| s.ahead);
        let gaps = ahead.clone().map(|s| s.gap).sum();
        let short = ahead.filter(|s| s.gap > 0).count();
        Ok(RotaView {
            access,
            shifts,
            gaps,
            short,
        })
    }

    /// An organiser of the strike committee or of a committee on strike adds a shift.
    pub async fn add_shift(
        &self,
        actor: &Actor,
        id: &str,
        form: &ShiftForm,
    ) -> Result<ShiftId, AppError> {
        let access = self.strike_access(actor, id).await?;
        if !access.organiser {
            return Err(AppError::Forbidden);
        }
        if access.strike.status.is_over() {
            return Err(StrikeError::Ended.into());
        }
        let ends_at = form
            .starts_at
            .checked_add(i64::from(form.hours) * 3600)
            .ok_or(StrikeError::BadShift)?;
        let plan = ShiftPlan::new(
            &form.place,
            form.starts_at,
            ends_at,
            form.needed,
            self.now(),
        )?;
        let shift = ShiftId::new(new_id());
        self.store
            .add_shift(&access.strike.id, &shift, &plan, &actor.member_id)
            .await?;
        Ok(shift)
    }

    /// The shift of this strike, for a reader of it, before it starts.
    async fn open_shift(&self, actor: &Actor, id: &str, shift: &str) -> Result<ShiftId, AppError> {
        let access = self.strike_access(actor, id).await?;
        let record = self
            .store
            .shift(&ShiftId::new(shift))
            .await?
            .filter(|s| s.strike_id == access.strike.id)
            .ok_or(AppError::NotFound)?;
        strike::check_shift_open(record.plan.starts_at, self.now())?;
        Ok(record.id)
    }

    /// A reader of the strike signs up to a shift ahead.
    pub async fn sign_up(&self, actor: &Actor, id: &str, shift: &str) -> Result<(), AppError> {
        let shift = self.open_shift(actor, id, shift).await?;
        Ok(self
            .store
            .sign_up(&shift, &actor.member_id, self.now())
            .await?)
    }

    /// A picket withdraws from a shift ahead.
    pub async fn withdraw(&self, actor: &Actor, id: &str, shift: &str) -> Result<(), AppError> {
        let shift = self.open_shift(actor, id, shift).await?;
        Ok(self.store.withdraw(&shift, &actor.member_id).await?)
    }

    /// Tells each picket, once, that their shift starts within [`REMINDER_LEAD`]; answers how
    /// many were told. Run by the server's sweep every 30 seconds.
    pub async fn remind_pickets(&self) -> Result<usize, AppError> {
        let reminders = self
            .store
            .claim_reminders(self.now(), REMINDER_LEAD)
            .await?;
        for reminder in &reminders {
            let notice = Notice {
                kind: NoticeKind::PicketReminder,
                council: reminder.strike_committee.clone(),
                subject: reminder.shift_id.to_string(),
                path: format!(
                    "/strikes/{}/rota#shift-{}",
                    reminder.strike_id, reminder.shift_id
                ),
            };
            self.notifier
                .notify(std::slice::from_ref(&reminder.member_id), &notice)
                .await;
        }
        Ok(reminders.len())
    }

    /// Deletes shifts past their retention and unnames old payments (the server's sweep).
    pub async fn enforce_strike_retention(&self) -> Result<crate::ports::StrikePurge, AppError> {
        let now = self.now();
        Ok(self
            .store
            .purge_strikes(now - strike::SHIFT_RETENTION, now - strike::PAYEE_RETENTION)
            .await?)
    }
}
