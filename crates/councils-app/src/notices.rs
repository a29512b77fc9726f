//! How a member hears about each topic: their choices (live only, Web Push, email at once or
//! a daily digest), the page of notices their mail links to, and the week after which kept
//! notices are deleted.

use crate::delivery::KEPT_NOTICE_SECONDS;
use crate::ports::{DeliveryMode, NoticeItem, NoticeTopic};
use crate::{Actor, App, AppError};

/// A topic as the settings page shows it: what the member hears by, and whether they chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TopicChoice {
    pub topic: NoticeTopic,
    pub mode: DeliveryMode,
    /// Rapid response alerts come at once by push and email, whatever is chosen.
    pub fixed: bool,
}

impl App {
    /// What the member hears each topic by, their choice or the default, in the order the
    /// settings page lists topics.
    pub async fn notice_choices(&self, actor: &Actor) -> Result<Vec<TopicChoice>, AppError> {
        let chosen = self.store.notice_preferences(&actor.member_id).await?;
        Ok(NoticeTopic::ALL
            .into_iter()
            .map(|topic| TopicChoice {
                topic,
                mode: chosen
                    .iter()
                    .find(|(t, _)| *t == topic)
                    .map_or(DeliveryMode::default_for(topic), |(_, mode)| *mode),
                fixed: topic == NoticeTopic::Alerts,
            })
            .collect())
    }

    /// Replaces the member's choices. Alerts cannot be chosen (they always come at once):
    /// a choice for them is refused, as is mail for a member who gave no email.
    pub async fn choose_notices(
        &self,
        actor: &Actor,
        choices: &[(NoticeTopic, DeliveryMode)],
    ) -> Result<(), AppError> {
        if choices
            .iter()
            .any(|(topic, _)| *topic == NoticeTopic::Alerts)
        {
            return Err(AppError::AlertsAlwaysAtOnce);
        }
        let mut seen = Vec::new();
        for (topic, _) in choices {
            if seen.contains(topic) {
                return Err(AppError::BadValue);
            }
            seen.push(*topic);
        }
        if choices.iter().any(|(_, mode)| mode.mails()) {
            let member = self
                .store
                .member(&actor.member_id)
                .await?
                .ok_or(AppError::NotFound)?;
            if member.email_sealed.is_none() {
                return Err(AppError::MailWithoutEmail);
            }
        }
        self.store
            .set_notice_preferences(&actor.member_id, choices)
            .await?;
        Ok(())
    }

    /// The notices kept for the member's mail in the last week, newest first.
    pub async fn kept_notices(&self, actor: &Actor) -> Result<Vec<NoticeItem>, AppError> {
        Ok(self.store.kept_notices(&actor.member_id).await?)
    }

    /// Deletes kept notices older than a week (the retention sweep); how many.
    pub async fn forget_old_notices(&self) -> Result<u64, AppError> {
        Ok(self
            .store
            .forget_notices_before(self.now() - KEPT_NOTICE_SECONDS)
            .await?)
    }
}
