//! The store conformance suite: every test runs on SQLite, and on PostgreSQL when
//! `COUNCILS_TEST_POSTGRES` is set (CI sets it).

use councils_app::StoreError;
use councils_app::ports::*;
use councils_domain::federation::FederationError;
use councils_domain::minutes::verify_chain;
use councils_domain::motion::YesNo;
use councils_domain::*;
use councils_store::Db;
use councils_tally::rules::{Majority, MajorityBase, MajorityRule, Quorum};

#[path = "conformance/ballots.rs"]
mod ballots;
#[path = "conformance/democracy.rs"]
mod democracy;
#[path = "conformance/gatherings.rs"]
mod gatherings;
#[path = "conformance/grievances.rs"]
mod grievances;
#[path = "conformance/members.rs"]
mod members;
#[path = "conformance/motions.rs"]
mod motions;
#[path = "conformance/notices.rs"]
mod notices;
#[path = "conformance/publications.rs"]
mod publications;
#[path = "conformance/recall.rs"]
mod recall;
#[path = "conformance/records.rs"]
mod records;
#[path = "conformance/strikes.rs"]
mod strikes;
use ballots::*;
use democracy::*;
use gatherings::*;
use grievances::*;
use members::*;
use motions::*;
use notices::*;
use publications::*;
use recall::*;
use records::*;
use strikes::*;

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
    a_newcomer_joins_through_an_invitation_once,
    a_taken_handle_leaves_the_invitation_unused,
    the_founding_invitation_founds_a_council_with_its_organiser,
    a_newcomer_becomes_active_after_enough_vouches,
    a_member_cannot_vouch_twice_for_the_same_newcomer,
    a_federation_cycle_is_refused_and_nothing_is_written,
    represented_members_are_counted_once_across_paths,
    the_last_organiser_cannot_be_removed_or_demoted,
    removing_a_member_ends_all_their_sessions,
    a_deleted_member_leaves_a_tombstone_and_a_valid_chain,
    expired_sessions_and_invitations_are_purged,
    settings_changes_are_recorded_in_the_minutes,
    a_motion_round_trips_with_its_rules_options_and_texts,
    a_motion_moves_on_in_order_and_a_stale_move_is_a_conflict,
    opening_and_deciding_a_vote_are_recorded_in_a_valid_chain,
    an_accepted_amendment_replaces_the_body_once,
    an_amendment_put_to_the_vote_goes_in_when_the_vote_passes_and_not_when_it_fails,
    motion_defaults_default_round_trip_and_are_minuted,
    a_voter_casting_twice_leaves_one_ballot_with_the_second_choice,
    a_ballot_on_a_motion_not_voting_is_a_conflict_and_changes_nothing,
    five_hundred_ballots_cast_at_once_all_land,
    a_secret_vote_leaves_nothing_linking_the_roll_to_the_box,
    an_open_vote_shows_who_voted_what,
    a_deleted_voter_leaves_the_roll_but_their_ballot_stays,
    a_closed_store_refuses_ballots_instead_of_waiting,
    no_ballot_goes_in_after_the_decision,
    delegation_rules_default_round_trip_and_are_minuted,
    a_decided_election_seats_its_winners_and_a_new_term_ends_the_old,
    a_term_that_runs_out_ends_the_seat_and_the_membership_that_came_with_it,
    a_decided_mandate_motion_records_the_mandate_and_a_later_one_replaces_it,
    a_recall_at_its_threshold_removes_the_delegate_and_opens_the_by_election,
    a_recall_at_a_lower_threshold_opens_a_recall_vote_that_decides,
    a_contrary_vote_is_recorded_once_and_opens_one_recall,
    a_referendum_is_called_once_before_voting_and_reaches_the_subtree,
    a_delegate_removed_from_their_council_or_whose_link_ends_leaves_their_seat,
    a_ranked_mandate_is_the_schulze_order_or_free_where_a_tie_cannot_be_followed,
    a_member_has_one_plan_whose_sendings_go_with_it,
    photos_go_in_all_or_none_within_a_records_room,
    rights_contacts_are_set_and_replaced,
    an_anonymous_grievance_cannot_hold_its_filer,
    a_case_changes_with_its_timeline_and_escalates_once,
    a_collective_grievance_joins_all_or_none,
    due_deadlines_remind_once_and_closed_cases_go_after_retention,
    a_publication_is_published_once_and_only_public_ones_are_listed_for_all,
    a_moderated_comment_is_minuted_a_removed_one_loses_its_text_and_a_stale_one_is_a_conflict,
    a_revised_publication_has_its_new_texts_and_a_deleted_one_takes_its_comments,
    a_strike_opens_with_its_committee_as_a_constituent_on_a_vote_used_once,
    a_committee_joins_a_strike_once_and_none_joins_one_that_is_over,
    the_ledger_balances_and_never_overdraws_or_over_receives_a_pledge,
    a_picket_is_reminded_once_and_old_shifts_are_deleted,
    a_role_takes_as_many_as_it_needs_and_no_more,
    an_event_is_updated_called_off_once_and_purged_with_all_it_holds,
    an_aid_post_moves_only_from_the_status_it_was_read_in,
    notice_choices_are_replaced_whole_and_read_back,
    delivery_targets_of_hundreds_are_read_with_their_choice_and_devices,
    a_digest_is_taken_once_and_kept_notices_go_after_their_time,
);

pub(crate) const NOW: i64 = 1_800_000_000;

pub(crate) fn council(slug: &str, kind: CouncilKind, vouches: u32) -> NewCouncil {
    NewCouncil {
        id: CouncilId::new(format!("id-{slug}")),
        slug: Slug::parse(slug).unwrap(),
        kind,
        names: vec![CouncilName {
            language: Language::Es,
            name: format!("Comité {slug}"),
            description: String::new(),
        }],
        settings: CouncilSettings {
            vouches_required: vouches,
            seat_rule: SeatRule::default(),
        },
    }
}

pub(crate) fn member(handle: &str) -> NewMember {
    NewMember {
        id: MemberId::new(format!("id-{handle}")),
        handle: Handle::parse(handle).unwrap(),
        language: Language::Es,
        passphrase_hash: "$argon2id$not-a-real-hash".into(),
        email_sealed: Some(vec![1, 2, 3]),
    }
}

pub(crate) async fn invitation(db: &Db, council: Option<&CouncilId>, role: Role) -> InvitationId {
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

/// A council founded by `founder`, who is its organiser.
pub(crate) async fn founded(
    db: &Db,
    slug: &str,
    kind: CouncilKind,
    vouches: u32,
    founder: &str,
) -> (CouncilId, MemberId) {
    let new = council(slug, kind, vouches);
    let invite = invitation(db, None, Role::Organiser).await;
    let founder = member(founder);
    db.join(&invite, &founder, Some(&new), NOW).await.unwrap();
    (new.id, founder.id)
}

pub(crate) async fn join(
    db: &Db,
    council: &CouncilId,
    handle: &str,
) -> (MemberId, MembershipStatus) {
    let invite = invitation(db, Some(council), Role::Member).await;
    let newcomer = member(handle);
    let status = db.join(&invite, &newcomer, None, NOW).await.unwrap();
    (newcomer.id, status)
}
