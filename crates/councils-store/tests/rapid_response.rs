//! The store conformance suite for rapid response (reports, verification, alerts, responses,
//! the timeline, counts, settings and the retention sweep), on SQLite and, when
//! `COUNCILS_TEST_POSTGRES` is set, on PostgreSQL; and the proof that the sweep leaves no
//! trace of a report in the SQLite file or its WAL.

use councils_app::StoreError;
use councils_app::ports::*;
use councils_domain::report::{Agency, ReportState, ResponseRole, Source, UpdateKind};
use councils_domain::*;
use councils_store::Db;

macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let fresh = councils_store::testing::FreshDb::sqlite();
                    super::$name(&fresh.connect().await).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    if let Some(fresh) = councils_store::testing::FreshDb::postgres().await {
                        let db = fresh.connect().await;
                        super::$name(&db).await;
                        db.close().await;
                        fresh.finish().await;
                    }
                }
            )*
        }
    };
}

conformance!(
    a_filed_report_round_trips_with_its_first_timeline_entry_and_is_counted,
    a_report_moves_on_only_from_the_state_it_was_read_in,
    responders_answer_an_open_alert_once_each_and_not_a_closed_one,
    notices_go_to_active_members_holding_the_roles,
    settings_default_to_seven_days_and_round_trip_with_neighbours,
    the_sweep_deletes_each_report_when_its_retention_runs_out_and_keeps_the_counts,
);

const NOW: i64 = 1_800_000_000;
const DAY: i64 = 86_400;

async fn invitation(db: &Db, council: Option<&CouncilId>, role: Role) -> InvitationId {
    let id = InvitationId::new(format!("inv-{}", councils_app::crypto::new_id()));
    db.create_invitation(&InvitationRecord {
        id: id.clone(),
        token_hash: councils_app::crypto::new_id(),
        council_id: council.cloned(),
        role,
        created_by: None,
        created_at: NOW,
        expires_at: NOW + 3600,
        used_at: None,
    })
    .await
    .unwrap();
    id
}

fn member(handle: &str) -> NewMember {
    NewMember {
        id: MemberId::new(format!("id-{handle}")),
        handle: Handle::parse(handle).unwrap(),
        language: Language::Es,
        passphrase_hash: "$argon2id$not-a-real-hash".into(),
        email_sealed: None,
    }
}

/// Boyle Heights (organiser olga) with vera verifying, rita responding and mateo a member.
async fn committee(db: &Db) -> CouncilId {
    let council = NewCouncil {
        id: CouncilId::new("id-boyle"),
        slug: Slug::parse("boyle").unwrap(),
        kind: CouncilKind::NeighbourhoodCommittee,
        names: vec![CouncilName {
            language: Language::Es,
            name: "Comité de Boyle Heights".into(),
            description: String::new(),
        }],
        settings: CouncilSettings::default(),
    };
    let invite = invitation(db, None, Role::Organiser).await;
    db.join(&invite, &member("olga"), Some(&council), NOW)
        .await
        .unwrap();
    for (handle, role) in [
        ("vera", Role::Verifier),
        ("rita", Role::Responder),
        ("ramon", Role::Responder),
        ("mateo", Role::Member),
    ] {
        let invite = invitation(db, Some(&council.id), role).await;
        db.join(&invite, &member(handle), None, NOW).await.unwrap();
    }
    council.id
}

fn m(handle: &str) -> MemberId {
    MemberId::new(format!("id-{handle}"))
}

fn report(council: &CouncilId, id: &str, filed_at: i64) -> ReportRecord {
    ReportRecord {
        id: ReportId::new(id),
        council_id: council.clone(),
        reporter: Some(m("mateo")),
        what_sealed: format!("sealed-what-{id}").into_bytes(),
        place_sealed: format!("sealed-place-{id}").into_bytes(),
        officers: Some(4),
        vehicles: None,
        agency: Agency::Ice,
        source: Source::SawIt,
        seen_at: filed_at - 300,
        via_hotline: true,
        state: ReportState::Filed,
        verifier: None,
        filed_at,
        decided_at: None,
        closed_at: None,
        outcome_sealed: None,
    }
}

