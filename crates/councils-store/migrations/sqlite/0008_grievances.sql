-- Grievances of workplace committees: a case filed by a member (or anonymously), its
-- timeline, its deadlines with their reminders, and the motion it was escalated into.
--
-- What the filer says (what happened, when, who else, what they want), the pay claimed, every
-- note and answer and every deadline's label are sealed by the application
-- (XChaCha20-Poly1305 under the instance key, which is not in the database). Plain columns
-- are only what finds rows and runs the case: kind, status, times, who is assigned.
-- An anonymous grievance keeps no trace of its filer: `filed_by` is null (the check below
-- makes it so), its filing time is the start of its day, and the filer follows it through a
-- private link whose SHA-256 only is kept. A resolved or dropped grievance is deleted with
-- all of it 180 days after it closed (the server's sweep).

create table grievance (
    grievance_id text primary key,
    council_id text not null constraint grievance_council_fk references council (council_id) on delete cascade,
    kind text not null,
    status text not null,
    anonymous bigint not null,
    -- The filer of a named grievance; null once their account is gone, always null when anonymous.
    filed_by text constraint grievance_filed_by_fk references member (member_id) on delete set null,
    -- SHA-256 of the private link's token of an anonymous grievance.
    follow_token_hash text constraint grievance_follow_uq unique,
    -- Sealed JSON: what happened, when, who else was affected, what they want.
    statement_sealed blob not null,
    -- Sealed JSON: the pay claimed (currency, lines of hours, rate and pay in cents).
    pay_sealed blob,
    -- An organiser of the committee who runs the case.
    assignee text constraint grievance_assignee_fk references member (member_id) on delete set null,
    -- A collective grievance is a grievance of its own; the grievances it joins point to it.
    is_collective bigint not null,
    collective_id text constraint grievance_collective_fk references grievance (grievance_id) on delete set null,
    filed_at bigint not null,
    -- When it was resolved or dropped (its retention runs from here); null while open.
    closed_at bigint,
    constraint grievance_anonymous_ck check (anonymous = 0 or filed_by is null),
    constraint grievance_closed_ck check (closed_at is null or status in ('resolved', 'dropped'))
);
create index grievance_council_idx on grievance (council_id, filed_at);
create index grievance_closed_idx on grievance (closed_at);
create index grievance_collective_idx on grievance (collective_id);

-- The case's timeline: filed, notes, questions to the filer and their answers, status
-- changes, assignments, deadlines, joining a collective, escalation.
create table grievance_entry (
    grievance_id text not null constraint grievance_entry_grievance_fk references grievance (grievance_id) on delete cascade,
    -- Its place in the timeline: 1, 2, 3...
    seq bigint not null,
    kind text not null,
    -- The organiser or named filer who wrote it; null for the anonymous filer (and once gone).
    author text constraint grievance_entry_author_fk references member (member_id) on delete set null,
    by_filer bigint not null,
    -- Sealed text of a note, question or answer.
    body_sealed blob,
    -- A code the entry is about (a status, a kind of motion), never free text.
    detail text,
    at bigint not null,
    constraint grievance_entry_pk primary key (grievance_id, seq)
);

-- A deadline of a case: its assignee is told when it comes due.
create table grievance_deadline (
    grievance_deadline_id text primary key,
    grievance_id text not null constraint grievance_deadline_grievance_fk references grievance (grievance_id) on delete cascade,
    label_sealed blob not null,
    due_at bigint not null,
    reminded_at bigint,
    done_at bigint,
    created_at bigint not null
);
create index grievance_deadline_due_idx on grievance_deadline (reminded_at, due_at);

-- A grievance escalated into a motion of its committee (a demand, a strike vote).
create table grievance_motion (
    grievance_id text primary key constraint grievance_motion_grievance_fk references grievance (grievance_id) on delete cascade,
    motion_id text not null constraint grievance_motion_motion_fk references motion (motion_id) on delete cascade,
    escalated_at bigint not null,
    constraint grievance_motion_uq unique (motion_id)
);
