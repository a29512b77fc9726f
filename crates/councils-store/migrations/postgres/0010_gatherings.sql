-- Gatherings: protests, assemblies and trainings a council calls (with the roles they need,
-- who is coming and who took a role, and live updates), and mutual-aid requests and offers.
--
-- Who comes to a protest, and who needs bail money or a ride to a detention centre, is what
-- an adversary would want most: every text is sealed by the application (XChaCha20-Poly1305
-- under the instance key, which is not in the database), and the server's sweep deletes an
-- event 14 days after it ends (with its RSVPs and sign-ups) and a mutual-aid post 30 days
-- after it is met or withdrawn. Plain columns are only what finds and orders rows.

-- An event of a council. Title, place, languages, accessibility and details are one sealed
-- JSON document.
create table event (
    event_id text primary key,
    council_id text not null constraint event_council_fk references council (council_id) on delete cascade,
    kind text not null constraint event_kind_ck check (kind in ('protest', 'assembly', 'training')),
    starts_at bigint not null,
    ends_at bigint not null,
    -- Minutes east of UTC where it happens, to show its times as the organiser typed them.
    utc_offset bigint not null,
    text_sealed bytea not null,
    created_by text constraint event_created_by_fk references member (member_id) on delete set null,
    created_at bigint not null,
    cancelled_at bigint,
    constraint event_times_ck check (ends_at > starts_at)
);
create index event_council_idx on event (council_id, ends_at);
create index event_ends_idx on event (ends_at);

-- A council the event is shared with: a higher council or a constituent, linked at the time.
create table event_share (
    event_id text not null constraint event_share_event_fk references event (event_id) on delete cascade,
    council_id text not null constraint event_share_council_fk references council (council_id) on delete cascade,
    constraint event_share_pk primary key (event_id, council_id)
);
create index event_share_council_idx on event_share (council_id);

-- How many of a role the event needs (marshals, medics, legal observers, interpreters).
create table event_role (
    event_id text not null constraint event_role_event_fk references event (event_id) on delete cascade,
    role text not null constraint event_role_role_ck check (role in ('marshal', 'medic', 'legal-observer', 'interpreter')),
    needed bigint not null constraint event_role_needed_ck check (needed > 0),
    constraint event_role_pk primary key (event_id, role)
);

-- A member who said they are coming. Gone with the member's account.
create table event_rsvp (
    event_id text not null constraint event_rsvp_event_fk references event (event_id) on delete cascade,
    member_id text not null constraint event_rsvp_member_fk references member (member_id) on delete cascade,
    rsvp_at bigint not null,
    constraint event_rsvp_pk primary key (event_id, member_id)
);

-- A member who took a role (one role per member and event).
create table event_signup (
    event_id text not null,
    member_id text not null constraint event_signup_member_fk references member (member_id) on delete cascade,
    role text not null,
    signed_at bigint not null,
    constraint event_signup_pk primary key (event_id, member_id),
    constraint event_signup_role_fk foreign key (event_id, role) references event_role (event_id, role) on delete cascade
);
create index event_signup_role_idx on event_signup (event_id, role);

-- A live update, sealed.
create table event_update (
    event_update_id text primary key,
    event_id text not null constraint event_update_event_fk references event (event_id) on delete cascade,
    text_sealed bytea not null,
    posted_by text constraint event_update_by_fk references member (member_id) on delete set null,
    posted_at bigint not null
);
create index event_update_event_idx on event_update (event_id, posted_at);

-- A mutual-aid request or offer. Area, description and whom it is for (when posted for
-- someone else, who need not be a member) are one sealed JSON document.
create table aid (
    aid_id text primary key,
    council_id text not null constraint aid_council_fk references council (council_id) on delete cascade,
    direction text not null constraint aid_direction_ck check (direction in ('request', 'offer')),
    kind text not null constraint aid_kind_ck check (kind in ('rides', 'food', 'childcare', 'housing', 'bail', 'translation')),
    status text not null constraint aid_status_ck check (status in ('open', 'matched', 'met', 'withdrawn')),
    for_other bigint not null,
    text_sealed bytea not null,
    posted_by text constraint aid_posted_by_fk references member (member_id) on delete set null,
    posted_at bigint not null,
    matched_by text constraint aid_matched_by_fk references member (member_id) on delete set null,
    -- When it was met or withdrawn: the retention period counts from here.
    closed_at bigint
);
create index aid_council_idx on aid (council_id, posted_at);
create index aid_closed_idx on aid (closed_at);

-- A council a post is shared with.
create table aid_share (
    aid_id text not null constraint aid_share_aid_fk references aid (aid_id) on delete cascade,
    council_id text not null constraint aid_share_council_fk references council (council_id) on delete cascade,
    constraint aid_share_pk primary key (aid_id, council_id)
);
create index aid_share_council_idx on aid_share (council_id);