fn update(kind: UpdateKind, author: &str, at: i64) -> NewUpdate {
    NewUpdate {
        kind,
        author: m(author),
        at,
        body_sealed: None,
        role: None,
    }
}

async fn file(db: &Db, council: &CouncilId, id: &str, at: i64) -> ReportId {
    let r = report(council, id, at);
    db.file_report(&r, &update(UpdateKind::Filed, "mateo", at))
        .await
        .unwrap();
    r.id
}

async fn step(db: &Db, id: &ReportId, from: ReportState, to: ReportState, at: i64) {
    let kind = match to {
        ReportState::Taken => UpdateKind::Taken,
        ReportState::MoreInfo => UpdateKind::MoreInfoAsked,
        ReportState::Confirmed => UpdateKind::Confirmed,
        ReportState::FalseAlarm => UpdateKind::FalseAlarm,
        ReportState::Closed => UpdateKind::Closed,
        ReportState::Filed => UpdateKind::InfoAdded,
    };
    db.advance_report(
        id,
        &ReportStep {
            from,
            to,
            verifier: Some(m("vera")),
            update: update(kind, "vera", at),
        },
        (to == ReportState::Closed).then(|| b"sealed-outcome".to_vec()),
    )
    .await
    .unwrap();
}

async fn a_filed_report_round_trips_with_its_first_timeline_entry_and_is_counted(db: &Db) {
    let boyle = committee(db).await;
    let id = file(db, &boyle, "r1", NOW).await;
    let stored = db.report(&id).await.unwrap().unwrap();
    assert_eq!(stored, report(&boyle, "r1", NOW));
    let timeline = db.updates(&id).await.unwrap();
    assert_eq!(timeline.len(), 1);
    assert_eq!(timeline[0].kind, UpdateKind::Filed);
    assert_eq!(
        timeline[0].author_handle.as_ref().unwrap().as_str(),
        "mateo"
    );
    assert_eq!(db.council_reports(&boyle).await.unwrap(), vec![stored]);
    assert_eq!(
        db.report_counts(&boyle).await.unwrap(),
        ReportCounts {
            reports: 1,
            alerts: 0,
            false_alarms: 0
        }
    );
    assert!(db.report(&ReportId::new("nope")).await.unwrap().is_none());
}

async fn a_report_moves_on_only_from_the_state_it_was_read_in(db: &Db) {
    let boyle = committee(db).await;
    let id = file(db, &boyle, "r1", NOW).await;
    step(db, &id, ReportState::Filed, ReportState::Taken, NOW + 10).await;
    let stale = db
        .advance_report(
            &id,
            &ReportStep {
                from: ReportState::Filed,
                to: ReportState::FalseAlarm,
                verifier: Some(m("olga")),
                update: update(UpdateKind::FalseAlarm, "olga", NOW + 11),
            },
            None,
        )
        .await;
    assert!(matches!(stale, Err(StoreError::Conflict)), "{stale:?}");
    step(
        db,
        &id,
        ReportState::Taken,
        ReportState::Confirmed,
        NOW + 20,
    )
    .await;
    let stored = db.report(&id).await.unwrap().unwrap();
    assert_eq!(stored.state, ReportState::Confirmed);
    assert_eq!(stored.verifier, Some(m("vera")));
    assert_eq!(stored.decided_at, Some(NOW + 20));
    db.add_update(
        &id,
        ReportState::Confirmed,
        &NewUpdate {
            body_sealed: Some(b"sealed-update".to_vec()),
            ..update(UpdateKind::Update, "rita", NOW + 30)
        },
    )
    .await
    .unwrap();
    step(
        db,
        &id,
        ReportState::Confirmed,
        ReportState::Closed,
        NOW + 40,
    )
    .await;
    let stored = db.report(&id).await.unwrap().unwrap();
    assert_eq!(stored.closed_at, Some(NOW + 40));
    assert_eq!(stored.outcome_sealed, Some(b"sealed-outcome".to_vec()));
    let late = db
        .add_update(
            &id,
            ReportState::Confirmed,
            &update(UpdateKind::Update, "rita", NOW + 50),
        )
        .await;
    assert!(matches!(late, Err(StoreError::Conflict)));
    let kinds: Vec<_> = db
        .updates(&id)
        .await
        .unwrap()
        .iter()
        .map(|u| (u.seq, u.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (1, UpdateKind::Filed),
            (2, UpdateKind::Taken),
            (3, UpdateKind::Confirmed),
            (4, UpdateKind::Update),
            (5, UpdateKind::Closed),
        ]
    );
    assert_eq!(db.report_counts(&boyle).await.unwrap().alerts, 1);
    let missing = db
        .add_update(
            &ReportId::new("nope"),
            ReportState::Confirmed,
            &update(UpdateKind::Update, "rita", NOW),
        )
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)));
}

