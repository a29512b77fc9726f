//! The one route table, and the layers every request passes through.

use crate::WebState;
use crate::api;
use crate::error::render_errors;
use crate::pages::{
    account, council, councils, democracy, federation, grievance, join, landing, language, members,
    minutes, motion, notices, publication, push, records, report, settings, sign_in, strike,
};
use crate::pages::{aid, event};
use crate::security::{
    BODY_LIMIT, RandomRequestId, access_log, baseline_headers, csrf_refused, limit_headers,
};
use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{delete, get, post, put};
use axum::{Router, middleware};
use records::incident::UPLOAD_BODY_LIMIT;
use tower_http::compression::CompressionLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;

const STYLESHEET: &str = include_str!("../static/app.css");
/// Drag-to-order for ranked ballots; the form works without it.
const BALLOT_SCRIPT: &str = include_str!("../static/ballot.js");
/// Live alerts in open pages (the stream, a fragment inserted, a cue); pages work without it.
const ALERTS_SCRIPT: &str = include_str!("../static/alerts.js");
/// Live updates on an event's open page, over the same stream; the page works without it.
const LIVE_SCRIPT: &str = include_str!("../static/live.js");

async fn live_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        LIVE_SCRIPT,
    )
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
}

async fn ballot_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        BALLOT_SCRIPT,
    )
}

async fn alerts_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        ALERTS_SCRIPT,
    )
}

async fn healthz(State(state): State<WebState>) -> StatusCode {
    if state.app.healthy().await {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    }
}

async fn not_found() -> crate::error::WebError {
    crate::error::WebError(councils_app::AppError::NotFound)
}

