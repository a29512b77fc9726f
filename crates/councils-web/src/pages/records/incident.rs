//! A committee's incident records: the list, filing an account, a record with its photos'
//! chain of custody, uploading photos (multipart; stripped of metadata by the app), downloading
//! one, exporting the record for a lawyer, deleting.

use super::{TrWords, size};
use crate::WebState;
use crate::error::WebError;
use crate::pages::democracy::{form_error, with_status};
use crate::pages::{format_time, page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::multipart::{Multipart, MultipartError};
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use councils_app::AppError;
use councils_app::records::export::ExportKey;
use councils_app::records::incident::IncidentView;
use councils_domain::evidence::{EvidenceError, FILE_MAX, FILES_MAX, RECORD_MAX};
use councils_domain::incident::{Account, PEOPLE_MAX, PLACE_MAX, WHAT_MAX, WHEN_MAX};
use serde::Deserialize;

/// Largest upload request: a record's worth of photos and the form around them.
pub const UPLOAD_BODY_LIMIT: usize = RECORD_MAX + 1024 * 1024;

struct Line {
    id: String,
    filed_at: String,
    filed_by: Option<String>,
    when: String,
    place: String,
    files: u64,
}

#[derive(Template)]
#[template(path = "records/incidents.html")]
struct ListPage {
    l: Layout,
    slug: String,
    name: String,
    legal: bool,
    records: Vec<Line>,
}

/// `GET /c/{slug}/incidents`
pub async fn list(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let v = state.app.incidents(viewer.member()?, &slug).await?;
    let l = viewer.layout();
    page(ListPage {
        slug: v.council.slug.to_string(),
        name: v.council.name_in(l.tr.language).name.clone(),
        legal: v.legal,
        records: v
            .records
            .into_iter()
            .map(|r| Line {
                id: r.id.to_string(),
                filed_at: format_time(r.filed_at),
                filed_by: r.filed_by,
                when: r.when,
                place: r.place,
                files: r.files as u64,
            })
            .collect(),
        l,
    })
}

#[derive(Deserialize, Default)]
pub struct AccountFields {
    #[serde(default)]
    what: String,
    #[serde(default)]
    when: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    involved: String,
    #[serde(default)]
    witnesses: String,
}

#[derive(Template)]
#[template(path = "records/incident_new.html")]
struct NewPage {
    l: Layout,
    slug: String,
    form: AccountFields,
    what_max: usize,
    when_max: usize,
    place_max: usize,
    people_max: usize,
    error: Option<String>,
}

fn new_page(
    viewer: &Viewer,
    slug: &str,
    form: AccountFields,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let page_ = NewPage {
        l: viewer.layout(),
        slug: slug.to_string(),
        form,
        what_max: WHAT_MAX,
        when_max: WHEN_MAX,
        place_max: PLACE_MAX,
        people_max: PEOPLE_MAX,
        error: error.as_ref().map(|(_, m)| m.clone()),
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

/// `GET /c/{slug}/incidents/new`
pub async fn new(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    // The same check as filing: an active member of the committee.
    state.app.incidents(viewer.member()?, &slug).await?;
    new_page(&viewer, &slug, AccountFields::default(), None)
}

/// `POST /c/{slug}/incidents`: files the account; photos are added on the record's page.
pub async fn file(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<AccountFields>,
) -> Result<Response, WebError> {
    let account = Account {
        what: fields.what.clone(),
        when: fields.when.clone(),
        place: fields.place.clone(),
        involved: fields.involved.clone(),
        witnesses: fields.witnesses.clone(),
    };
    match state
        .app
        .file_incident(viewer.member()?, &slug, account)
        .await
    {
        Ok(id) => Ok(see(&format!("/c/{slug}/incidents/{id}"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            new_page(&viewer, &slug, fields, Some(error))
        }
    }
}

struct FileLine {
    id: String,
    name: String,
    sha256: String,
    uploaded_at: String,
    uploaded_by: Option<String>,
    size: String,
}

#[derive(Template)]
#[template(path = "records/incident.html")]
struct RecordPage {
    l: Layout,
    slug: String,
    id: String,
    filed_at: String,
    filed_by: Option<String>,
    mine: bool,
    account: Account,
    files: Vec<FileLine>,
    limits: String,
    error: Option<String>,
    notice: Option<String>,
}

fn record_page(
    viewer: &Viewer,
    v: IncidentView,
    error: Option<(StatusCode, String)>,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let page_ = RecordPage {
        slug: v.council.slug.to_string(),
        id: v.id.to_string(),
        filed_at: format_time(v.filed_at),
        filed_by: v.filed_by,
        mine: v.mine,
        account: v.account,
        files: v
            .files
            .into_iter()
            .enumerate()
            .map(|(n, f)| FileLine {
                name: format!("{:02}.{}", n + 1, f.format.extension()),
                id: f.id.to_string(),
                sha256: f.sha256,
                uploaded_at: format_time(f.uploaded_at),
                uploaded_by: f.uploaded_by,
                size: size(f.size),
            })
            .collect(),
        limits: l.tr.args(
            "incident-photo-limits",
            &[
                ("file", size(FILE_MAX as u64).into()),
                ("count", (FILES_MAX as u64).into()),
                ("record", size(RECORD_MAX as u64).into()),
            ],
        ),
        error: error.as_ref().map(|(_, m)| m.clone()),
        notice,
        l,
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

#[derive(Deserialize)]
pub struct AddedQuery {
    #[serde(default)]
    added: Option<u64>,
}

/// `GET /c/{slug}/incidents/{id}`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    axum::extract::Query(query): axum::extract::Query<AddedQuery>,
) -> Result<Response, WebError> {
    let v = state.app.incident(viewer.member()?, &slug, &id).await?;
    let notice = query
        .added
        .map(|n| viewer.tr.tn("incident-photos-added", n));
    record_page(&viewer, v, None, notice)
}

/// Reads every file of a multipart upload, each at most [`FILE_MAX`] bytes (read no further
/// than that). Fields other than `photos` are ignored; an empty file input is skipped.
pub(crate) async fn read_uploads(mut multipart: Multipart) -> Result<Vec<Vec<u8>>, AppError> {
    let mut files = Vec::new();
    let too_large = |e: MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::Evidence(EvidenceError::TooLarge)
        } else {
            AppError::Evidence(EvidenceError::Broken)
        }
    };
    while let Some(mut field) = multipart.next_field().await.map_err(too_large)? {
        if field.name() != Some("photos") {
            continue;
        }
        let named = field.file_name().is_some_and(|n| !n.is_empty());
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(too_large)? {
            if bytes.len() + chunk.len() > FILE_MAX {
                return Err(AppError::Evidence(EvidenceError::TooLarge));
            }
            bytes.extend_from_slice(&chunk);
        }
        if bytes.is_empty() && !named {
            continue;
        }
        files.push(bytes);
    }
    Ok(files)
}

/// `POST /c/{slug}/incidents/{id}/photos`: multipart, one or more `photos`.
pub async fn upload(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    // Not found before reading a byte, for anyone who may not add to it.
    state.app.incident(actor, &slug, &id).await?;
    let result = match read_uploads(multipart).await {
        Ok(files) => state.app.add_evidence(actor, &slug, &id, &files).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(n) => Ok(see(&format!("/c/{slug}/incidents/{id}?added={n}"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let v = state.app.incident(actor, &slug, &id).await?;
            record_page(&viewer, v, Some(error), None)
        }
    }
}

/// A photo as a download: never shown inline, never cached.
pub(crate) fn photo_response(media_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, media_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// `GET /c/{slug}/incidents/{id}/photos/{photo}`
pub async fn photo(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id, photo)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let (format, bytes) = state
        .app
        .evidence_file(viewer.member()?, &slug, &id, &photo)
        .await?;
    Ok(photo_response(
        format.media_type(),
        &format!("photo-{photo}.{}", format.extension()),
        bytes,
    ))
}

/// `POST /c/{slug}/incidents/{id}/photos/{photo}/delete`
pub async fn delete_photo(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id, photo)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    state
        .app
        .delete_evidence(viewer.member()?, &slug, &id, &photo)
        .await?;
    Ok(see(&format!("/c/{slug}/incidents/{id}")))
}

#[derive(Deserialize)]
pub struct DeleteFields {
    #[serde(default)]
    confirm: String,
}

/// `POST /c/{slug}/incidents/{id}/delete`: with the "I understand" box ticked.
pub async fn delete(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<DeleteFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    if fields.confirm != "yes" {
        let v = state.app.incident(actor, &slug, &id).await?;
        let error = form_error(&viewer, AppError::FieldMissing)?;
        return record_page(&viewer, v, Some(error), None);
    }
    state.app.delete_incident(actor, &slug, &id).await?;
    Ok(see(&format!("/c/{slug}/incidents")))
}

#[derive(Deserialize)]
pub struct ExportFields {
    #[serde(default)]
    recipient: String,
    #[serde(default)]
    passphrase: String,
}

impl ExportFields {
    pub(crate) fn key(&self) -> Result<ExportKey, AppError> {
        match (self.recipient.trim(), self.passphrase.as_str()) {
            ("", "") => Err(AppError::FieldMissing),
            (recipient, "") => Ok(ExportKey::Recipient(recipient.to_string())),
            ("", passphrase) => Ok(ExportKey::Passphrase(passphrase.to_string())),
            _ => Err(AppError::ExportKey),
        }
    }
}

/// An export as a download.
pub(crate) fn export_response(name: &str, bytes: Vec<u8>) -> Response {
    photo_response("application/octet-stream", name, bytes)
}

/// `POST /c/{slug}/incidents/{id}/export`: the age-encrypted bundle, downloaded.
pub async fn export(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<ExportFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = match fields.key() {
        Ok(key) => {
            state
                .app
                .export_incident(actor, &slug, &id, &key, &TrWords)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(export) => Ok(export_response(&export.file_name, export.bytes)),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let v = state.app.incident(actor, &slug, &id).await?;
            record_page(&viewer, v, Some(error), None)
        }
    }
}
