//! Seats in higher councils, inside the caller's transaction: seating an election's winners
//! (ending the term of those they replace), removing a recalled delegate, and what a decided
//! election or mandate motion records.

use super::{insert_election_motion, load_delegates_in, recall_in};
use crate::membership::add_membership;
use crate::motion::refused;
use crate::{backend_error, minutes};
use councils_app::StoreError;
use councils_app::crypto::new_id;
use councils_app::ports::{DelegateRecord, DelegateStatus, ElectionRecord, MotionRecord};
use councils_domain::motion::{Decision, Detail, Method, MethodParams, Outcome, StvVariant};
use councils_domain::{
    CouncilId, DelegateId, MandateChoice, MemberId, MembershipStatus, MinutesEvent, MotionId,
    RecallState, Role,
};
use sqlx::AnyConnection;

/// A month of a term, in seconds: thirty days (as the application counts it).
const MONTH_SECONDS: i64 = 30 * 24 * 3600;

/// What a decided motion brings with it: an election seats its winners, a mandate motion
/// records the mandate. Runs in the deciding transaction.
pub(crate) async fn after_decision(
    conn: &mut AnyConnection,
    motion: &MotionId,
    at: i64,
    outcome: &Outcome,
) -> Result<(), StoreError> {
    let Decision::Elected { winners } = &outcome.decision else {
        return Ok(());
    };
    if let Some(election) = super::election_in(conn, motion).await? {
        let members: Vec<MemberId> = winners
            .iter()
            .filter_map(|&w| election.candidates.get(w).cloned())
            .collect();
        return seat(conn, &election, &members, at).await;
    }
    let link: Option<(String, String)> = sqlx::query_as(
        "select for_motion_id, constituent_id from mandate_motion where motion_id = $1",
    )
    .bind(motion.as_str())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend_error)?;
    let Some((for_motion, constituent)) = link else {
        return Ok(());
    };
    let choice = match &outcome.detail {
        // A ranking mandate: the Schulze order of the higher motion's options.
        Detail::Schulze { ranking, .. } => {
            let ranking = MandateChoice::Ranking(ranking.clone());
            let (higher, options) = higher_method(conn, &for_motion).await?;
            if ranking.fits(&higher, options).is_ok() {
                ranking
            } else {
                MandateChoice::Free
            }
        }
        _ => {
            let Some(&winner) = winners.first() else {
                return Ok(());
            };
            let label: Option<(String,)> = sqlx::query_as(
                "select label from motion_option where motion_id = $1 and position = $2",
            )
            .bind(motion.as_str())
            .bind(winner as i64)
            .fetch_optional(&mut *conn)
            .await
            .map_err(backend_error)?;
            label
                .and_then(|(l,)| MandateChoice::decode(&l).ok())
                .ok_or_else(|| refused("a mandate motion whose options are not mandates"))?
        }
    };
    sqlx::query(
        "insert into mandate (for_motion_id, constituent_id, choice, mandate_motion_id, decided_at)
         values ($1, $2, $3, $4, $5)
         on conflict (for_motion_id, constituent_id) do update set choice = excluded.choice,
             mandate_motion_id = excluded.mandate_motion_id, decided_at = excluded.decided_at",
    )
    .bind(&for_motion)
    .bind(&constituent)
    .bind(choice.encode())
    .bind(motion.as_str())
    .bind(at)
    .execute(&mut *conn)
    .await
    .map_err(backend_error)?;
    let parent: (String,) = sqlx::query_as("select council_id from motion where motion_id = $1")
        .bind(&for_motion)
        .fetch_one(&mut *conn)
        .await
        .map_err(backend_error)?;
    let event = MinutesEvent::MandateVoted {
        motion: MotionId::new(for_motion),
        parent: CouncilId::new(parent.0),
        mandate: choice.encode(),
    };
    minutes::append(conn, &CouncilId::new(constituent), at, &event).await
}

/// The method of a motion and how many options it has, read in the transaction.
async fn higher_method(
    conn: &mut AnyConnection,
    motion: &str,
) -> Result<(Method, usize), StoreError> {
    let (code, score_max, seats, variant): (String, Option<i64>, Option<i64>, Option<String>) =
        sqlx::query_as(
            "select method, score_max, seats, stv_variant from motion where motion_id = $1",
        )
        .bind(motion)
        .fetch_one(&mut *conn)
        .await
        .map_err(backend_error)?;
    let small = |n: Option<i64>| n.and_then(|n| u32::try_from(n).ok());
    let method = Method::from_code(
        &code,
        MethodParams {
            score_max: small(score_max),
            seats: small(seats),
            stv_variant: variant.as_deref().and_then(StvVariant::from_code),
        },
    )
    .map_err(|_| crate::rows::corrupt("method"))?;
    let (options,): (i64,) =
        sqlx::query_as("select count(*) from motion_option where motion_id = $1")
            .bind(motion)
            .fetch_one(&mut *conn)
            .await
            .map_err(backend_error)?;
    Ok((method, options as usize))
}

