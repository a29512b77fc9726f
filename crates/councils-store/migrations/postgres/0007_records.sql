-- Rapid response records: members' emergency plans and when each was sent, incident records
-- for lawyers with their photos, and each committee's know-your-rights contacts.
--
-- Everything personal is sealed by the application (XChaCha20-Poly1305 under the instance
-- key, which is not in the database): a plan's message, contacts and committee; an
-- incident's account; each photo's bytes and hash. Plain columns are only what finds rows.
-- Nothing here expires on its own: plans, their sendings and incident records stay until
-- their owner (or the committee's legal role, for incidents) deletes them.

-- One plan per member: the body is sealed JSON (message, contacts, committee, language).
create table emergency_plan (
    plan_id text primary key,
    member_id text not null constraint emergency_plan_member_fk references member (member_id) on delete cascade,
    body_sealed bytea not null,
    created_at bigint not null,
    updated_at bigint not null,
    constraint emergency_plan_member_uq unique (member_id)
);

-- That a plan was sent, when, by whom, and whether as a test; nothing of what was sent.
create table plan_sending (
    plan_sending_id text primary key,
    plan_id text not null constraint plan_sending_plan_fk references emergency_plan (plan_id) on delete cascade,
    sent_at bigint not null,
    -- The owner, or the organiser or legal member who acted for them; null once gone.
    sent_by text constraint plan_sending_by_fk references member (member_id) on delete set null,
    test bigint not null
);
create index plan_sending_plan_idx on plan_sending (plan_id, sent_at);

-- An incident record of a committee, readable by its filer and the committee's legal role.
create table incident (
    incident_id text primary key,
    council_id text not null constraint incident_council_fk references council (council_id) on delete cascade,
    -- Null once the filer's account is deleted: the record stays for the legal role.
    filed_by text constraint incident_filed_by_fk references member (member_id) on delete set null,
    -- Sealed JSON: what happened, when, where, who from our side, witnesses.
    account_sealed bytea not null,
    filed_at bigint not null
);
create index incident_council_idx on incident (council_id, filed_at);

-- A photo of an incident, stripped of metadata before it was sealed and stored.
create table incident_evidence (
    evidence_id text primary key,
    incident_id text not null constraint incident_evidence_incident_fk references incident (incident_id) on delete cascade,
    media_type text not null,
    size bigint not null,
    -- SHA-256 of the stripped photo at upload (the chain of custody), sealed.
    sha256_sealed bytea not null,
    bytes_sealed bytea not null,
    uploaded_at bigint not null,
    uploaded_by text constraint incident_evidence_by_fk references member (member_id) on delete set null
);
create index incident_evidence_incident_idx on incident_evidence (incident_id, uploaded_at);

-- A committee's hotline and legal contacts for its know-your-rights page: published
-- numbers, set by an organiser.
create table rights_contact (
    council_id text primary key constraint rights_contact_council_fk references council (council_id) on delete cascade,
    hotline text not null,
    legal text not null,
    updated_at bigint not null,
    updated_by text constraint rights_contact_by_fk references member (member_id) on delete set null
);
