//! A strike's fund: the balance and totals for every reader of the strike, a payee's own
//! payments, and for the strike committee's treasurer the forms to record a pledge, a receipt
//! or a payment, every movement with its double entries, and the report of the accounts.

use super::{StrikeHead, money};
use crate::WebState;
use crate::error::WebError;
use crate::pages::democracy::{form_error, with_status};
use crate::pages::{format_time, page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::strike::fund::{FundView, MovementForm, NOTE_MAX};
use councils_domain::ledger::{Account, MovementKind};
use serde::Deserialize;

struct Movement {
    id: String,
    kind: &'static str,
    kind_label: String,
    amount: String,
    when: String,
    payee: Option<String>,
    note: Option<String>,
    outstanding: Option<String>,
    entries: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "strike/fund.html")]
struct FundPage {
    l: Layout,
    head: StrikeHead,
    balance: String,
    pledged: String,
    outstanding: String,
    received: String,
    paid: String,
    pledges: u64,
    payments: u64,
    treasurer: bool,
    movements: Vec<Movement>,
    open_pledges: Vec<(String, String)>,
    payees: Vec<String>,
    accounts: Vec<(String, String)>,
    balanced: bool,
    currency: String,
    note_max: usize,
    form: MovementFields,
    error: Option<String>,
}

fn render(
    viewer: &Viewer,
    v: FundView,
    form: MovementFields,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let a = &v.access;
    let b = v.balances;
    let movements: Vec<Movement> = v
        .movements
        .iter()
        .map(|m| Movement {
            id: m.id.to_string(),
            kind: m.kind.code(),
            kind_label: l.tr.tp("fund-kind-", m.kind.code()),
            amount: m.amount.to_string(),
            when: format_time(m.recorded_at),
            payee: m.payee.as_ref().map(|h| h.to_string()),
            note: m.note.clone(),
            outstanding: m.outstanding.map(|c| money(c, a)),
            entries: m
                .record
                .entries
                .iter()
                .map(|e| {
                    (
                        l.tr.tp("ledger-account-", e.account.code()),
                        money(e.cents, a),
                    )
                })
                .collect(),
        })
        .collect();
    let fund = FundPage {
        head: StrikeHead::of(a, l.tr.language),
        balance: money(v.totals.balance, a),
        pledged: money(v.totals.pledged, a),
        outstanding: money(v.totals.outstanding, a),
        received: money(v.totals.received, a),
        paid: money(v.totals.paid, a),
        pledges: v.totals.pledges as u64,
        payments: v.totals.payments as u64,
        treasurer: a.treasurer,
        open_pledges: v
            .movements
            .iter()
            .filter(|m| m.kind == MovementKind::Pledge && m.outstanding.unwrap_or(0) > 0)
            .map(|m| {
                let owed = money(m.outstanding.unwrap_or(0), a);
                let label = match &m.note {
                    Some(note) => format!("{note} · {owed}"),
                    None => owed,
                };
                (m.id.to_string(), label)
            })
            .collect(),
        movements,
        payees: v.payees.iter().map(|h| h.to_string()).collect(),
        accounts: Account::ALL
            .iter()
            .map(|account| {
                let cents = match account {
                    Account::Cash => b.cash,
                    Account::Pledged => b.pledged,
                    Account::Contributions => b.contributions,
                    Account::Payments => b.payments,
                };
                (l.tr.tp("ledger-account-", account.code()), money(cents, a))
            })
            .collect(),
        balanced: b.balanced(),
        currency: a.strike.currency.to_string(),
        note_max: NOTE_MAX,
        form,
        error: error.as_ref().map(|(_, m)| m.clone()),
        l,
    };
    match error {
        Some((status, _)) => with_status(status, fund),
        None => page(fund),
    }
}

/// `GET /strikes/{id}/fund`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let v = state.app.fund(viewer.member()?, &id).await?;
    render(&viewer, v, MovementFields::default(), None)
}

#[derive(Deserialize, Default)]
pub struct MovementFields {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    pledge: String,
    #[serde(default)]
    payee: String,
    #[serde(default)]
    note: String,
}

/// `POST /strikes/{id}/fund/movements`: the treasurer records a pledge, a receipt or a payment.
pub async fn record(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(fields): Form<MovementFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let form = MovementForm {
        kind: fields.kind.clone(),
        amount: fields.amount.clone(),
        currency: String::new(),
        pledge: fields.pledge.clone(),
        payee: fields.payee.clone(),
        note: fields.note.clone(),
    };
    match state.app.record_movement(actor, &id, &form).await {
        Ok(_) => Ok(see(&format!("/strikes/{id}/fund"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let v = state.app.fund(actor, &id).await?;
            render(&viewer, v, fields, Some(error))
        }
    }
}
