//! A committee's reports and alerts as one reader may see them: the verifier's queue, the
//! responder's alerts (with those of neighbouring committees that chose this one), a plain
//! member's own reports.

use crate::ports::{ReportCounts, ReportRecord};
use crate::{Actor, App, AppError};
use councils_domain::report::{ReportFacts, access};
use councils_domain::{Action, Council, Standing};

/// A report as a line of a list.
#[derive(Clone, Debug)]
pub struct QueueItem {
    pub report: ReportRecord,
    pub facts: ReportFacts,
    /// The slug of the committee it was filed to (another one for a neighbour's alert).
    pub council_slug: String,
}

/// What the queue page shows.
#[derive(Clone, Debug)]
pub struct QueueView {
    pub council: Council,
    pub standing: Standing,
    pub items: Vec<QueueItem>,
    pub may_verify: bool,
    pub may_respond: bool,
    /// The committee's counts, for its verifiers and organisers.
    pub counts: Option<ReportCounts>,
}

impl App {
    /// The committee's reports the actor may read, newest first.
    pub async fn report_queue(&self, actor: &Actor, slug: &str) -> Result<QueueView, AppError> {
        let (council, standing) = self
            .council_for_action(actor, slug, Action::SeeMembers)
            .await?;
        let may_verify = access::may_verify(&standing);
        let may_respond = access::may_respond(&standing);
        let mut items = Vec::new();
        for report in self.store.council_reports(&council.id).await? {
            let mine = report.reporter.as_ref() == Some(&actor.member_id);
            if access::may_read(&standing, report.state, mine) {
                items.push(QueueItem {
                    facts: self.facts(&report)?,
                    council_slug: council.slug.to_string(),
                    report,
                });
            }
        }
        if may_respond {
            for report in self.store.neighbour_alerts(&council.id).await? {
                let Some(from) = self.store.council(&report.council_id).await? else {
                    continue;
                };
                items.push(QueueItem {
                    facts: self.facts(&report)?,
                    council_slug: from.slug.to_string(),
                    report,
                });
            }
            items.sort_by_key(|i| std::cmp::Reverse(i.report.filed_at));
        }
        let counts = if may_verify {
            Some(self.store.report_counts(&council.id).await?)
        } else {
            None
        };
        Ok(QueueView {
            council,
            standing,
            items,
            may_verify,
            may_respond,
            counts,
        })
    }

    /// One report as a line of a list, for a page that inserts it live.
    pub async fn report_item(&self, actor: &Actor, id: &str) -> Result<QueueItem, AppError> {
        let (report, access) = self.report_access(actor, id).await?;
        Ok(QueueItem {
            facts: self.facts(&report)?,
            council_slug: access.council.slug.to_string(),
            report,
        })
    }
}
