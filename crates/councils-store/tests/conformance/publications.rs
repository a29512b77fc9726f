//! Publications, their texts and their threaded comments with moderation (migration 0011).

use super::*;
use councils_domain::publication::{CommentStatus, Moderation, PublicationStatus};

fn draft(id: &str, council: &CouncilId, by: &MemberId, public: bool, at: i64) -> PublicationRecord {
    PublicationRecord {
        id: PublicationId::new(id),
        council_id: council.clone(),
        status: PublicationStatus::Draft,
        public,
        created_by: Some(by.clone()),
        created_at: at,
        published_at: None,
        texts: vec![
            PublicationTextRecord {
                language: Language::Es,
                title_sealed: b"titulo".to_vec(),
                body_sealed: b"cuerpo".to_vec(),
            },
            PublicationTextRecord {
                language: Language::En,
                title_sealed: b"title".to_vec(),
                body_sealed: b"body".to_vec(),
            },
        ],
    }
}

fn comment(
    id: &str,
    publication: &str,
    parent: Option<&str>,
    by: &MemberId,
    at: i64,
) -> PublicationCommentRecord {
    PublicationCommentRecord {
        id: CommentId::new(id),
        publication_id: PublicationId::new(publication),
        parent_id: parent.map(CommentId::new),
        author_id: Some(by.clone()),
        body_sealed: Some(format!("sealed {id}").into_bytes()),
        status: CommentStatus::Shown,
        created_at: at,
        moderated_at: None,
    }
}

fn events(db_minutes: &[MinutesEntry]) -> Vec<String> {
    db_minutes
        .iter()
        .filter_map(|e| e.event())
        .map(|e| e.code().to_string())
        .collect()
}

pub(crate) async fn a_publication_is_published_once_and_only_public_ones_are_listed_for_all(
    db: &Db,
) {
    let (barrio, rosa) =
        founded(db, "barrio", CouncilKind::NeighbourhoodCommittee, 0, "rosa").await;
    db.create_publication(&draft("pub1", &barrio, &rosa, true, NOW))
        .await
        .unwrap();
    db.create_publication(&draft("pub2", &barrio, &rosa, false, NOW + 1))
        .await
        .unwrap();
    let stored = db
        .publication(&PublicationId::new("pub1"))
        .await
        .unwrap()
        .unwrap();
    // Texts come back in the order written, sealed bytes untouched.
    assert_eq!(
        stored.texts.iter().map(|t| t.language).collect::<Vec<_>>(),
        [Language::Es, Language::En]
    );
    assert_eq!(stored.texts[1].body_sealed, b"body");
    assert_eq!(stored.status, PublicationStatus::Draft);
    assert!(
        db.public_publications(10).await.unwrap().is_empty(),
        "a draft is not out"
    );
    db.publish_publication(&PublicationId::new("pub1"), &rosa, NOW + 10)
        .await
        .unwrap();
    db.publish_publication(&PublicationId::new("pub2"), &rosa, NOW + 11)
        .await
        .unwrap();
    assert!(matches!(
        db.publish_publication(&PublicationId::new("pub1"), &rosa, NOW + 12)
            .await,
        Err(StoreError::Conflict)
    ));
    let public = db.public_publications(10).await.unwrap();
    assert_eq!(
        public.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["pub1"]
    );
    assert_eq!(public[0].published_at, Some(NOW + 10));
    // Newest first in the council's list.
    let listed = db.publications_of(&barrio).await.unwrap();
    assert_eq!(
        listed.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["pub2", "pub1"]
    );
    db.set_publication_public(&PublicationId::new("pub2"), true, &rosa, NOW + 20)
        .await
        .unwrap();
    assert_eq!(db.public_publications(10).await.unwrap().len(), 2);
    let minutes = db.minutes(&barrio).await.unwrap();
    assert!(verify_chain(&minutes).is_ok());
    let codes = events(&minutes);
    assert_eq!(
        codes
            .iter()
            .filter(|c| *c == "publication-published")
            .count(),
        2
    );
    assert!(codes.contains(&"publication-visibility-changed".to_string()));
}

