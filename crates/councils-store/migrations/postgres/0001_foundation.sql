-- The foundation: pseudonymous members, councils with names in several languages, memberships
-- with roles and vouches, single-use invitations (stored as token hashes), federation links,
-- hash-chained minutes and sessions (stored as token hashes). Times are epoch seconds, ids are
-- random text. Nothing here names a person beyond the handle they chose.

create table member (
    member_id text primary key,
    handle text not null,
    -- Lowercased handle, so "Rosa" and "rosa" cannot both exist.
    handle_key text not null constraint member_handle_key_unique unique,
    language text not null,
    passphrase_hash text not null,
    -- XChaCha20-Poly1305 ciphertext under the instance key; null when no email was given.
    email_sealed bytea,
    created_at bigint not null
);

create table council (
    council_id text primary key,
    slug text not null constraint council_slug_unique unique,
    kind text not null,
    vouches_required bigint not null,
    members_per_delegate bigint not null,
    minimum_seats bigint not null,
    created_at bigint not null
);

create table council_name (
    council_id text not null constraint council_name_council_fk references council (council_id) on delete cascade,
    language text not null,
    name text not null,
    description text not null,
    constraint council_name_pk primary key (council_id, language)
);

create table membership (
    council_id text not null constraint membership_council_fk references council (council_id) on delete cascade,
    member_id text not null constraint membership_member_fk references member (member_id) on delete cascade,
    status text not null,
    joined_at bigint not null,
    constraint membership_pk primary key (council_id, member_id)
);
create index membership_member_idx on membership (member_id);

create table membership_role (
    council_id text not null,
    member_id text not null,
    role text not null,
    constraint membership_role_pk primary key (council_id, member_id, role),
    constraint membership_role_membership_fk foreign key (council_id, member_id)
        references membership (council_id, member_id) on delete cascade
);

create table vouch (
    council_id text not null,
    member_id text not null,
    voucher_id text not null constraint vouch_voucher_fk references member (member_id) on delete cascade,
    created_at bigint not null,
    constraint vouch_pk primary key (council_id, member_id, voucher_id),
    constraint vouch_membership_fk foreign key (council_id, member_id)
        references membership (council_id, member_id) on delete cascade
);

create table invitation (
    invitation_id text primary key,
    token_hash text not null constraint invitation_token_hash_unique unique,
    -- Null for the invitation that founds the instance's first council.
    council_id text constraint invitation_council_fk references council (council_id) on delete cascade,
    role text not null,
    created_by text constraint invitation_created_by_fk references member (member_id) on delete set null,
    created_at bigint not null,
    expires_at bigint not null,
    used_at bigint
);

create table council_link (
    constituent_id text not null constraint council_link_constituent_fk references council (council_id) on delete cascade,
    parent_id text not null constraint council_link_parent_fk references council (council_id) on delete cascade,
    status text not null,
    requested_at bigint not null,
    constraint council_link_pk primary key (constituent_id, parent_id)
);
create index council_link_parent_idx on council_link (parent_id);

-- Append-only: rows are inserted, never updated or deleted by the application.
create table minutes_entry (
    council_id text not null constraint minutes_entry_council_fk references council (council_id),
    seq bigint not null,
    recorded_at bigint not null,
    body text not null,
    prev_hash text not null,
    entry_hash text not null,
    constraint minutes_entry_pk primary key (council_id, seq)
);

create table session (
    session_id text primary key,
    token_hash text not null constraint session_token_hash_unique unique,
    member_id text not null constraint session_member_fk references member (member_id) on delete cascade,
    kind text not null,
    created_at bigint not null,
    last_seen_at bigint not null
);
create index session_member_idx on session (member_id);
