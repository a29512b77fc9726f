//! A council's minutes: every membership, role, federation and settings change, hash-chained,
//! with the result of checking the chain.

use crate::WebState;
use crate::error::WebError;
use crate::i18n::{Arg, Tr};
use crate::pages::{format_time, page};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_domain::{CouncilId, Decision, MemberId, MinutesEvent, MotionId};
use std::collections::HashMap;

struct Line {
    seq: u64,
    when: String,
    text: String,
    hash: String,
}

#[derive(Template)]
#[template(path = "minutes.html")]
struct MinutesPage {
    l: Layout,
    slug: String,
    name: String,
    lines: Vec<Line>,
    broken: Option<String>,
}

impl MinutesPage {
    fn verified(&self) -> String {
        self.l.tr.tn("minutes-verified", self.lines.len() as u64)
    }
}

/// Members named in an event, so their handles can be looked up.
fn members_in(event: &MinutesEvent) -> Vec<&MemberId> {
    use MinutesEvent::*;
    match event {
        CouncilFounded { by, .. } => by.iter().collect(),
        MemberJoined { member, .. } | MemberLeft { member } => vec![member],
        Vouched { member, voucher } => vec![member, voucher],
        MemberActivated { member, by } => std::iter::once(member).chain(by.iter()).collect(),
        RoleGranted { member, by, .. }
        | RoleRevoked { member, by, .. }
        | MemberRemoved { member, by } => vec![member, by],
        SettingsChanged { by, .. } | NamesChanged { by } => vec![by],
        LinkRequested { by, .. } | LinkAccepted { by, .. } | LinkEnded { by, .. } => vec![by],
        MotionProposed { by, .. }
        | AmendmentAccepted { by, .. }
        | AmendmentPutToVote { by, .. }
        | MotionDefaultsChanged { by, .. } => vec![by],
        AmendmentVoted { .. } => vec![],
        VotingOpened { by, .. } => by.iter().collect(),
        MotionDecided { .. } => vec![],
        DelegateElected { member, .. }
        | DelegateSeated { member, .. }
        | DelegateTermEnded { member, .. }
        | DelegateUnseated { member, .. }
        | VoteAgainstMandate { member, .. }
        | DelegateRecalled { member, .. } => vec![member],
        RecallStarted { by, .. } => by.iter().collect(),
        DelegationRulesChanged { by, .. } | ReferendumCalled { by, .. } => vec![by],
        MandateVoted { .. } | RecallVoteOpened { .. } | RecallFailed { .. } => vec![],
        PublicationPublished { by, .. }
        | PublicationVisibilityChanged { by, .. }
        | PublicationRevised { by, .. }
        | PublicationWithdrawn { by, .. }
        | PublicationCommentModerated { by, .. } => vec![by],
        StrikeOpened { by, .. } | StrikeJoined { by, .. } | StrikeStatusChanged { by, .. } => {
            vec![by]
        }
    }
}

/// What a decision was, in words; elected options by name (by their number on the ballot
/// if the motion's options are not known).
fn decision_words(tr: &Tr, decision: &Decision, options: Option<&Vec<String>>) -> String {
    match decision {
        Decision::Passed => tr.t("decision-passed"),
        Decision::Rejected => tr.t("decision-rejected"),
        Decision::Blocked => tr.t("decision-blocked"),
        Decision::NoQuorum => tr.t("decision-no-quorum"),
        Decision::Elected { winners } => {
            let names: Vec<String> = winners
                .iter()
                .map(|&w| {
                    options
                        .and_then(|o| o.get(w))
                        .cloned()
                        .unwrap_or_else(|| format!("#{}", w + 1))
                })
                .collect();
            tr.ta("decision-elected", "names", &names.join(", "))
        }
    }
}