pub(crate) async fn a_moderated_comment_is_minuted_a_removed_one_loses_its_text_and_a_stale_one_is_a_conflict(
    db: &Db,
) {
    let (barrio, rosa) =
        founded(db, "barrio", CouncilKind::NeighbourhoodCommittee, 0, "rosa").await;
    let (lupe, _) = join(db, &barrio, "lupe").await;
    db.create_publication(&draft("pub1", &barrio, &rosa, false, NOW))
        .await
        .unwrap();
    db.publish_publication(&PublicationId::new("pub1"), &rosa, NOW)
        .await
        .unwrap();
    db.add_publication_comment(&comment("c1", "pub1", None, &lupe, NOW + 1))
        .await
        .unwrap();
    db.add_publication_comment(&comment("c2", "pub1", Some("c1"), &rosa, NOW + 2))
        .await
        .unwrap();
    db.add_publication_comment(&comment("c3", "pub1", None, &lupe, NOW + 3))
        .await
        .unwrap();
    let moderation = |id: &str, m: Moderation, from, to, at| CommentModeration {
        council_id: barrio.clone(),
        publication_id: PublicationId::new("pub1"),
        comment_id: CommentId::new(id),
        moderation: m,
        from,
        to,
        by: rosa.clone(),
        at,
    };
    db.moderate_publication_comment(&moderation(
        "c3",
        Moderation::Hide,
        CommentStatus::Shown,
        CommentStatus::Hidden,
        NOW + 10,
    ))
    .await
    .unwrap();
    db.moderate_publication_comment(&moderation(
        "c1",
        Moderation::Remove,
        CommentStatus::Shown,
        CommentStatus::Removed,
        NOW + 11,
    ))
    .await
    .unwrap();
    // The same moderation read from a stale status changes nothing.
    assert!(matches!(
        db.moderate_publication_comment(&moderation(
            "c1",
            Moderation::Hide,
            CommentStatus::Shown,
            CommentStatus::Hidden,
            NOW + 12
        ))
        .await,
        Err(StoreError::Conflict)
    ));
    let comments = db
        .publication_comments(&PublicationId::new("pub1"))
        .await
        .unwrap();
    let by_id = |id: &str| comments.iter().find(|c| c.id.as_str() == id).unwrap();
    assert_eq!(
        (by_id("c1").status, by_id("c1").body_sealed.is_none()),
        (CommentStatus::Removed, true)
    );
    assert_eq!(
        by_id("c2").parent_id.as_ref().map(|p| p.as_str()),
        Some("c1")
    );
    assert_eq!(by_id("c3").status, CommentStatus::Hidden);
    assert!(by_id("c3").body_sealed.is_some());
    let minutes = db.minutes(&barrio).await.unwrap();
    assert_eq!(
        events(&minutes)
            .iter()
            .filter(|c| *c == "publication-comment-moderated")
            .count(),
        2
    );
    assert!(verify_chain(&minutes).is_ok());
    // Retention: a comment hidden before the cut-off loses its text, nothing else changes.
    assert_eq!(db.erase_hidden_comments(NOW + 10).await.unwrap(), 0);
    assert_eq!(db.erase_hidden_comments(NOW + 11).await.unwrap(), 1);
    let comments = db
        .publication_comments(&PublicationId::new("pub1"))
        .await
        .unwrap();
    let c3 = comments.iter().find(|c| c.id.as_str() == "c3").unwrap();
    assert_eq!(
        (c3.status, c3.body_sealed.is_none()),
        (CommentStatus::Removed, true)
    );
    assert!(
        comments
            .iter()
            .find(|c| c.id.as_str() == "c2")
            .unwrap()
            .body_sealed
            .is_some()
    );
    // An author's account goes: the comment stays, naming no one.
    db.delete_member(&lupe, NOW + 30).await.unwrap();
    let comments = db
        .publication_comments(&PublicationId::new("pub1"))
        .await
        .unwrap();
    assert_eq!(comments.len(), 3);
    assert!(
        comments
            .iter()
            .filter(|c| c.id.as_str() != "c2")
            .all(|c| c.author_id.is_none())
    );
}

pub(crate) async fn a_revised_publication_has_its_new_texts_and_a_deleted_one_takes_its_comments(
    db: &Db,
) {
    let (barrio, rosa) =
        founded(db, "barrio", CouncilKind::NeighbourhoodCommittee, 0, "rosa").await;
    let (lupe, _) = join(db, &barrio, "lupe").await;
    let (pub1, pub2) = (PublicationId::new("pub1"), PublicationId::new("pub2"));
    db.create_publication(&draft("pub1", &barrio, &rosa, false, NOW))
        .await
        .unwrap();
    db.create_publication(&draft("pub2", &barrio, &rosa, false, NOW))
        .await
        .unwrap();
    // A draft's revision replaces its texts, unminuted.
    let english_only = [PublicationTextRecord {
        language: Language::En,
        title_sealed: b"new title".to_vec(),
        body_sealed: b"new body".to_vec(),
    }];
    db.revise_publication(&pub1, &english_only, &rosa, NOW + 1)
        .await
        .unwrap();
    let stored = db.publication(&pub1).await.unwrap().unwrap();
    assert_eq!(stored.texts.len(), 1);
    assert_eq!(stored.texts[0].body_sealed, b"new body");
    assert!(!events(&db.minutes(&barrio).await.unwrap()).contains(&"publication-revised".into()));
    // A published one's revision is minuted.
    db.publish_publication(&pub1, &rosa, NOW + 2).await.unwrap();
    db.revise_publication(
        &pub1,
        &draft("x", &barrio, &rosa, false, NOW).texts,
        &rosa,
        NOW + 3,
    )
    .await
    .unwrap();
    assert_eq!(db.publication(&pub1).await.unwrap().unwrap().texts.len(), 2);
    // Deleting one with a thread of comments takes the thread; the other is untouched.
    db.add_publication_comment(&comment("c1", "pub1", None, &lupe, NOW + 4))
        .await
        .unwrap();
    db.add_publication_comment(&comment("c2", "pub1", Some("c1"), &rosa, NOW + 5))
        .await
        .unwrap();
    db.delete_publication(&pub1, &rosa, NOW + 6).await.unwrap();
    assert!(db.publication(&pub1).await.unwrap().is_none());
    assert!(db.publication_comments(&pub1).await.unwrap().is_empty());
    assert!(matches!(
        db.delete_publication(&pub1, &rosa, NOW + 7).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        db.revise_publication(&pub1, &english_only, &rosa, NOW + 7)
            .await,
        Err(StoreError::NotFound)
    ));
    // A draft goes without a word in the minutes.
    db.delete_publication(&pub2, &rosa, NOW + 8).await.unwrap();
    assert!(db.publications_of(&barrio).await.unwrap().is_empty());
    let minutes = db.minutes(&barrio).await.unwrap();
    assert!(verify_chain(&minutes).is_ok());
    let codes = events(&minutes);
    let count = |code: &str| codes.iter().filter(|c| *c == code).count();
    assert_eq!(count("publication-revised"), 1);
    assert_eq!(count("publication-withdrawn"), 1);
}
