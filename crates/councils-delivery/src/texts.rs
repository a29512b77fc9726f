//! What a push message and a mail say: the notice's kind as a title in the member's language,
//! and where to look. Never what happened, where, or who.

use councils_app::ports::{Mail, Notice};
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

/// The mail telling a member about a notice: its title, and a link to `public_url + path`.
pub fn mail_for(notice: &Notice, language: Language, to: &str, public_url: &str) -> Mail {
    let tr = Tr::new(language);
    let title = tr.tp("delivery-title-", notice.kind.code());
    let link = format!("{}{}", public_url.trim_end_matches('/'), notice.path);
    Mail {
        to: to.to_string(),
        subject: title.clone(),
        body: tr.args(
            "delivery-mail-body",
            &[("title", title.into()), ("link", link.into())],
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
