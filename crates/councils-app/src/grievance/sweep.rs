//! What the server's sweep does for grievances: tells each case's assignee (or, with none,
//! the committee's organisers) when a deadline comes due, once; and deletes resolved and
//! dropped cases once their retention has run out.

use crate::ports::NoticeKind;
use crate::{App, AppError};
use councils_domain::grievance;

impl App {
    /// Sends the reminders of every deadline that came due; answers how many were sent.
    /// Each is marked before it is sent, so two sweeps at once remind only once.
    pub async fn remind_grievance_deadlines(&self) -> Result<u64, AppError> {
        let now = self.now();
        let mut sent = 0;
        for due in self.store.due_grievance_deadlines(now).await? {
            if !self
                .store
                .mark_deadline_reminded(&due.deadline.id, now)
                .await?
            {
                continue;
            }
            let Some(council) = self.store.council(&due.council_id).await? else {
                continue;
            };
            let audience = match due.assignee {
                Some(assignee) => vec![assignee],
                None => self.grievance_organisers(&council.id).await?,
            };
            self.tell_grievance(
                audience,
                NoticeKind::GrievanceDeadlineDue,
                &council,
                &due.deadline.grievance_id,
            )
            .await;
            sent += 1;
        }
        Ok(sent)
    }

    /// Deletes the grievances resolved or dropped more than
    /// [`grievance::CLOSED_KEEP_DAYS`] days ago, with everything of theirs.
    pub async fn enforce_grievance_retention(&self) -> Result<u64, AppError> {
        Ok(self
            .store
            .purge_grievances(grievance::closed_before(self.now()))
            .await?)
    }
}
