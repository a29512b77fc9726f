//! Grievances' pages: a committee's list and the filing form (`list`), a case's page with
//! the forms organisers and the named filer use (`case`), and the anonymous filer's private
//! link (`follow`). Every grievance page answers 404 to anyone who may not read it, signed
//! out visitors included.

pub mod case;
pub mod follow;
pub mod list;

use crate::i18n::Tr;
use crate::pages::format_time;
use councils_app::grievance::{GrievanceSummary, GrievanceView, Reader};
use councils_domain::grievance::{EntryKind, GrievanceKind, GrievanceStatus};
use councils_domain::grievance_pay::{PayClaim, format_hundredths};

/// A day as the deadline forms take it: `2026-12-15`.
pub(crate) fn day(epoch: i64) -> String {
    format_time(epoch).chars().take(10).collect()
}

/// Money in cents with its currency: `202.80 USD`.
pub(crate) fn money(cents: i64, currency: &str) -> String {
    format!("{} {currency}", format_hundredths(cents))
}

/// A grievance in a list.
pub(crate) struct Line {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub status_code: &'static str,
    pub anonymous: bool,
    pub collective: bool,
    pub in_collective: bool,
    pub filed_at: String,
    pub filed_by: Option<String>,
    pub assignee: Option<String>,
    pub gist: String,
    pub next_due: Option<String>,
}

pub(crate) fn line(tr: &Tr, s: &GrievanceSummary) -> Line {
    Line {
        id: s.id.to_string(),
        kind: tr.tp("grievance-kind-", s.kind.code()),
        status: tr.tp("grievance-status-", s.status.code()),
        status_code: s.status.code(),
        anonymous: s.anonymous,
        collective: s.is_collective,
        in_collective: s.in_collective,
        filed_at: day(s.filed_at),
        filed_by: s.filed_by.clone(),
        assignee: s.assignee.clone(),
        gist: s.gist.clone(),
        next_due: s.next_due.map(day),
    }
}

/// An option of a select: its value, its label, whether chosen.
pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub(crate) fn kinds(tr: &Tr, chosen: &str) -> Vec<Choice> {
    GrievanceKind::ALL
        .iter()
        .map(|k| Choice {
            value: k.code().into(),
            label: tr.tp("grievance-kind-", k.code()),
            selected: k.code() == chosen,
        })
        .collect()
}

pub(crate) fn statuses(tr: &Tr, chosen: GrievanceStatus) -> Vec<Choice> {
    GrievanceStatus::ALL
        .iter()
        .map(|s| Choice {
            value: s.code().into(),
            label: tr.tp("grievance-status-", s.code()),
            selected: *s == chosen,
        })
        .collect()
}

/// An entry of the timeline, in words.
pub(crate) struct Entry {
    pub kind: &'static str,
    pub what: String,
    pub who: String,
    pub at: String,
    pub body: Option<String>,
}

/// A line of the pay calculation, in words.
pub(crate) struct PayRow {
    pub description: String,
    pub hours: String,
    pub rate: String,
    pub paid: String,
    pub owed: String,
}

/// The calculation, in words.
pub(crate) struct Pay {
    pub rows: Vec<PayRow>,
    pub due: String,
    pub paid: String,
    pub owed: String,
}

pub(crate) fn pay(claim: &PayClaim) -> Pay {
    let c = &claim.currency;
    Pay {
        rows: claim
            .lines
            .iter()
            .map(|l| PayRow {
                description: l.description.clone(),
                hours: format_hundredths(l.hours_hundredths),
                rate: format_hundredths(l.rate_cents),
                paid: format_hundredths(l.paid_cents),
                owed: money(l.owed_cents(), c),
            })
            .collect(),
        due: money(claim.due_cents(), c),
        paid: money(claim.paid_cents(), c),
        owed: money(claim.owed_cents(), c),
    }
}

pub(crate) fn entries(tr: &Tr, v: &GrievanceView) -> Vec<Entry> {
    v.timeline
        .iter()
        .map(|e| {
            let detail = e.detail.clone().unwrap_or_default();
            let what = match e.kind {
                EntryKind::Status => tr.ta(
                    "grievance-entry-status",
                    "status",
                    &tr.tp("grievance-status-", &detail),
                ),
                EntryKind::Assigned if detail.is_empty() => tr.t("grievance-entry-unassigned"),
                EntryKind::Assigned => tr.ta("grievance-entry-assigned", "handle", &detail),
                EntryKind::Deadline => tr.ta("grievance-entry-deadline", "date", &detail),
                EntryKind::Escalated => tr.ta(
                    "grievance-entry-escalated",
                    "kind",
                    &tr.tp("motion-kind-", &detail),
                ),
                other => tr.tp("grievance-entry-", other.code()),
            };
            let who = match (&e.author, e.by_filer, v.reader) {
                (_, true, Reader::Link) => tr.t("grievance-by-you"),
                (Some(handle), _, _) => handle.clone(),
                (None, true, _) => tr.t("grievance-by-anonymous-filer"),
                (None, false, _) => tr.t("grievance-by-gone"),
            };
            Entry {
                kind: e.kind.code(),
                what,
                who,
                // An anonymous filing is timed to its day only: shown as the day.
                at: if e.kind == EntryKind::Filed && v.record.anonymous {
                    day(e.at)
                } else {
                    format_time(e.at)
                },
                body: e.body.clone(),
            }
        })
        .collect()
}