async fn responders_answer_an_open_alert_once_each_and_not_a_closed_one(db: &Db) {
    let boyle = committee(db).await;
    let id = file(db, &boyle, "r1", NOW).await;
    let on_my_way = |who: &str, role: ResponseRole, at: i64| NewUpdate {
        role: Some(role),
        ..update(UpdateKind::OnMyWay, who, at)
    };
    let early = db
        .respond(
            &id,
            ResponseRole::Documentation,
            &on_my_way("rita", ResponseRole::Documentation, NOW),
        )
        .await;
    assert!(
        matches!(early, Err(StoreError::Conflict)),
        "no one responds to a report before it is confirmed"
    );
    step(db, &id, ReportState::Filed, ReportState::Confirmed, NOW + 5).await;
    db.respond(
        &id,
        ResponseRole::Documentation,
        &on_my_way("rita", ResponseRole::Documentation, NOW + 6),
    )
    .await
    .unwrap();
    db.respond(
        &id,
        ResponseRole::LegalObserver,
        &on_my_way("rita", ResponseRole::LegalObserver, NOW + 7),
    )
    .await
    .unwrap();
    db.respond(
        &id,
        ResponseRole::SupportAtHome,
        &on_my_way("ramon", ResponseRole::SupportAtHome, NOW + 8),
    )
    .await
    .unwrap();
    let responses: Vec<_> = db
        .responses(&id)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.handle.to_string(), r.role))
        .collect();
    assert_eq!(
        responses,
        vec![
            ("rita".to_string(), ResponseRole::LegalObserver),
            ("ramon".to_string(), ResponseRole::SupportAtHome),
        ]
    );
    let timeline = db.updates(&id).await.unwrap();
    assert_eq!(
        timeline.last().unwrap().role,
        Some(ResponseRole::SupportAtHome)
    );
    step(
        db,
        &id,
        ReportState::Confirmed,
        ReportState::Closed,
        NOW + 9,
    )
    .await;
    let late = db
        .respond(
            &id,
            ResponseRole::Documentation,
            &on_my_way("ramon", ResponseRole::Documentation, NOW + 10),
        )
        .await;
    assert!(matches!(late, Err(StoreError::Conflict)));
}