/// The event in the reader's language. Deleted members appear as a tombstone.
fn describe(
    tr: &Tr,
    event: &MinutesEvent,
    handles: &HashMap<MemberId, String>,
    councils: &HashMap<CouncilId, String>,
    options: &HashMap<MotionId, Vec<String>>,
) -> String {
    use MinutesEvent::*;
    let who = |id: &MemberId| {
        handles
            .get(id)
            .cloned()
            .unwrap_or_else(|| tr.t("minutes-former-member"))
    };
    let council = |id: &CouncilId| councils.get(id).cloned().unwrap_or_else(|| id.to_string());
    let key = format!("minutes-{}", event.code());
    if let SettingsChanged {
        by,
        vouches_required,
        members_per_delegate,
        minimum_seats,
    } = event
    {
        let args = [
            ("by", Arg::from(who(by))),
            ("vouches", Arg::from(*vouches_required)),
            ("per", Arg::from(*members_per_delegate)),
            ("minimum", Arg::from(*minimum_seats)),
        ];
        return tr.args(&key, &args);
    }
    let args: Vec<(&str, String)> = match event {
        CouncilFounded { by, kind } => vec![
            (
                "by",
                by.as_ref()
                    .map(who)
                    .unwrap_or_else(|| tr.t("minutes-operator")),
            ),
            ("kind", tr.tp("kind-", kind.code())),
        ],
        MemberJoined {
            member,
            role,
            pending,
        } => vec![
            ("member", who(member)),
            ("role", tr.tp("role-", role.code())),
            ("pending", if *pending { "yes" } else { "no" }.to_string()),
        ],
        Vouched { member, voucher } => vec![("member", who(member)), ("by", who(voucher))],
        MemberActivated { member, by } => vec![
            ("member", who(member)),
            (
                "by",
                by.as_ref()
                    .map(who)
                    .unwrap_or_else(|| tr.t("minutes-by-vouches")),
            ),
        ],
        RoleGranted { member, role, by } | RoleRevoked { member, role, by } => {
            vec![
                ("member", who(member)),
                ("role", tr.tp("role-", role.code())),
                ("by", who(by)),
            ]
        }
        MemberRemoved { member, by } => vec![("member", who(member)), ("by", who(by))],
        MemberLeft { member } => vec![("member", who(member))],
        SettingsChanged { .. } => unreachable!("described above"),
        NamesChanged { by } => vec![("by", who(by))],
        LinkRequested {
            constituent,
            parent,
            by,
        }
        | LinkAccepted {
            constituent,
            parent,
            by,
        }
        | LinkEnded {
            constituent,
            parent,
            by,
        } => {
            vec![
                ("constituent", council(constituent)),
                ("parent", council(parent)),
                ("by", who(by)),
            ]
        }
        MotionProposed { by, title, .. } => vec![("by", who(by)), ("title", title.clone())],
        VotingOpened { by, entitled, .. } => vec![
            (
                "by",
                by.as_ref()
                    .map(who)
                    .unwrap_or_else(|| tr.t("minutes-operator")),
            ),
            ("entitled", entitled.to_string()),
        ],
        AmendmentAccepted { by, .. }
        | AmendmentPutToVote { by, .. }
        | MotionDefaultsChanged { by, .. } => vec![("by", who(by))],
        AmendmentVoted { accepted, .. } => vec![(
            "result",
            tr.t(if *accepted {
                "minutes-amendment-voted-accepted"
            } else {
                "minutes-amendment-voted-rejected"
            }),
        )],
        MotionDecided { motion, outcome } => vec![
            (
                "decision",
                decision_words(tr, &outcome.decision, options.get(motion)),
            ),
            ("ballots", outcome.ballots.to_string()),
        ],
        DelegateElected {
            member,
            parent,
            ends_at,
            ..
        } => vec![
            ("member", who(member)),
            ("parent", council(parent)),
            ("ends", format_time(*ends_at)),
        ],
        DelegateSeated {
            member,
            constituent,
        }
        | DelegateUnseated {
            member,
            constituent,
        } => vec![
            ("member", who(member)),
            ("constituent", council(constituent)),
        ],
        DelegateTermEnded { member, parent, .. } | DelegateRecalled { member, parent, .. } => {
            vec![("member", who(member)), ("parent", council(parent))]
        }
        MandateVoted {
            parent, mandate, ..
        } => vec![
            ("parent", council(parent)),
            ("mandate", tr.tp("mandate-", mandate)),
        ],
        VoteAgainstMandate { member, .. } => vec![("member", who(member))],
        RecallStarted { by, .. } => vec![(
            "by",
            by.as_ref()
                .map(who)
                .unwrap_or_else(|| tr.t("minutes-by-contrary-vote")),
        )],
        RecallVoteOpened { .. } | RecallFailed { .. } => vec![],
        DelegationRulesChanged {
            by,
            mandate_policy,
            recall_mode,
            vote_weighting,
            ..
        } => vec![
            ("by", who(by)),
            ("policy", tr.tp("mandate-policy-", mandate_policy.code())),
            ("mode", tr.tp("recall-mode-", recall_mode.code())),
            ("weighting", tr.tp("vote-weighting-", vote_weighting.code())),
        ],
        ReferendumCalled { by, .. } => vec![("by", who(by))],
        PublicationPublished { by, public, .. }
        | PublicationVisibilityChanged { by, public, .. } => {
            vec![
                ("by", who(by)),
                ("public", if *public { "yes" } else { "no" }.to_string()),
            ]
        }
        PublicationRevised { by, .. } | PublicationWithdrawn { by, .. } => vec![("by", who(by))],
        PublicationCommentModerated { by, moderation, .. } => vec![
            ("by", who(by)),
            ("moderation", moderation.code().to_string()),
        ],
        StrikeOpened {
            committee,
            strike_committee,
            by,
            ..
        } => vec![
            ("by", who(by)),
            ("committee", council(committee)),
            ("strike_committee", council(strike_committee)),
        ],
        StrikeJoined { committee, by, .. } => {
            vec![("by", who(by)), ("committee", council(committee))]
        }
        StrikeStatusChanged { status, by, .. } => {
            vec![("by", who(by)), ("status", tr.tp("strike-status-", status))]
        }
    };
    let args: Vec<(&str, Arg)> = args
        .into_iter()
        .map(|(name, value)| (name, Arg::from(value)))
        .collect();
    tr.args(&key, &args)
}

/// `GET /c/{slug}/minutes`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let minutes = state.app.minutes(actor, &slug).await?;
    let events: Vec<Option<MinutesEvent>> = minutes.entries.iter().map(|e| e.event()).collect();
    let ids: Vec<&MemberId> = events.iter().flatten().flat_map(members_in).collect();
    let handles: HashMap<MemberId, String> = state
        .app
        .handles(&ids)
        .await?
        .into_iter()
        .map(|(id, handle)| (id, handle.to_string()))
        .collect();
    let councils = state.app.council_names(viewer.tr.language).await?;
    let lines = minutes
        .entries
        .iter()
        .zip(&events)
        .map(|(entry, event)| Line {
            seq: entry.seq,
            when: format_time(entry.recorded_at),
            text: event
                .as_ref()
                .map(|e| describe(&viewer.tr, e, &handles, &councils, &minutes.options))
                .unwrap_or_else(|| viewer.tr.t("minutes-unreadable")),
            hash: entry.hash.chars().take(12).collect(),
        })
        .collect();
    page(MinutesPage {
        name: minutes.council.name_in(viewer.tr.language).name.clone(),
        slug: minutes.council.slug.to_string(),
        l: viewer.layout(),
        lines,
        broken: minutes.verified.err().map(|b| b.to_string()),
    })
}
