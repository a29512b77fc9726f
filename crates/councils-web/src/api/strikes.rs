//! The API for strikes: a committee's strikes, opening and joining, a strike and its status,
//! the picket rota, and the fund. The same use cases and authorisation as the pages; anyone
//! who may not see a strike, with or without a token, gets not-found.

use super::{ApiActor, ApiError};
use crate::WebState;
use crate::pages::strike::rota::parse_local;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use councils_app::AppError;
use councils_app::strike::StrikeAccess;
use councils_app::strike::fund::{FundView, MovementForm};
use councils_app::strike::open::StrikeForm;
use councils_app::strike::rota::{RotaView, ShiftForm};
use councils_domain::strike::StrikeError;
use serde::Deserialize;
use serde_json::{Value, json};

fn strike_json(a: &StrikeAccess) -> Value {
    json!({
        "id": a.strike.id,
        "title": a.strike.title,
        "status": a.strike.status.code(),
        "currency": a.strike.currency.code(),
        "opened_at": a.strike.opened_at,
        "demands": a.strike.demands,
        "strike_committee": a.committee.slug,
        "committees": a.parties.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(),
        "may_set_status": a.chair,
        "may_add_shifts": a.organiser,
        "treasurer": a.treasurer,
    })
}

/// `GET /api/v1/councils/{slug}/strikes`
pub async fn list(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.committee_strikes(&actor, &slug).await?;
    Ok(Json(json!({
        "strikes": v.strikes.iter().map(|s| json!({
            "id": s.strike.id,
            "title": s.strike.title,
            "status": s.strike.status.code(),
            "strike_committee": s.committee.slug,
        })).collect::<Vec<_>>(),
        "carried_votes": v.carried.iter().map(|c| json!({"id": c.id, "title": c.title})).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
pub struct OpenBody {
    motion: String,
    title: String,
    demands: Vec<String>,
    #[serde(default)]
    currency: Option<String>,
    /// An existing strike committee the opener organises; else `committee_slug` and
    /// `committee_name` found one.
    #[serde(default)]
    existing: Option<String>,
    #[serde(default)]
    committee_slug: Option<String>,
    #[serde(default)]
    committee_name: Option<String>,
}

/// `POST /api/v1/councils/{slug}/strikes`
pub async fn open(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
    Json(body): Json<OpenBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let form = StrikeForm {
        motion: body.motion,
        title: body.title,
        demands: body.demands.join("\n"),
        currency: body.currency.unwrap_or_default(),
        existing: body.existing.unwrap_or_default(),
        slug: body.committee_slug.unwrap_or_default(),
        name: body.committee_name.unwrap_or_default(),
    };
    let id = state.app.open_strike(&actor, &slug, &form).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

#[derive(Deserialize)]
pub struct JoinBody {
    motion: String,
    strike_committee: String,
}

/// `POST /api/v1/councils/{slug}/strikes/join`
pub async fn join(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
    Json(body): Json<JoinBody>,
) -> Result<Json<Value>, ApiError> {
    let id = state
        .app
        .join_strike(&actor, &slug, &body.strike_committee, &body.motion)
        .await?;
    Ok(Json(json!({ "id": id })))
}

/// `GET /api/v1/strikes/{id}`
pub async fn show(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.strike(&actor, &id).await?;
    Ok(Json(strike_json(&v.access)))
}

#[derive(Deserialize)]
pub struct StatusBody {
    status: String,
}

/// `PUT /api/v1/strikes/{id}/status`
pub async fn set_status(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(body): Json<StatusBody>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .set_strike_status(&actor, &id, &body.status)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

fn rota_json(v: &RotaView) -> Value {
    json!({
        "gaps": v.gaps,
        "short_shifts": v.short,
        "shifts": v.shifts.iter().map(|s| json!({
            "id": s.id,
            "place": s.place,
            "starts_at": s.starts_at,
            "ends_at": s.ends_at,
            "needed": s.needed,
            "signed_up": s.signed_up,
            "gap": s.gap,
            "mine": s.mine,
            "ahead": s.ahead,
        })).collect::<Vec<_>>(),
    })
}

/// `GET /api/v1/strikes/{id}/shifts`
pub async fn shifts(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(rota_json(&state.app.rota(&actor, &id).await?)))
}

#[derive(Deserialize)]
pub struct ShiftBody {
    place: String,
    /// Seconds since the epoch, or `starts` as `YYYY-MM-DDTHH:MM` in UTC.
    #[serde(default)]
    starts_at: Option<i64>,
    #[serde(default)]
    starts: Option<String>,
    hours: u32,
    needed: u32,
}

/// `POST /api/v1/strikes/{id}/shifts`
pub async fn add_shift(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(body): Json<ShiftBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let starts_at = body
        .starts_at
        .or_else(|| body.starts.as_deref().and_then(parse_local));
    let Some(starts_at) = starts_at else {
        state.app.strike_access(&actor, &id).await?;
        return Err(AppError::Strike(StrikeError::BadShift).into());
    };
    let form = ShiftForm {
        place: body.place,
        starts_at,
        hours: body.hours,
        needed: body.needed,
    };
    let shift = state.app.add_shift(&actor, &id, &form).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": shift }))))
}

/// `PUT /api/v1/strikes/{id}/shifts/{shift}/signup`
pub async fn sign_up(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((id, shift)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    state.app.sign_up(&actor, &id, &shift).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/v1/strikes/{id}/shifts/{shift}/signup`
pub async fn withdraw(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((id, shift)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    state.app.withdraw(&actor, &id, &shift).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn fund_json(v: &FundView) -> Value {
    let t = v.totals;
    json!({
        "currency": v.access.strike.currency.code(),
        "balance_cents": t.balance,
        "pledged_cents": t.pledged,
        "outstanding_cents": t.outstanding,
        "received_cents": t.received,
        "paid_cents": t.paid,
        "pledges": t.pledges,
        "payments": t.payments,
        "accounts": v.access.treasurer.then(|| json!({
            "cash": v.balances.cash,
            "pledged": v.balances.pledged,
            "contributions": v.balances.contributions,
            "payments": v.balances.payments,
        })),
        "movements": v.movements.iter().map(|m| json!({
            "id": m.id,
            "kind": m.kind.code(),
            "cents": m.amount.cents,
            "currency": m.amount.currency.code(),
            "recorded_at": m.recorded_at,
            "payee": m.payee,
            "note": m.note,
            "pledge": m.record.pledge,
            "outstanding_cents": m.outstanding,
            "entries": m.record.entries.iter().map(|e| json!({
                "account": e.account.code(), "cents": e.cents,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// `GET /api/v1/strikes/{id}/fund`: totals for every reader, every movement for the
/// treasurer, a payee's own payments.
pub async fn fund(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(fund_json(&state.app.fund(&actor, &id).await?)))
}

#[derive(Deserialize)]
pub struct MovementBody {
    kind: String,
    /// As typed (`25.50`), or whole cents in `cents`.
    #[serde(default)]
    amount: Option<String>,
    #[serde(default)]
    cents: Option<i64>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    pledge: Option<String>,
    #[serde(default)]
    payee: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

/// `POST /api/v1/strikes/{id}/fund/movements`: the treasurer only.
pub async fn record_movement(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(body): Json<MovementBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let amount = match (body.amount, body.cents) {
        (Some(amount), _) => amount,
        (None, Some(cents)) if cents > 0 => format!("{}.{:02}", cents / 100, cents % 100),
        _ => String::new(),
    };
    let form = MovementForm {
        kind: body.kind,
        amount,
        currency: body.currency.unwrap_or_default(),
        pledge: body.pledge.unwrap_or_default(),
        payee: body.payee.unwrap_or_default(),
        note: body.note.unwrap_or_default(),
    };
    let movement = state.app.record_movement(&actor, &id, &form).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": movement }))))
}
