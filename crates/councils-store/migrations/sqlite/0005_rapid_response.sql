-- Rapid response: reports of raids filed to a committee, their verification by a trained
-- member, the alert a confirmed report becomes, responders on their way and the timeline.
-- All of it is sensitive and most of it false alarms, so the free text is sealed by the app
-- (only bytes here), nothing names an officer or a plate, and every row is deleted when the
-- committee's retention period runs out (SQLite overwrites it: secure_delete, and the WAL is
-- checkpointed and truncated after the sweep). Only per-committee counts stay.

-- A report, with its verification and, once confirmed, its alert.
create table report (
    report_id text primary key,
    council_id text not null constraint report_council_fk references council (council_id) on delete cascade,
    -- Null once the reporter's account is deleted.
    reporter_id text constraint report_reporter_fk references member (member_id) on delete set null,
    what_sealed blob not null,
    place_sealed blob not null,
    officers bigint,
    vehicles bigint,
    -- 'ice', 'cbp', 'police', 'sheriff', 'other' or 'unknown'.
    agency text not null,
    -- 'saw-it', 'told-by-someone' or 'other'.
    source text not null,
    seen_at bigint not null,
    via_hotline bigint not null,
    -- 'filed', 'taken', 'more-info', 'confirmed', 'false-alarm' or 'closed'.
    state text not null,
    verifier_id text constraint report_verifier_fk references member (member_id) on delete set null,
    filed_at bigint not null,
    decided_at bigint,
    closed_at bigint,
    outcome_sealed blob
);
create index report_council_idx on report (council_id, filed_at);
create index report_state_idx on report (state, filed_at);

-- A report's timeline: each step, note, update and responder, in order.
create table report_update (
    report_id text not null constraint report_update_report_fk references report (report_id) on delete cascade,
    seq bigint not null,
    kind text not null,
    author_id text constraint report_update_author_fk references member (member_id) on delete set null,
    at bigint not null,
    body_sealed blob,
    -- The responder's role, for 'on-my-way'.
    role text,
    constraint report_update_pk primary key (report_id, seq)
);

-- Who is on their way to an alert, in which role (one answer per responder).
create table report_response (
    report_id text not null constraint report_response_report_fk references report (report_id) on delete cascade,
    member_id text not null constraint report_response_member_fk references member (member_id) on delete cascade,
    role text not null,
    at bigint not null,
    constraint report_response_pk primary key (report_id, member_id)
);

-- What a committee keeps once its reports are deleted: how many there were.
create table report_count (
    council_id text primary key constraint report_count_council_fk references council (council_id) on delete cascade,
    reports bigint not null,
    alerts bigint not null,
    false_alarms bigint not null
);

-- A committee's rapid-response settings; no row means the defaults (7 days, no neighbours).
create table rapid_response_setting (
    council_id text primary key constraint rapid_response_setting_council_fk references council (council_id) on delete cascade,
    closed_days bigint not null
);

-- Neighbouring committees whose responders also get a committee's alerts.
create table rapid_response_neighbour (
    council_id text not null constraint rapid_response_neighbour_council_fk references council (council_id) on delete cascade,
    neighbour_id text not null constraint rapid_response_neighbour_neighbour_fk references council (council_id) on delete cascade,
    constraint rapid_response_neighbour_pk primary key (council_id, neighbour_id)
);
create index rapid_response_neighbour_idx on rapid_response_neighbour (neighbour_id);
