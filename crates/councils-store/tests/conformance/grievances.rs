//! Grievances (migration 0008): an anonymous grievance cannot hold its filer, changes go in
//! with their timeline entry, escalation links a motion once, collectives join all or none,
//! due deadlines are found and reminded once, and closed cases are purged after retention.

use super::*;
use councils_domain::grievance::{EntryKind, GrievanceKind, GrievanceStatus};

fn grievance(id: &str, council: &CouncilId, filer: Option<&MemberId>) -> GrievanceRecord {
    GrievanceRecord {
        id: GrievanceId::new(id),
        council_id: council.clone(),
        kind: GrievanceKind::WageTheft,
        status: GrievanceStatus::Received,
        anonymous: filer.is_none(),
        filed_by: filer.cloned(),
        follow_token_hash: filer.is_none().then(|| format!("hash-{id}")),
        statement_sealed: b"sealed statement".to_vec(),
        pay_sealed: None,
        assignee: None,
        is_collective: false,
        collective_id: None,
        filed_at: NOW,
        closed_at: None,
        motion_id: None,
    }
}

fn entry(id: &str, kind: EntryKind, author: Option<&MemberId>, at: i64) -> NewGrievanceEntry {
    NewGrievanceEntry {
        grievance_id: GrievanceId::new(id),
        kind,
        author: author.cloned(),
        by_filer: author.is_none(),
        body_sealed: Some(b"sealed note".to_vec()),
        detail: None,
        at,
    }
}

pub(crate) async fn an_anonymous_grievance_cannot_hold_its_filer(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let mut named_anonymous = grievance("g1", &garment, Some(&rosa));
    named_anonymous.anonymous = true;
    assert!(
        db.create_grievance(&named_anonymous, &entry("g1", EntryKind::Filed, None, NOW))
            .await
            .is_err(),
        "the database refuses a filer on an anonymous grievance"
    );
    assert!(
        db.grievance(&GrievanceId::new("g1"))
            .await
            .unwrap()
            .is_none()
    );
    db.create_grievance(
        &grievance("g2", &garment, None),
        &entry("g2", EntryKind::Filed, None, NOW),
    )
    .await
    .unwrap();
    let found = db
        .grievance_by_follow_hash("hash-g2")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((found.anonymous, found.filed_by), (true, None));
    assert!(
        db.grievance_by_follow_hash("hash-g1")
            .await
            .unwrap()
            .is_none()
    );
}

pub(crate) async fn a_case_changes_with_its_timeline_and_escalates_once(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let (lupe, _) = join(db, &garment, "lupe").await;
    db.create_grievance(
        &grievance("g1", &garment, Some(&lupe)),
        &entry("g1", EntryKind::Filed, Some(&lupe), NOW),
    )
    .await
    .unwrap();
    let closed = GrievanceChange::Status {
        status: GrievanceStatus::Resolved,
        closed_at: Some(NOW + 10),
    };
    let mut status_entry = entry("g1", EntryKind::Status, Some(&rosa), NOW + 10);
    status_entry.detail = Some("resolved".into());
    db.change_grievance(&closed, &status_entry).await.unwrap();
    db.change_grievance(
        &GrievanceChange::Assignee(Some(rosa.clone())),
        &entry("g1", EntryKind::Assigned, Some(&rosa), NOW + 11),
    )
    .await
    .unwrap();
    let deadline = GrievanceDeadlineRecord {
        id: GrievanceDeadlineId::new("d1"),
        grievance_id: GrievanceId::new("g1"),
        label_sealed: b"sealed label".to_vec(),
        due_at: NOW + 100,
        reminded_at: None,
        done_at: None,
        created_at: NOW + 12,
    };
    db.change_grievance(
        &GrievanceChange::AddDeadline(deadline),
        &entry("g1", EntryKind::Deadline, Some(&rosa), NOW + 12),
    )
    .await
    .unwrap();
    let finish = GrievanceChange::FinishDeadline(GrievanceDeadlineId::new("d1"), NOW + 13);
    let done = entry("g1", EntryKind::DeadlineDone, Some(&rosa), NOW + 13);
    db.change_grievance(&finish, &done).await.unwrap();
    assert!(matches!(
        db.change_grievance(&finish, &done).await,
        Err(StoreError::NotFound)
    ));
    let motion = yes_no_motion("m1", &garment, &rosa, Secrecy::Secret, Phase::Discussion);
    let escalate = GrievanceChange::Escalate(Box::new(motion.clone()));
    let escalated = entry("g1", EntryKind::Escalated, Some(&rosa), NOW + 14);
    db.change_grievance(&escalate, &escalated).await.unwrap();
    assert!(db.motion(&motion.id).await.unwrap().is_some());
    // A second escalation is refused whole: its motion is not written either.
    let again = yes_no_motion("m2", &garment, &rosa, Secrecy::Secret, Phase::Discussion);
    assert!(matches!(
        db.change_grievance(&GrievanceChange::Escalate(Box::new(again)), &escalated)
            .await,
        Err(StoreError::Conflict)
    ));
    assert!(db.motion(&MotionId::new("m2")).await.unwrap().is_none());
    let stored = db
        .grievance(&GrievanceId::new("g1"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, GrievanceStatus::Escalated);
    assert_eq!(stored.motion_id.as_ref(), Some(&motion.id));
    assert_eq!(stored.assignee.as_ref(), Some(&rosa));
    assert_eq!(
        db.grievance_of_motion(&motion.id)
            .await
            .unwrap()
            .map(|g| g.id),
        Some(GrievanceId::new("g1"))
    );
    // The refused changes wrote no entry: filed, status, assigned, deadline, done, escalated.
    let kinds: Vec<EntryKind> = db
        .grievance_entries(&GrievanceId::new("g1"))
        .await
        .unwrap()
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            EntryKind::Filed,
            EntryKind::Status,
            EntryKind::Assigned,
            EntryKind::Deadline,
            EntryKind::DeadlineDone,
            EntryKind::Escalated
        ]
    );
    let entries = db.grievance_entries(&GrievanceId::new("g1")).await.unwrap();
    assert_eq!(
        entries[0].author_handle.as_ref().map(|h| h.as_str()),
        Some("lupe")
    );
}

