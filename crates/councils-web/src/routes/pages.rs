//! The pages' routes, by area; the route table and its layers are in `routes/mod.rs`.

use crate::WebState;
use crate::pages::{
    account, aid, council, councils, democracy, event, federation, grievance, join, landing,
    language, members, minutes, motion, notices, publication, push, records, report, settings,
    sign_in, strike,
};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use records::incident::UPLOAD_BODY_LIMIT;

/// Every page and form of the instance.
pub(super) fn pages() -> Router<WebState> {
    Router::new()
        .merge(councils_and_motions())
        .merge(rapid_response())
        .merge(plans_and_records())
        .merge(grievances())
        .merge(publications())
        .merge(strikes())
        .merge(gatherings())
        .merge(own_account())
}

/// Signing in, joining, councils, their federation and minutes, motions and council democracy
/// (pages/motion/, pages/democracy/).
fn councils_and_motions() -> Router<WebState> {
    Router::new()
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
}

/// Rapid response: reports, verification, alerts (pages/report/).
fn rapid_response() -> Router<WebState> {
    Router::new()
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
}

/// Emergency plans, incident records, know your rights (pages/records/).
fn plans_and_records() -> Router<WebState> {
    Router::new()
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
}

/// Grievances (pages/grievance/): 404 for any member who may not read them.
fn grievances() -> Router<WebState> {
    Router::new()
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
}

/// Publications: statements and leaflets, comments, the PDF (pages/publication/).
fn publications() -> Router<WebState> {
    Router::new()
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
}

/// Strikes: opening and joining, the rota and the fund (pages/strike/).
fn strikes() -> Router<WebState> {
    Router::new()
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
}

/// Protests and events, mutual aid (pages/event/, pages/aid/).
fn gatherings() -> Router<WebState> {
    Router::new()
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
}

/// A member's own account, devices and notices.
fn own_account() -> Router<WebState> {
    Router::new()
        .route("/account", get(account::show))
        .route("/account/language", post(account::language))
        .route("/account/handle", post(account::handle))
        .route("/account/passphrase", post(account::passphrase))
        .route("/account/email", post(account::email))
        .route("/account/sessions/{id}/end", post(account::end_session))
        .route("/account/delete", post(account::delete))
        .route("/account/push/{id}/remove", post(push::remove))
        .route("/notices", get(notices::show).post(notices::submit))
}
