-- Per-topic choices of how a member hears about what is not urgent (motions, mandates,
-- grievances, events, mutual aid, publications): only in their open pages, by Web Push, by
-- email at once, or in a daily digest. A member who never chose has no row and hears by
-- push. Rapid response alerts come at once whatever was chosen, so they have no choice here.
create table notice_preference (
    member_id text not null constraint notice_preference_member_fk references member (member_id) on delete cascade,
    topic text not null constraint notice_preference_topic_known check (topic in ('alerts', 'motions', 'mandates', 'grievances', 'events', 'mutual-aid', 'publications')),
    mode text not null constraint notice_preference_mode_known check (mode in ('live', 'push', 'email', 'digest')),
    constraint notice_preference_pk primary key (member_id, topic)
);

-- Notices kept for members who hear by mail. A mail is not private, so it says only how many
-- notices of which kinds wait and links to the member's page of notices, which lists these
-- with their paths. Kept for seven days, then deleted by the retention sweep; a notice for the
-- digest waits at most a day for its mail. Nothing of what happened is here: the kind's code
-- and a path on this instance.
create table notice_item (
    notice_item_id text primary key,
    member_id text not null constraint notice_item_member_fk references member (member_id) on delete cascade,
    topic text not null,
    kind text not null,
    path text not null,
    created_at bigint not null,
    -- When it went out by mail; null while it waits for the member's digest.
    mailed_at bigint
);
create index notice_item_member_idx on notice_item (member_id, created_at);
create index notice_item_waiting_idx on notice_item (mailed_at, created_at);