async fn notices_go_to_active_members_holding_the_roles(db: &Db) {
    let boyle = committee(db).await;
    assert_eq!(
        db.members_holding(&boyle, &[Role::Verifier, Role::Organiser])
            .await
            .unwrap(),
        vec![m("olga"), m("vera")]
    );
    assert_eq!(
        db.members_holding(&boyle, &[Role::Responder])
            .await
            .unwrap(),
        vec![m("ramon"), m("rita")]
    );
    db.remove_member(&boyle, &m("rita"), &m("olga"), NOW)
        .await
        .unwrap();
    assert_eq!(
        db.members_holding(&boyle, &[Role::Responder])
            .await
            .unwrap(),
        vec![m("ramon")]
    );
    assert_eq!(
        db.members_holding(&boyle, &[Role::Treasurer])
            .await
            .unwrap(),
        Vec::<MemberId>::new(),
        "a role nobody holds"
    );
}

async fn settings_default_to_seven_days_and_round_trip_with_neighbours(db: &Db) {
    let boyle = committee(db).await;
    assert_eq!(
        db.rapid_response_settings(&boyle).await.unwrap(),
        RapidResponseSettings {
            closed_days: 7,
            neighbours: vec![]
        }
    );
    let eastside = NewCouncil {
        id: CouncilId::new("id-eastside"),
        slug: Slug::parse("eastside").unwrap(),
        kind: CouncilKind::NeighbourhoodCommittee,
        names: vec![CouncilName {
            language: Language::En,
            name: "Eastside".into(),
            description: String::new(),
        }],
        settings: CouncilSettings::default(),
    };
    db.found_council(&eastside, &m("olga"), NOW).await.unwrap();
    let chosen = RapidResponseSettings {
        closed_days: 3,
        neighbours: vec![eastside.id.clone()],
    };
    db.set_rapid_response_settings(&boyle, &chosen)
        .await
        .unwrap();
    assert_eq!(db.rapid_response_settings(&boyle).await.unwrap(), chosen);
    let id = file(db, &boyle, "r1", NOW).await;
    assert!(db.neighbour_alerts(&eastside.id).await.unwrap().is_empty());
    step(db, &id, ReportState::Filed, ReportState::Confirmed, NOW + 1).await;
    assert_eq!(db.neighbour_alerts(&eastside.id).await.unwrap()[0].id, id);
    let unknown = db
        .set_rapid_response_settings(
            &boyle,
            &RapidResponseSettings {
                closed_days: 3,
                neighbours: vec![CouncilId::new("no-such-council")],
            },
        )
        .await;
    assert!(unknown.is_err());
    assert_eq!(
        db.rapid_response_settings(&boyle).await.unwrap(),
        chosen,
        "nothing half-written"
    );
}