/// Seats `winners` as the constituent's delegates to the parent for the election's term,
/// ending the terms of the delegates sitting before. A winner who is not a member of the
/// higher council becomes one, and stops being one when their seat ends.
async fn seat(
    conn: &mut AnyConnection,
    election: &ElectionRecord,
    winners: &[MemberId],
    at: i64,
) -> Result<(), StoreError> {
    let before: Vec<DelegateRecord> = load_delegates_in(conn, &election.constituent_id)
        .await?
        .into_iter()
        .filter(|d| d.parent_id == election.parent_id && d.status == DelegateStatus::Active)
        .collect();
    // A by-election fills vacant seats: the others keep theirs. A full election replaces all.
    let full = !election.by_election;
    let ends_at = at + i64::from(election.term_months) * MONTH_SECONDS;
    for winner in winners {
        let carried = before.iter().any(|d| d.member_id == *winner && d.seated);
        let member_there = membership_status(conn, &election.parent_id, winner).await?;
        let seated = match member_there {
            None => {
                add_membership(
                    conn,
                    &election.parent_id,
                    winner,
                    Role::Member,
                    MembershipStatus::Active,
                    at,
                )
                .await?;
                let event = MinutesEvent::DelegateSeated {
                    member: winner.clone(),
                    constituent: election.constituent_id.clone(),
                };
                minutes::append(conn, &election.parent_id, at, &event).await?;
                true
            }
            Some(_) => carried,
        };
        let delegate = DelegateId::new(new_id());
        sqlx::query(
            "insert into delegate (delegate_id, constituent_id, parent_id, member_id,
                 election_motion_id, term_starts_at, term_ends_at, status, ended_at, seated)
             values ($1, $2, $3, $4, $5, $6, $7, 'active', null, $8)",
        )
        .bind(delegate.as_str())
        .bind(election.constituent_id.as_str())
        .bind(election.parent_id.as_str())
        .bind(winner.as_str())
        .bind(election.motion_id.as_str())
        .bind(at)
        .bind(ends_at)
        .bind(i64::from(seated))
        .execute(&mut *conn)
        .await
        .map_err(backend_error)?;
        let event = MinutesEvent::DelegateElected {
            delegate,
            member: winner.clone(),
            parent: election.parent_id.clone(),
            election: election.motion_id.clone(),
            ends_at,
        };
        minutes::append(conn, &election.constituent_id, at, &event).await?;
    }
    if full {
        for old in before {
            // The seat passes to the new term; the membership goes only if it came with the
            // seat and the member was not elected again.
            let reelected = winners.contains(&old.member_id);
            end_seat(conn, &old, DelegateStatus::Ended, at, !reelected).await?;
        }
    }
    Ok(())
}

async fn membership_status(
    conn: &mut AnyConnection,
    council: &CouncilId,
    member: &MemberId,
) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("select status from membership where council_id = $1 and member_id = $2")
            .bind(council.as_str())
            .bind(member.as_str())
            .fetch_optional(&mut *conn)
            .await
            .map_err(backend_error)?;
    Ok(row.map(|(s,)| s))
}

