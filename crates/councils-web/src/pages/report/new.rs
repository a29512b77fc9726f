//! Filing a report: a short fixed form a member, or a hotline volunteer taking a call, fills
//! in with one thumb. What and where are typed; the rest is chosen.

use crate::WebState;
use crate::error::{WebError, status_of};
use crate::pages::{page, page_with_status, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::AppError;
use councils_domain::report::{Agency, FactsDraft, PLACE_MAX, Source, WHAT_MAX};
use serde::Deserialize;

/// A choice offered in the form.
pub(crate) struct Offer {
    pub code: String,
    pub label: String,
    pub chosen: bool,
}

/// The form as typed.
#[derive(Deserialize, Default, Clone)]
pub struct ReportForm {
    #[serde(default)]
    what: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    officers: String,
    #[serde(default)]
    vehicles: String,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    minutes_ago: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    via_hotline: Option<String>,
}

#[derive(Template)]
#[template(path = "report/new.html")]
struct NewReportPage {
    l: Layout,
    slug: String,
    council_name: String,
    form: ReportForm,
    agencies: Vec<Offer>,
    sources: Vec<Offer>,
    times: Vec<Offer>,
    what_max: usize,
    place_max: usize,
    error: Option<String>,
}

/// How long ago, offered as choices (minutes).
const AGO: [u32; 6] = [0, 5, 15, 30, 60, 120];

fn count(raw: &str) -> Result<Option<u32>, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|_| AppError::BadValue)
}

impl ReportForm {
    fn draft(&self) -> Result<FactsDraft, AppError> {
        Ok(FactsDraft {
            what: self.what.clone(),
            officers: count(&self.officers)?,
            vehicles: count(&self.vehicles)?,
            agency: self.agency.clone(),
            place: self.place.clone(),
            minutes_ago: count(&self.minutes_ago)?,
            source: self.source.clone(),
            via_hotline: self.via_hotline.is_some(),
        })
    }
}

fn render(
    viewer: &Viewer,
    slug: &str,
    council_name: String,
    form: ReportForm,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let tr = l.tr;
    let agency = if form.agency.is_empty() {
        "unknown".to_string()
    } else {
        form.agency.clone()
    };
    let source = if form.source.is_empty() {
        "saw-it".to_string()
    } else {
        form.source.clone()
    };
    let page_ = NewReportPage {
        slug: slug.to_string(),
        council_name,
        agencies: Agency::ALL
            .iter()
            .map(|a| Offer {
                code: a.code().into(),
                label: tr.tp("agency-", a.code()),
                chosen: a.code() == agency,
            })
            .collect(),
        sources: Source::ALL
            .iter()
            .map(|s| Offer {
                code: s.code().into(),
                label: tr.tp("source-", s.code()),
                chosen: s.code() == source,
            })
            .collect(),
        times: AGO
            .iter()
            .map(|m| Offer {
                code: m.to_string(),
                label: if *m == 0 {
                    tr.t("report-when-now")
                } else {
                    tr.tn("report-when-ago", u64::from(*m))
                },
                chosen: form.minutes_ago == m.to_string(),
            })
            .collect(),
        form,
        what_max: WHAT_MAX,
        place_max: PLACE_MAX,
        error: error.as_ref().map(|(_, m)| m.clone()),
        l,
    };
    match error {
        Some((status, _)) => page_with_status(status, page_),
        None => page(page_),
    }
}

/// `GET /c/{slug}/reports/new`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let council = state.app.report_council(actor, &slug).await?;
    let name = council.name_in(viewer.tr.language).name.clone();
    render(&viewer, &slug, name, ReportForm::default(), None)
}

/// `POST /c/{slug}/reports`: files it and shows it; the form comes back as typed with the
/// error in words when something is missing or wrong.
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<ReportForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = match form.draft() {
        Ok(draft) => state.app.file_report(actor, &slug, &draft).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(see(&format!("/reports/{id}"))),
        Err(
            e @ (AppError::Internal(_)
            | AppError::Forbidden
            | AppError::NotFound
            | AppError::NotSignedIn),
        ) => Err(e.into()),
        Err(e) => {
            let council = state.app.report_council(actor, &slug).await?;
            let name = council.name_in(viewer.tr.language).name.clone();
            let message = viewer.tr.t(&format!("error-{}", e.code()));
            render(&viewer, &slug, name, form, Some((status_of(&e), message)))
        }
    }
}