async fn the_sweep_deletes_each_report_when_its_retention_runs_out_and_keeps_the_counts(db: &Db) {
    let boyle = committee(db).await;
    let false_alarm = file(db, &boyle, "false-alarm", NOW).await;
    step(
        db,
        &false_alarm,
        ReportState::Filed,
        ReportState::FalseAlarm,
        NOW + 60,
    )
    .await;
    let closed = file(db, &boyle, "closed", NOW).await;
    step(
        db,
        &closed,
        ReportState::Filed,
        ReportState::Confirmed,
        NOW + 60,
    )
    .await;
    db.respond(
        &closed,
        ResponseRole::Documentation,
        &NewUpdate {
            role: Some(ResponseRole::Documentation),
            ..update(UpdateKind::OnMyWay, "rita", NOW + 70)
        },
    )
    .await
    .unwrap();
    step(
        db,
        &closed,
        ReportState::Confirmed,
        ReportState::Closed,
        NOW + 3600,
    )
    .await;
    let open = file(db, &boyle, "open", NOW).await;
    step(
        db,
        &open,
        ReportState::Filed,
        ReportState::Confirmed,
        NOW + 60,
    )
    .await;
    let unanswered = file(db, &boyle, "unanswered", NOW).await;

    assert_eq!(
        db.purge_reports(NOW + DAY).await.unwrap(),
        0,
        "a day is not yet past"
    );
    assert_eq!(db.purge_reports(NOW + DAY + 61).await.unwrap(), 1);
    assert!(db.report(&false_alarm).await.unwrap().is_none());
    assert!(db.report(&closed).await.unwrap().is_some());
    assert_eq!(db.purge_reports(NOW + 3600 + 7 * DAY + 1).await.unwrap(), 2);
    assert!(db.report(&closed).await.unwrap().is_none());
    assert!(db.report(&unanswered).await.unwrap().is_none());
    assert!(db.responses(&closed).await.unwrap().is_empty());
    assert!(db.updates(&closed).await.unwrap().is_empty());
    assert!(
        db.report(&open).await.unwrap().is_some(),
        "an open alert stays"
    );
    assert_eq!(db.purge_reports(NOW + 30 * DAY + 61).await.unwrap(), 1);
    assert_eq!(
        db.report_counts(&boyle).await.unwrap(),
        ReportCounts {
            reports: 4,
            alerts: 2,
            false_alarms: 1
        }
    );

    // A committee keeping closed alerts one day loses them after one day.
    db.set_rapid_response_settings(
        &boyle,
        &RapidResponseSettings {
            closed_days: 1,
            neighbours: vec![],
        },
    )
    .await
    .unwrap();
    let later = NOW + 40 * DAY;
    let short = file(db, &boyle, "short", later).await;
    step(
        db,
        &short,
        ReportState::Filed,
        ReportState::Confirmed,
        later + 1,
    )
    .await;
    step(
        db,
        &short,
        ReportState::Confirmed,
        ReportState::Closed,
        later + 2,
    )
    .await;
    assert_eq!(db.purge_reports(later + DAY).await.unwrap(), 0);
    assert_eq!(db.purge_reports(later + DAY + 3).await.unwrap(), 1);
}

/// Whether `needle` occurs anywhere in the file at `path` (a missing file holds nothing).
fn file_holds(path: &std::path::Path, needle: &[u8]) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    bytes.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn the_sweep_leaves_no_trace_of_a_report_in_the_sqlite_file_or_its_wal() {
    let fresh = councils_store::testing::FreshDb::sqlite();
    let db = fresh.connect().await;
    let boyle = committee(&db).await;
    // Plaintext never reaches the database (the app seals it), so what is planted is what
    // the file would hold: the report's id and its sealed bytes.
    let planted_id = "planted-7f3a9c1e5b2d4";
    let mut planted = report(&boyle, planted_id, NOW);
    planted.what_sealed = b"SEALED-BYTES-q8w7e6r5t4y3u2i1".to_vec();
    planted.place_sealed = b"SEALED-PLACE-z1x2c3v4b5n6m7".to_vec();
    db.file_report(&planted, &update(UpdateKind::Filed, "mateo", NOW))
        .await
        .unwrap();
    step(
        &db,
        &planted.id,
        ReportState::Filed,
        ReportState::FalseAlarm,
        NOW + 1,
    )
    .await;
    // Another report stays, so the pages that held the planted one are reused, not dropped.
    let kept = file(&db, &boyle, "kept-report", NOW + 2 * DAY).await;

    let path = std::path::PathBuf::from(&fresh.url);
    let wal = std::path::PathBuf::from(format!("{}-wal", fresh.url));
    let needles: [&[u8]; 3] = [
        planted_id.as_bytes(),
        &planted.what_sealed,
        &planted.place_sealed,
    ];
    for needle in needles {
        assert!(
            file_holds(&path, needle) || file_holds(&wal, needle),
            "the planted string is in the file or the WAL before the sweep"
        );
    }

    assert_eq!(db.purge_reports(NOW + 2 * DAY).await.unwrap(), 1);
    assert!(db.report(&kept).await.unwrap().is_some());
    for needle in needles {
        assert!(!file_holds(&path, needle), "nothing left in the file");
        assert!(!file_holds(&wal, needle), "nothing left in the WAL");
    }
    db.close().await;
    for needle in needles {
        assert!(!file_holds(&path, needle), "nothing left after closing");
    }
}