/// Ends a delegate's seat (`Ended` at a new term, `Recalled`), minuted in the constituent;
/// with `unseat`, the membership of the higher council that came with the seat goes too.
pub(crate) async fn end_seat(
    conn: &mut AnyConnection,
    delegate: &DelegateRecord,
    status: DelegateStatus,
    at: i64,
    unseat: bool,
) -> Result<(), StoreError> {
    let updated = sqlx::query(
        "update delegate set status = $1, ended_at = $2 where delegate_id = $3 and status = 'active'",
    )
    .bind(status.code())
    .bind(at)
    .bind(delegate.id.as_str())
    .execute(&mut *conn)
    .await
    .map_err(backend_error)?;
    if updated.rows_affected() != 1 {
        return Err(StoreError::Conflict);
    }
    let event = match status {
        DelegateStatus::Recalled => MinutesEvent::DelegateRecalled {
            delegate: delegate.id.clone(),
            member: delegate.member_id.clone(),
            parent: delegate.parent_id.clone(),
        },
        _ => MinutesEvent::DelegateTermEnded {
            delegate: delegate.id.clone(),
            member: delegate.member_id.clone(),
            parent: delegate.parent_id.clone(),
        },
    };
    minutes::append(conn, &delegate.constituent_id, at, &event).await?;
    if unseat && delegate.seated {
        sqlx::query("delete from vouch where council_id = $1 and voucher_id = $2")
            .bind(delegate.parent_id.as_str())
            .bind(delegate.member_id.as_str())
            .execute(&mut *conn)
            .await
            .map_err(backend_error)?;
        sqlx::query("delete from membership where council_id = $1 and member_id = $2")
            .bind(delegate.parent_id.as_str())
            .bind(delegate.member_id.as_str())
            .execute(&mut *conn)
            .await
            .map_err(backend_error)?;
        let event = MinutesEvent::DelegateUnseated {
            member: delegate.member_id.clone(),
            constituent: delegate.constituent_id.clone(),
        };
        minutes::append(conn, &delegate.parent_id, at, &event).await?;
    }
    Ok(())
}

/// Ends the terms of `constituent`'s sitting delegates, to `parent` or to any council, and
/// of `member` or of any member (a member who left the council, a link that ended), with the
/// memberships of the higher council that came with their seats.
pub(crate) async fn end_seats(
    conn: &mut AnyConnection,
    constituent: &CouncilId,
    parent: Option<&CouncilId>,
    member: Option<&MemberId>,
    at: i64,
) -> Result<(), StoreError> {
    let seats: Vec<DelegateRecord> = load_delegates_in(conn, constituent)
        .await?
        .into_iter()
        .filter(|d| {
            d.constituent_id == *constituent
                && d.status == DelegateStatus::Active
                && parent.is_none_or(|p| d.parent_id == *p)
                && member.is_none_or(|m| d.member_id == *m)
        })
        .collect();
    for seat in seats {
        end_seat(conn, &seat, DelegateStatus::Ended, at, true).await?;
    }
    Ok(())
}

/// Removes a recalled delegate and opens the by-election, if one is given.
pub(crate) async fn remove_recalled(
    conn: &mut AnyConnection,
    recall: &councils_domain::RecallId,
    at: i64,
    by_election: Option<&(MotionRecord, ElectionRecord)>,
) -> Result<(), StoreError> {
    let record = recall_in(conn, recall).await?.ok_or(StoreError::NotFound)?;
    let delegate = super::delegate_in(conn, &record.delegate_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    end_seat(conn, &delegate, DelegateStatus::Recalled, at, true).await?;
    set_recall_state(conn, recall, RecallState::Succeeded).await?;
    if let Some((motion, election)) = by_election {
        insert_election_motion(conn, motion, election).await?;
    }
    Ok(())
}

pub(crate) async fn set_recall_state(
    conn: &mut AnyConnection,
    recall: &councils_domain::RecallId,
    state: RecallState,
) -> Result<(), StoreError> {
    sqlx::query("update recall set state = $1 where recall_id = $2")
        .bind(state.code())
        .bind(recall.as_str())
        .execute(&mut *conn)
        .await
        .map_err(backend_error)?;
    Ok(())
}

/// Ends every seat whose term has run out by `now`, with the memberships of the higher
/// councils that came with them, minuted in both councils; how many ended.
pub(crate) async fn end_expired(conn: &mut AnyConnection, now: i64) -> Result<u64, StoreError> {
    let expired: Vec<(String,)> = sqlx::query_as(
        "select delegate_id from delegate where status = 'active' and term_ends_at <= $1
         order by term_ends_at, delegate_id",
    )
    .bind(now)
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    let mut ended = 0;
    for (id,) in expired {
        let delegate = crate::democracy::delegate_in(conn, &DelegateId::new(id))
            .await?
            .ok_or(StoreError::NotFound)?;
        // A member re-elected holds a newer seat in the same council: the membership stays.
        let reelected: Option<(String,)> = sqlx::query_as(
            "select delegate_id from delegate
             where member_id = $1 and parent_id = $2 and status = 'active' and term_ends_at > $3",
        )
        .bind(delegate.member_id.as_str())
        .bind(delegate.parent_id.as_str())
        .bind(now)
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend_error)?;
        end_seat(
            conn,
            &delegate,
            DelegateStatus::Ended,
            now,
            reelected.is_none(),
        )
        .await?;
        ended += 1;
    }
    Ok(ended)
}