pub(crate) async fn a_collective_grievance_joins_all_or_none(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let (other, _) = founded(
        db,
        "warehouse",
        CouncilKind::WorkplaceCommittee,
        0,
        "dmitri",
    )
    .await;
    for (id, council) in [("g1", &garment), ("g2", &garment), ("g3", &other)] {
        db.create_grievance(
            &grievance(id, council, None),
            &entry(id, EntryKind::Filed, None, NOW),
        )
        .await
        .unwrap();
    }
    let mut collective = grievance("c1", &garment, Some(&rosa));
    collective.is_collective = true;
    let first = entry("c1", EntryKind::Filed, Some(&rosa), NOW + 5);
    let ids = |names: &[&str]| {
        names
            .iter()
            .map(|n| GrievanceId::new(*n))
            .collect::<Vec<_>>()
    };
    assert!(matches!(
        db.join_collective(&collective, &first, &ids(&["g1", "g3"]))
            .await,
        Err(StoreError::Conflict)
    ));
    assert!(
        db.grievance(&GrievanceId::new("c1"))
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        db.grievance(&GrievanceId::new("g1"))
            .await
            .unwrap()
            .unwrap()
            .collective_id
            .is_none()
    );
    db.join_collective(&collective, &first, &ids(&["g1", "g2"]))
        .await
        .unwrap();
    let joined = db.grievances_in(&GrievanceId::new("c1")).await.unwrap();
    assert_eq!(joined.len(), 2);
    let g1 = db.grievance_entries(&GrievanceId::new("g1")).await.unwrap();
    assert_eq!(g1.last().unwrap().kind, EntryKind::Joined);
    assert_eq!(g1.last().unwrap().detail.as_deref(), Some("c1"));
}

pub(crate) async fn due_deadlines_remind_once_and_closed_cases_go_after_retention(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    for id in ["g1", "g2"] {
        db.create_grievance(
            &grievance(id, &garment, None),
            &entry(id, EntryKind::Filed, None, NOW),
        )
        .await
        .unwrap();
        db.change_grievance(
            &GrievanceChange::AddDeadline(GrievanceDeadlineRecord {
                id: GrievanceDeadlineId::new(format!("d-{id}")),
                grievance_id: GrievanceId::new(id),
                label_sealed: b"sealed".to_vec(),
                due_at: NOW + 100,
                reminded_at: None,
                done_at: None,
                created_at: NOW,
            }),
            &entry(id, EntryKind::Deadline, Some(&rosa), NOW),
        )
        .await
        .unwrap();
    }
    // g2 is dropped: its deadline reminds no one, and its retention runs from its closing.
    db.change_grievance(
        &GrievanceChange::Status {
            status: GrievanceStatus::Dropped,
            closed_at: Some(NOW + 50),
        },
        &entry("g2", EntryKind::Status, Some(&rosa), NOW + 50),
    )
    .await
    .unwrap();
    assert!(
        db.due_grievance_deadlines(NOW + 99)
            .await
            .unwrap()
            .is_empty()
    );
    let due = db.due_grievance_deadlines(NOW + 100).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].deadline.grievance_id, GrievanceId::new("g1"));
    assert_eq!(due[0].council_id, garment);
    assert!(
        db.mark_deadline_reminded(&due[0].deadline.id, NOW + 100)
            .await
            .unwrap()
    );
    assert!(
        !db.mark_deadline_reminded(&due[0].deadline.id, NOW + 101)
            .await
            .unwrap()
    );
    assert!(
        db.due_grievance_deadlines(NOW + 200)
            .await
            .unwrap()
            .is_empty()
    );

    assert_eq!(db.purge_grievances(NOW + 50).await.unwrap(), 0);
    assert_eq!(db.purge_grievances(NOW + 51).await.unwrap(), 1);
    assert!(
        db.grievance(&GrievanceId::new("g2"))
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        db.grievance_entries(&GrievanceId::new("g2"))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        db.grievance_deadlines(&GrievanceId::new("g2"))
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(db.grievances_of(&garment).await.unwrap().len(), 1);
}