/// Every route of the instance, with its security and logging layers.
pub fn router(state: WebState) -> Router {
    let pages = Router::new()
        .route("/", get(landing::show))
        .route("/language", post(language::switch))
        .route("/sign-in", get(sign_in::show).post(sign_in::submit))
        .route("/sign-out", post(sign_in::sign_out))
        .route("/join/{token}", get(join::show).post(join::submit))
        .route("/join/{token}/existing", post(join::join_existing))
        .route("/councils", get(councils::mine).post(councils::found))
        .route("/councils/new", get(councils::new))
        .route("/c/{slug}", get(council::show))
        .route("/c/{slug}/invitations", post(council::invite))
        .route(
            "/c/{slug}/settings",
            get(settings::show).post(settings::submit),
        )
        .route("/c/{slug}/federation", get(federation::show))
        .route("/c/{slug}/minutes", get(minutes::show))
        .route("/c/{slug}/links", post(federation::request))
        .route(
            "/c/{slug}/links/{constituent}/accept",
            post(federation::accept),
        )
        .route("/links/end", post(federation::end))
        .route(
            "/c/{slug}/motions",
            get(motion::agenda).post(motion::new::submit),
        )
        .route("/c/{slug}/motions/new", get(motion::new::show))
        .route("/c/{slug}/motions/{id}", get(motion::show))
        .route(
            "/c/{slug}/motions/{id}/discussion",
            post(motion::open_discussion),
        )
        .route("/c/{slug}/motions/{id}/voting", post(motion::open_voting))
        .route("/c/{slug}/motions/{id}/close", post(motion::close))
        .route("/c/{slug}/motions/{id}/ballot", post(motion::ballot::cast))
        .route(
            "/c/{slug}/motions/{id}/comments",
            post(motion::discussion::comment),
        )
        .route(
            "/c/{slug}/motions/{id}/amendments",
            post(motion::discussion::propose),
        )
        .route(
            "/c/{slug}/motions/{id}/amendments/{amendment}/accept",
            post(motion::discussion::accept),
        )
        .route(
            "/c/{slug}/motions/{id}/amendments/{amendment}/reject",
            post(motion::discussion::reject),
        )
        .route(
            "/c/{slug}/motions/{id}/amendments/{amendment}/vote",
            post(motion::discussion::put_to_vote),
        )
        .route(
            "/c/{slug}/motion-defaults",
            get(motion::defaults::show).post(motion::defaults::submit),
        )
        .route(
            "/c/{slug}/motions/{id}/referendum",
            post(democracy::referendum),
        )
        .route("/c/{slug}/delegates", get(democracy::list))
        .route("/c/{slug}/delegates/{id}", get(democracy::show))
        .route(
            "/c/{slug}/delegates/{id}/recall",
            get(democracy::recall::show).post(democracy::recall::start),
        )
        .route(
            "/c/{slug}/delegates/{id}/recall/sign",
            post(democracy::recall::sign),
        )
        .route("/c/{slug}/elections/new", get(democracy::election::new))
        .route("/c/{slug}/elections", post(democracy::election::submit))
        .route(
            "/c/{slug}/mandates",
            get(democracy::mandate::list).post(democracy::mandate::propose),
        )
        .route(
            "/c/{slug}/delegation",
            get(democracy::rules::show).post(democracy::rules::submit),
        )
        // Rapid response: reports, verification, alerts.
        .route("/c/{slug}/alerts", get(report::queue::show))
        .route("/c/{slug}/reports/new", get(report::new::show))
        .route("/c/{slug}/reports", post(report::new::submit))
        .route(
            "/c/{slug}/rapid-response",
            get(report::settings::show).post(report::settings::submit),
        )
        .route("/reports/{id}", get(report::show))
        .route("/reports/{id}/live", get(report::live))
        .route("/reports/{id}/card", get(report::card_fragment))
        .route("/reports/{id}/take", post(report::take))
        .route("/reports/{id}/verification", post(report::verify))
        .route("/reports/{id}/info", post(report::add_info))
        .route("/reports/{id}/responses", post(report::respond))
        .route("/reports/{id}/updates", post(report::update))
        .route("/reports/{id}/close", post(report::close))
        .route("/c/{slug}/members/{member}", get(members::show))
        .route("/c/{slug}/members/{member}/vouch", post(members::vouch))
        .route("/c/{slug}/members/{member}/approve", post(members::approve))
        .route(
            "/c/{slug}/members/{member}/roles",
            post(members::grant_role),
        )
        .route(
            "/c/{slug}/members/{member}/roles/{role}/revoke",
            post(members::revoke_role),
        )
        .route("/c/{slug}/members/{member}/remove", post(members::remove))
        // Emergency plans, incident records, know your rights (pages/records/).
        .route("/plan", get(records::plan::show).post(records::plan::save))
        .route("/plan/delete", post(records::plan::delete))
        .route(
            "/plan/send",
            get(records::plan::confirm).post(records::plan::send),
        )
        .route("/plan/test", post(records::plan::test))
        .route("/c/{slug}/plans", get(records::plan::committee))
        .route(
            "/c/{slug}/plans/{id}/send",
            get(records::plan::confirm_for).post(records::plan::send_for),
        )
        .route(
            "/c/{slug}/incidents",
            get(records::incident::list).post(records::incident::file),
        )
        .route("/c/{slug}/incidents/new", get(records::incident::new))
        .route("/c/{slug}/incidents/{id}", get(records::incident::show))
        .route(
            "/c/{slug}/incidents/{id}/photos",
            post(records::incident::upload).layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)),
        )
        .route(
            "/c/{slug}/incidents/{id}/photos/{photo}",
            get(records::incident::photo),
        )
        .route(
            "/c/{slug}/incidents/{id}/photos/{photo}/delete",
            post(records::incident::delete_photo),
        )
        .route(
            "/c/{slug}/incidents/{id}/export",
            post(records::incident::export),
        )
        .route(
            "/c/{slug}/incidents/{id}/delete",
            post(records::incident::delete),
        )
        .route(
            "/c/{slug}/rights",
            get(records::rights::show).post(records::rights::set_contacts),
        )
        // Grievances (pages/grievance/): 404 for anyone who may not read them.
        .route(
            "/c/{slug}/grievances",
            get(grievance::list::list).post(grievance::list::file),
        )
        .route("/c/{slug}/grievances/new", get(grievance::list::new))
        .route(
            "/c/{slug}/grievances/collective",
            post(grievance::list::collective),
        )
        .route("/c/{slug}/grievances/{id}", get(grievance::case::show))
        .route(
            "/c/{slug}/grievances/{id}/notes",
            post(grievance::case::note),
        )
        .route(
            "/c/{slug}/grievances/{id}/answers",
            post(grievance::case::answer),
        )
        .route(
            "/c/{slug}/grievances/{id}/status",
            post(grievance::case::status),
        )
        .route(
            "/c/{slug}/grievances/{id}/assignee",
            post(grievance::case::assignee),
        )
        .route(
            "/c/{slug}/grievances/{id}/deadlines",
            post(grievance::case::deadline),
        )
        .route(
            "/c/{slug}/grievances/{id}/deadlines/{deadline}/done",
            post(grievance::case::deadline_done),
        )
        .route(
            "/c/{slug}/grievances/{id}/pay",
            post(grievance::case::set_pay),
        )
        .route(
            "/c/{slug}/grievances/{id}/escalate",
            post(grievance::case::escalate),
        )
        .route("/grievances/follow/{token}", get(grievance::follow::show))
        .route(
            "/grievances/follow/{token}/answers",
            post(grievance::follow::answer),
        )
        // Publications: statements and leaflets, comments, the PDF (pages/publication/).
        .route("/publications", get(publication::public))
        .route("/publications/feed.atom", get(publication::feed::atom))
        .route(
            "/c/{slug}/publications",
            get(publication::list).post(publication::write::create),
        )
        .route("/c/{slug}/publications/new", get(publication::write::new))
        .route("/c/{slug}/publications/{id}", get(publication::show::show))
        .route(
            "/c/{slug}/publications/{id}/publish",
            post(publication::write::publish),
        )
        .route(
            "/c/{slug}/publications/{id}/edit",
            get(publication::write::edit).post(publication::write::revise),
        )
        .route(
            "/c/{slug}/publications/{id}/delete",
            post(publication::write::delete),
        )
        .route(
            "/c/{slug}/publications/{id}/visibility",
            post(publication::write::visibility),
        )
        .route(
            "/c/{slug}/publications/{id}/comments",
            post(publication::show::comment),
        )
        .route(
            "/c/{slug}/publications/{id}/comments/{comment}/moderation",
            post(publication::show::moderate),
        )
        .route(
            "/c/{slug}/publications/{id}/leaflet.pdf",
            get(publication::leaflet::pdf),
        )
        // Strikes: opening and joining, the rota and the fund (pages/strike/).
        .route("/c/{slug}/strikes", get(strike::list).post(strike::open))
        .route("/c/{slug}/strikes/join", post(strike::join))
        .route("/strikes/{id}", get(strike::show::show))
        .route("/strikes/{id}/status", post(strike::show::status))
        .route(
            "/strikes/{id}/rota",
            get(strike::rota::show).post(strike::rota::add),
        )
        .route(
            "/strikes/{id}/rota/{shift}/sign-up",
            post(strike::rota::sign_up),
        )
        .route(
            "/strikes/{id}/rota/{shift}/withdraw",
            post(strike::rota::withdraw),
        )
        .route("/strikes/{id}/fund", get(strike::fund::show))
        .route("/strikes/{id}/fund/movements", post(strike::fund::record))
        // Protests and events, mutual aid (pages/event/, pages/aid/).
        .route(
            "/c/{slug}/events",
            get(event::new::list).post(event::new::submit),
        )
        .route("/c/{slug}/events/new", get(event::new::new))
        .route("/events/{id}", get(event::show))
        .route("/events/{id}/live", get(event::live))
        .route("/events/{id}/event.ics", get(event::ics))
        .route("/events/{id}/rsvp", post(event::rsvp))
        .route("/events/{id}/roles", post(event::sign_up))
        .route("/events/{id}/roles/leave", post(event::leave_role))
        .route("/events/{id}/updates", post(event::update))
        .route("/events/{id}/cancel", post(event::cancel))
        .route("/c/{slug}/aid", get(aid::new::list).post(aid::new::submit))
        .route("/c/{slug}/aid/new", get(aid::new::new))
        .route("/aid/{id}", get(aid::show))
        .route("/aid/{id}/match", post(aid::answer))
        .route("/aid/{id}/release", post(aid::release))
        .route("/aid/{id}/met", post(aid::met))
        .route("/aid/{id}/withdraw", post(aid::withdraw))
        .route("/static/live.js", get(live_script))
        .route("/account", get(account::show))
        .route("/account/language", post(account::language))
        .route("/account/handle", post(account::handle))
        .route("/account/passphrase", post(account::passphrase))
        .route("/account/email", post(account::email))
        .route("/account/sessions/{id}/end", post(account::end_session))
        .route("/account/delete", post(account::delete))
        .route("/account/push/{id}/remove", post(push::remove))
        .route("/notices", get(notices::show).post(notices::submit))
        .route("/static/push.js", get(push::script))
        .route("/static/sw.js", get(push::service_worker))
        .route("/static/app.css", get(stylesheet))
        .route("/static/ballot.js", get(ballot_script))
        .route("/static/alerts.js", get(alerts_script))
        .route("/healthz", get(healthz))
        .fallback(not_found)
        .route_layer(middleware::from_fn(access_log));

    let api = Router::new()
        .route("/openapi.json", get(api::openapi::document))
        .route("/sessions", post(api::sessions::create))
        .route("/sessions/current", delete(api::sessions::delete_current))
        .route("/councils", get(api::councils::mine))
        .route("/councils/{slug}", get(api::councils::show))
        .route("/councils/{slug}/members", get(api::councils::members))
        .route(
            "/councils/{slug}/federation",
            get(api::councils::federation),
        )
        .route("/councils/{slug}/minutes", get(api::councils::minutes))
        .route("/councils/{slug}/invitations", post(api::councils::invite))
        .route(
            "/councils/{slug}/members/{member}/vouch",
            post(api::councils::vouch),
        )
        .route(
            "/councils/{slug}/members/{member}/approve",
            post(api::councils::approve),
        )
        .route(
            "/councils/{slug}/members/{member}/roles/{role}",
            put(api::councils::grant_role).delete(api::councils::revoke_role),
        )
        .route(
            "/councils/{slug}/members/{member}",
            delete(api::councils::remove),
        )
        .route("/councils/{slug}/links", post(api::councils::request_link))
        .route(
            "/councils/{slug}/links/{constituent}/accept",
            post(api::councils::accept_link),
        )
        .route(
            "/links/{constituent}/{parent}",
            delete(api::councils::end_link),
        )
        .route(
            "/councils/{slug}/motions",
            get(api::motions::list).post(api::motions::create),
        )
        .route("/councils/{slug}/motions/{id}", get(api::motions::show))
        .route(
            "/councils/{slug}/motions/{id}/voting",
            post(api::motions::open_voting),
        )
        .route(
            "/councils/{slug}/motions/{id}/close",
            post(api::motions::close),
        )
        .route(
            "/councils/{slug}/motions/{id}/ballot",
            put(api::motions::cast),
        )
        .route(
            "/councils/{slug}/motions/{id}/comments",
            post(api::motions::comment),
        )
        .route(
            "/councils/{slug}/motions/{id}/amendments",
            post(api::motions::amend),
        )
        .route(
            "/councils/{slug}/motions/{id}/amendments/{amendment}",
            post(api::motions::decide_amendment),
        )
        .route(
            "/councils/{slug}/motions/{id}/amendments/{amendment}/vote",
            post(api::motions::amendment_vote),
        )
        .route(
            "/councils/{slug}/motion-defaults",
            get(api::motions::defaults).put(api::motions::set_defaults),
        )
        .route("/councils/{slug}/delegates", get(api::democracy::list))
        .route("/councils/{slug}/delegates/{id}", get(api::democracy::show))
        .route(
            "/councils/{slug}/delegates/{id}/recall",
            get(api::democracy::recall).post(api::democracy::start_recall),
        )
        .route(
            "/councils/{slug}/delegates/{id}/recall/signatures",
            post(api::democracy::sign_recall),
        )
        .route(
            "/councils/{slug}/mandates",
            get(api::democracy::mandates).post(api::democracy::propose_mandate),
        )
        .route(
            "/councils/{slug}/elections",
            post(api::democracy::call_election),
        )
        .route(
            "/councils/{slug}/reports",
            get(api::reports::list).post(api::reports::file),
        )
        .route("/reports/{id}", get(api::reports::show))
        .route("/reports/{id}/take", post(api::reports::take))
        .route("/reports/{id}/verification", post(api::reports::verify))
        .route("/reports/{id}/info", post(api::reports::add_info))
        .route("/reports/{id}/responses", post(api::reports::respond))
        .route("/reports/{id}/updates", post(api::reports::update))
        .route("/reports/{id}/close", post(api::reports::close))
        .route("/alerts/stream", get(api::stream::stream))
        .route("/push/key", get(api::push::key))
        .route(
            "/notices/choices",
            get(api::notices::choices).put(api::notices::choose),
        )
        .route("/notices", get(api::notices::kept))
        .route(
            "/push/subscriptions",
            get(api::push::list)
                .post(api::push::subscribe)
                .delete(api::push::unsubscribe),
        )
        .route("/push/subscriptions/{id}", delete(api::push::remove))
        .route(
            "/plan",
            get(api::records::my_plan)
                .put(api::records::save_plan)
                .delete(api::records::delete_plan),
        )
        .route("/plan/sendings", post(api::records::send_plan))
        .route("/councils/{slug}/plans", get(api::records::committee_plans))
        .route(
            "/councils/{slug}/plans/{id}/sendings",
            post(api::records::send_plan_for),
        )
        .route(
            "/councils/{slug}/incidents",
            get(api::records::incidents).post(api::records::file_incident),
        )
        .route(
            "/councils/{slug}/incidents/{id}",
            get(api::records::incident).delete(api::records::delete_incident),
        )
        .route(
            "/councils/{slug}/incidents/{id}/photos",
            post(api::records::upload).layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)),
        )
        .route(
            "/councils/{slug}/incidents/{id}/photos/{photo}",
            get(api::records::photo).delete(api::records::delete_photo),
        )
        .route(
            "/councils/{slug}/incidents/{id}/export",
            post(api::records::export),
        )
        .route(
            "/councils/{slug}/rights",
            get(api::records::rights).put(api::records::set_rights),
        )
        .route("/publications", get(api::publications::public))
        .route(
            "/councils/{slug}/publications",
            get(api::publications::list).post(api::publications::create),
        )
        .route(
            "/councils/{slug}/publications/{id}",
            get(api::publications::show)
                .put(api::publications::revise)
                .delete(api::publications::delete),
        )
        .route(
            "/councils/{slug}/publications/{id}/publish",
            post(api::publications::publish),
        )
        .route(
            "/councils/{slug}/publications/{id}/public",
            put(api::publications::set_public),
        )
        .route(
            "/councils/{slug}/publications/{id}/comments",
            post(api::publications::comment),
        )
        .route(
            "/councils/{slug}/publications/{id}/comments/{comment}/moderation",
            post(api::publications::moderate),
        )
        .route(
            "/councils/{slug}/publications/{id}/leaflet.pdf",
            get(api::publications::leaflet),
        )
        .route(
            "/councils/{slug}/grievances",
            get(api::grievances::list).post(api::grievances::file),
        )
        .route(
            "/councils/{slug}/grievances/collective",
            post(api::grievances::collective),
        )
        .route(
            "/councils/{slug}/grievances/{id}",
            get(api::grievances::show),
        )
        .route(
            "/councils/{slug}/grievances/{id}/notes",
            post(api::grievances::note),
        )
        .route(
            "/councils/{slug}/grievances/{id}/answers",
            post(api::grievances::answer),
        )
        .route(
            "/councils/{slug}/grievances/{id}/status",
            put(api::grievances::status),
        )
        .route(
            "/councils/{slug}/grievances/{id}/assignee",
            put(api::grievances::assignee),
        )
        .route(
            "/councils/{slug}/grievances/{id}/deadlines",
            post(api::grievances::deadline),
        )
        .route(
            "/councils/{slug}/grievances/{id}/deadlines/{deadline}/done",
            post(api::grievances::deadline_done),
        )
        .route(
            "/councils/{slug}/grievances/{id}/pay",
            put(api::grievances::pay),
        )
        .route(
            "/councils/{slug}/grievances/{id}/escalation",
            post(api::grievances::escalate),
        )
        .route("/grievances/follow/{token}", get(api::grievances::follow))
        .route(
            "/grievances/follow/{token}/answers",
            post(api::grievances::follow_answer),
        )
        .route(
            "/councils/{slug}/strikes",
            get(api::strikes::list).post(api::strikes::open),
        )
        .route("/councils/{slug}/strikes/join", post(api::strikes::join))
        .route("/strikes/{id}", get(api::strikes::show))
        .route("/strikes/{id}/status", put(api::strikes::set_status))
        .route(
            "/strikes/{id}/shifts",
            get(api::strikes::shifts).post(api::strikes::add_shift),
        )
        .route(
            "/strikes/{id}/shifts/{shift}/signup",
            put(api::strikes::sign_up).delete(api::strikes::withdraw),
        )
        .route("/strikes/{id}/fund", get(api::strikes::fund))
        .route(
            "/strikes/{id}/fund/movements",
            post(api::strikes::record_movement),
        )
        .route(
            "/councils/{slug}/events",
            get(api::events::list).post(api::events::create),
        )
        .route("/events/{id}", get(api::events::show))
        .route(
            "/events/{id}/rsvp",
            put(api::events::rsvp).delete(api::events::unrsvp),
        )
        .route(
            "/events/{id}/role",
            put(api::events::sign_up).delete(api::events::leave_role),
        )
        .route("/events/{id}/updates", post(api::events::update))
        .route("/events/{id}/cancel", post(api::events::cancel))
        .route(
            "/councils/{slug}/aid",
            get(api::aid::list).post(api::aid::create),
        )
        .route("/aid/{id}", get(api::aid::show))
        .route("/aid/{id}/steps", post(api::aid::step))
        .route_layer(middleware::from_fn(access_log));

    let mut router = Router::new()
        .nest("/api/v1", api)
        .merge(pages)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            sign_in::remember_destination,
        ))
        .with_state(state.clone())
        .layer(CsrfLayer::new().with_rejection_response(|_| csrf_refused()))
        .layer(middleware::from_fn(render_errors))
        // Extractors read at most BODY_LIMIT; photo uploads (their own DefaultBodyLimit above)
        // up to UPLOAD_BODY_LIMIT, which also bounds every request's body.
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(UPLOAD_BODY_LIMIT))
        .layer(middleware::from_fn(limit_headers));
    for (name, value) in baseline_headers(state.tls) {
        router = router.layer(SetResponseHeaderLayer::overriding(name, value));
    }
    router = router.layer(SetResponseHeaderLayer::if_not_present(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    ));
    // Gzip for phones on slow connections; pages are mostly repeated markup.
    router
        .layer(CompressionLayer::new().gzip(true))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(RandomRequestId))
}
