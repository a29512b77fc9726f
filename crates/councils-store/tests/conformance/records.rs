//! Emergency plans with their sendings, incident records with their photos, and rights
//! contacts (migration 0007).

use super::*;

fn plan(id: &str, member: &MemberId, body: &[u8], at: i64) -> PlanRecord {
    PlanRecord {
        id: PlanId::new(id),
        member_id: member.clone(),
        body_sealed: body.to_vec(),
        created_at: at,
        updated_at: at,
    }
}

pub(crate) async fn a_member_has_one_plan_whose_sendings_go_with_it(db: &Db) {
    let (barrio, rosa) =
        founded(db, "barrio", CouncilKind::NeighbourhoodCommittee, 0, "rosa").await;
    let (lupe, _) = join(db, &barrio, "lupe").await;
    db.save_plan(&plan("p1", &lupe, b"first", NOW))
        .await
        .unwrap();
    // Saving again replaces the body and keeps one plan.
    db.save_plan(&plan("p1", &lupe, b"second", NOW + 5))
        .await
        .unwrap();
    let stored = db.plan_of(&lupe).await.unwrap().unwrap();
    assert_eq!(
        (
            stored.body_sealed.as_slice(),
            stored.created_at,
            stored.updated_at
        ),
        (&b"second"[..], NOW, NOW + 5)
    );
    for (at, by, test) in [(NOW + 10, &lupe, true), (NOW + 20, &rosa, false)] {
        db.record_sending(&PlanSending {
            plan_id: PlanId::new("p1"),
            sent_at: at,
            sent_by: Some(by.clone()),
            test,
        })
        .await
        .unwrap();
    }
    let sendings = db.sendings(&PlanId::new("p1")).await.unwrap();
    assert_eq!(
        sendings
            .iter()
            .map(|s| (s.sent_at, s.test))
            .collect::<Vec<_>>(),
        [(NOW + 20, false), (NOW + 10, true)]
    );
    let listed = db.plans_of_members(&barrio).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].handle.as_str(), listed[0].last_sent_at),
        ("lupe", Some(NOW + 20))
    );
    // The organiser's account goes: the sending stays, naming no one.
    db.delete_member(&rosa, NOW + 30).await.unwrap();
    assert_eq!(
        db.sendings(&PlanId::new("p1")).await.unwrap()[0].sent_by,
        None
    );
    db.delete_plan(&lupe).await.unwrap();
    assert!(db.plan_of(&lupe).await.unwrap().is_none());
    assert!(db.sendings(&PlanId::new("p1")).await.unwrap().is_empty());
    assert!(matches!(
        db.delete_plan(&lupe).await,
        Err(StoreError::NotFound)
    ));
}

fn photo(id: &str, incident: &IncidentId, size: u64) -> NewEvidence {
    NewEvidence {
        record: EvidenceRecord {
            id: EvidenceId::new(id),
            incident_id: incident.clone(),
            media_type: "image/png".into(),
            size,
            sha256_sealed: vec![7; 40],
            uploaded_at: NOW,
            uploaded_by: None,
        },
        bytes_sealed: vec![1; size as usize],
    }
}

pub(crate) async fn photos_go_in_all_or_none_within_a_records_room(db: &Db) {
    let (barrio, rosa) =
        founded(db, "barrio", CouncilKind::NeighbourhoodCommittee, 0, "rosa").await;
    let incident = IncidentId::new("i1");
    db.create_incident(&IncidentRecord {
        id: incident.clone(),
        council_id: barrio.clone(),
        filed_by: Some(rosa.clone()),
        account_sealed: b"sealed".to_vec(),
        filed_at: NOW,
    })
    .await
    .unwrap();
    let room = EvidenceRoom {
        files: 3,
        bytes: 100,
    };
    assert!(
        db.add_evidence(
            &incident,
            &[photo("e1", &incident, 40), photo("e2", &incident, 40)],
            room
        )
        .await
        .unwrap()
    );
    // Too many bytes, then too many files: nothing of either goes in.
    assert!(
        !db.add_evidence(&incident, &[photo("e3", &incident, 30)], room)
            .await
            .unwrap()
    );
    assert!(
        !db.add_evidence(
            &incident,
            &[photo("e4", &incident, 1), photo("e5", &incident, 1)],
            room
        )
        .await
        .unwrap()
    );
    assert_eq!(db.evidence_of(&incident).await.unwrap().len(), 2);
    let (record, bytes) = db
        .evidence_file(&incident, &EvidenceId::new("e2"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!((record.size, bytes.len()), (40, 40));
    assert!(
        db.evidence_file(&IncidentId::new("other"), &EvidenceId::new("e2"))
            .await
            .unwrap()
            .is_none()
    );
    db.delete_evidence(&incident, &EvidenceId::new("e1"))
        .await
        .unwrap();
    assert_eq!(db.incidents_of(&barrio).await.unwrap().len(), 1);
    // The filer's account goes: the record stays for the legal role.
    db.delete_member(&rosa, NOW).await.unwrap();
    assert_eq!(
        db.incident(&incident).await.unwrap().unwrap().filed_by,
        None
    );
    db.delete_incident(&incident).await.unwrap();
    assert!(db.evidence_of(&incident).await.unwrap().is_empty());
    assert!(matches!(
        db.add_evidence(&incident, &[photo("e6", &incident, 1)], room)
            .await,
        Err(StoreError::NotFound)
    ));
}

pub(crate) async fn rights_contacts_are_set_and_replaced(db: &Db) {
    let (barrio, rosa) =
        founded(db, "barrio", CouncilKind::NeighbourhoodCommittee, 0, "rosa").await;
    assert_eq!(
        db.rights_contacts(&barrio).await.unwrap(),
        RightsContacts::default()
    );
    for hotline in ["555-0100", "555-0142"] {
        let contacts = RightsContacts {
            hotline: hotline.into(),
            legal: "Ruiz".into(),
        };
        db.set_rights_contacts(&barrio, &contacts, &rosa, NOW)
            .await
            .unwrap();
        assert_eq!(db.rights_contacts(&barrio).await.unwrap(), contacts);
    }
}
