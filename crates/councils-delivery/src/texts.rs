//! What a push message and a mail say: the notice's kind as a title in the member's language,
//! and where to look. Never what happened, where, or who.

use councils_app::ports::{Mail, Notice, NoticeItem, NoticeTopic};
use councils_domain::Language;
use councils_web::i18n::Tr;
use serde_json::json;

/// The push payload: the notice's kind, the id of what it concerns, its path on this instance,
/// and the title and line the service worker shows, in the member's language.
pub fn push_payload(notice: &Notice, language: Language) -> Vec<u8> {
    let tr = Tr::new(language);
    json!({
        "kind": notice.kind.code(),
        "report_id": notice.subject,
        "path": notice.path,
        "title": tr.tp("delivery-title-", notice.kind.code()),
        "body": tr.t("delivery-push-body"),
        "lang": language.code(),
    })
    .to_string()
    .into_bytes()
}

/// The mail telling a member about a notice: its title, and a link. An alert's mail links to
/// the alert (`/reports/{id}` names no council). Other notices' paths name their council, and
/// a mail is not private, so their mail links to the member's page of notices instead.
pub fn mail_for(notice: &Notice, language: Language, to: &str, public_url: &str) -> Mail {
    let tr = Tr::new(language);
    let title = tr.tp("delivery-title-", notice.kind.code());
    let path = if notice.kind.topic() == NoticeTopic::Alerts {
        notice.path.as_str()
    } else {
        NOTICES_PATH
    };
    let link = format!("{}{path}", public_url.trim_end_matches('/'));
    Mail {
        to: to.to_string(),
        subject: title.clone(),
        body: tr.args(
            "delivery-mail-body",
            &[("title", title.into()), ("link", link.into())],
        ),
    }
}

/// The member's page of the notices kept for their mail.
pub const NOTICES_PATH: &str = "/notices";

/// Notices listed by name in one digest; the rest are counted, and the page lists them all.
const DIGEST_LISTED: usize = 20;

/// The daily digest: how many notices of each kind wait, and a link to the page of notices.
/// Like every mail, it says nothing of what happened nor in which council.
pub fn digest_mail(items: &[NoticeItem], language: Language, to: &str, public_url: &str) -> Mail {
    let tr = Tr::new(language);
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(kind, _)| *kind == item.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((&item.kind, 1)),
        }
    }
    let lines: Vec<String> = counts
        .iter()
        .take(DIGEST_LISTED)
        .map(|(kind, n)| {
            tr.args(
                "delivery-digest-line",
                &[
                    ("title", tr.tp("delivery-title-", kind).into()),
                    ("count", (*n as u64).into()),
                ],
            )
        })
        .collect();
    let link = format!("{}{NOTICES_PATH}", public_url.trim_end_matches('/'));
    Mail {
        to: to.to_string(),
        subject: tr.args(
            "delivery-digest-subject",
            &[("count", (items.len() as u64).into())],
        ),
        body: tr.args(
            "delivery-digest-body",
            &[("lines", lines.join("\n").into()), ("link", link.into())],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use councils_app::ports::NoticeKind;
    use councils_domain::CouncilId;

    fn notice() -> Notice {
        Notice {
            kind: NoticeKind::AlertRaised,
            council: CouncilId::new("c1"),
            subject: "r-42".into(),
            path: "/reports/r-42".into(),
        }
    }

    #[test]
    fn the_push_payload_holds_the_notice_and_a_title_in_the_members_language() {
        let payload: serde_json::Value =
            serde_json::from_slice(&push_payload(&notice(), Language::Es)).unwrap();
        assert_eq!(payload["kind"], "alert-raised");
        assert_eq!(payload["report_id"], "r-42");
        assert_eq!(payload["path"], "/reports/r-42");
        assert_eq!(payload["title"], "Una alerta te necesita");
        assert_eq!(payload["lang"], "es");
        assert_eq!(payload.as_object().unwrap().len(), 6);
    }

    #[test]
    fn every_kind_has_a_title_in_every_language() {
        use NoticeKind::*;
        for kind in [
            ReportFiled,
            ReportChanged,
            AlertRaised,
            AlertUpdated,
            AlertClosed,
            PlanTriggered,
            PicketReminder,
        ] {
            for language in Language::ALL {
                let title = Tr::new(language).tp("delivery-title-", kind.code());
                assert!(!title.starts_with("delivery-"), "{kind:?} {language:?}");
            }
        }
    }

    #[test]
    fn a_mail_carries_the_title_and_the_link_and_nothing_else_of_the_notice() {
        let mail = mail_for(
            &notice(),
            Language::En,
            "ana@example.org",
            "https://c.example/",
        );
        assert_eq!(mail.to, "ana@example.org");
        assert_eq!(mail.subject, "An alert needs you");
        assert!(mail.body.contains("https://c.example/reports/r-42"));
        assert!(mail.body.starts_with("An alert needs you"));
    }
}
