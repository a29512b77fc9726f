//! A council's settings, for its organisers: names and descriptions in each language,
//! vouches required of newcomers, and the seat rule for constituents.

use crate::WebState;
use crate::error::{WebError, status_of};
use crate::pages::{page, page_with_status, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::AppError;
use councils_app::council::SettingsForm;
use councils_domain::{Action, CouncilName, Language};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    l: Layout,
    slug: String,
    form: SettingsFields,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct SettingsFields {
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    name_es: String,
    #[serde(default)]
    description_es: String,
    #[serde(default)]
    vouches_required: String,
    #[serde(default)]
    members_per_delegate: String,
    #[serde(default)]
    minimum_seats: String,
}

/// `GET /c/{slug}/settings`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let view = state.app.council_page(actor, &slug).await?;
    if !view.standing.may(Action::ChangeSettings) {
        return Err(AppError::Forbidden.into());
    }
    let council = &view.council;
    let name = |language: Language| council.names.iter().find(|n| n.language == language);
    let form = SettingsFields {
        name_en: name(Language::En)
            .map(|n| n.name.clone())
            .unwrap_or_default(),
        description_en: name(Language::En)
            .map(|n| n.description.clone())
            .unwrap_or_default(),
        name_es: name(Language::Es)
            .map(|n| n.name.clone())
            .unwrap_or_default(),
        description_es: name(Language::Es)
            .map(|n| n.description.clone())
            .unwrap_or_default(),
        vouches_required: council.settings.vouches_required.to_string(),
        members_per_delegate: council.settings.seat_rule.members_per_delegate.to_string(),
        minimum_seats: council.settings.seat_rule.minimum.to_string(),
    };
    page(SettingsPage {
        l: viewer.layout(),
        slug,
        form,
        error: None,
    })
}

fn number(field: &str) -> Result<u32, AppError> {
    field.trim().parse().map_err(|_| AppError::BadValue)
}

/// `POST /c/{slug}/settings`
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<SettingsFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let mut names = Vec::new();
    for (language, name, description) in [
        (Language::En, &fields.name_en, &fields.description_en),
        (Language::Es, &fields.name_es, &fields.description_es),
    ] {
        if !name.trim().is_empty() {
            names.push(CouncilName {
                language,
                name: name.trim().to_string(),
                description: description.trim().to_string(),
            });
        }
    }
    let result = async {
        let form = SettingsForm {
            names,
            vouches_required: number(&fields.vouches_required)?,
            members_per_delegate: number(&fields.members_per_delegate)?,
            minimum_seats: number(&fields.minimum_seats)?,
        };
        state.app.update_council(actor, &slug, &form).await
    }
    .await;
    match result {
        Ok(()) => Ok(see(&format!("/c/{slug}"))),
        Err(error @ (AppError::Internal(_) | AppError::Forbidden | AppError::NotFound)) => {
            Err(error.into())
        }
        Err(error) => page_with_status(
            status_of(&error),
            SettingsPage {
                error: Some(viewer.tr.t(&format!("error-{}", error.code()))),
                l: viewer.layout(),
                slug,
                form: fields,
            },
        ),
    }
}
