//! The JSON API's routes (under `/api/v1`), in the order of the OpenAPI document's areas.

use crate::WebState;
use crate::api;
use crate::pages::records::incident::UPLOAD_BODY_LIMIT;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{delete, get, post, put};

/// Every route of `/api/v1`.
pub(super) fn api() -> Router<WebState> {
    Router::new()
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
}
