-- Strikes: a strike opened by a workplace committee on its carried strike vote and run by a
-- strike committee (a council of kind strike-committee, which each committee on strike joins
-- as a constituent), the committees on it, its demands, the picket rota, and the strike and
-- hardship fund kept as a double-entry ledger.
--
-- Money is integer cents with a currency, never a float. Every fund movement is a balanced
-- set of entries (the application refuses a transaction whose entries do not sum to zero;
-- SQL cannot check a sum across rows). Movements are never updated or deleted: the ledger
-- is its own record. What a supporter pledged from, and a payment's note, are sealed by the
-- application. Shifts and who signed up are deleted 14 days after the shift; a payment stops
-- naming its recipient a year after the strike is over (the server's sweep does both).

create table strike (
    strike_id text primary key,
    -- The strike committee that runs it: one strike per strike committee.
    strike_committee_id text not null constraint strike_committee_fk references council (council_id) on delete cascade,
    title text not null,
    -- active, suspended, won or ended.
    status text not null,
    -- The fund's currency (ISO 4217), fixed when the strike opens.
    currency text not null,
    opened_at bigint not null,
    -- Null once the opener deleted their account.
    opened_by text constraint strike_opened_by_fk references member (member_id) on delete set null,
    status_changed_at bigint not null,
    constraint strike_committee_uq unique (strike_committee_id)
);

-- The committees on a strike, each on its own carried strike vote (used once).
create table strike_party (
    strike_id text not null constraint strike_party_strike_fk references strike (strike_id) on delete cascade,
    council_id text not null constraint strike_party_council_fk references council (council_id) on delete cascade,
    motion_id text not null constraint strike_party_motion_fk references motion (motion_id) on delete cascade,
    -- The order they came in: 1 is the committee that opened the strike.
    seq bigint not null,
    joined_at bigint not null,
    joined_by text constraint strike_party_by_fk references member (member_id) on delete set null,
    constraint strike_party_pk primary key (strike_id, council_id),
    constraint strike_party_motion_uq unique (motion_id)
);
create index strike_party_council_idx on strike_party (council_id);

-- What the strike demands, in the order given.
create table strike_demand (
    strike_id text not null constraint strike_demand_strike_fk references strike (strike_id) on delete cascade,
    position bigint not null,
    body text not null,
    constraint strike_demand_pk primary key (strike_id, position)
);

-- A picket shift: a place, a time, and how many people it needs.
create table picket_shift (
    shift_id text primary key,
    strike_id text not null constraint picket_shift_strike_fk references strike (strike_id) on delete cascade,
    place text not null,
    starts_at bigint not null,
    ends_at bigint not null,
    needed bigint not null,
    created_by text constraint picket_shift_by_fk references member (member_id) on delete set null,
    constraint picket_shift_span_ck check (ends_at > starts_at),
    constraint picket_shift_needed_ck check (needed > 0)
);
create index picket_shift_strike_idx on picket_shift (strike_id, starts_at);
create index picket_shift_starts_idx on picket_shift (starts_at);

-- A member signed up to a shift, and when they were reminded of it (once).
create table picket_signup (
    shift_id text not null constraint picket_signup_shift_fk references picket_shift (shift_id) on delete cascade,
    member_id text not null constraint picket_signup_member_fk references member (member_id) on delete cascade,
    signed_at bigint not null,
    reminded_at bigint,
    constraint picket_signup_pk primary key (shift_id, member_id)
);

-- A movement of a strike's fund: a pledge (a promise), a receipt (money in, perhaps
-- against a pledge) or a payment (money out to a member).
create table fund_movement (
    movement_id text primary key,
    strike_id text not null constraint fund_movement_strike_fk references strike (strike_id) on delete cascade,
    -- Its place in the strike's ledger, from 1 (times are only to the second).
    seq bigint not null,
    kind text not null,
    cents bigint not null,
    currency text not null,
    -- A receipt's pledge, when it fulfils one.
    pledge_id text constraint fund_movement_pledge_fk references fund_movement (movement_id),
    -- A payment's recipient; null after the payee retention, or once their account is gone.
    payee_id text constraint fund_movement_payee_fk references member (member_id) on delete set null,
    -- Sealed: who pledged or gave (a pledge, a receipt), or what a payment is for.
    note_sealed bytea,
    recorded_at bigint not null,
    recorded_by text constraint fund_movement_by_fk references member (member_id) on delete set null,
    constraint fund_movement_cents_ck check (cents > 0),
    constraint fund_movement_seq_uq unique (strike_id, seq)
);
create index fund_movement_payee_idx on fund_movement (payee_id);

-- The double-entry lines of a movement: a debit (positive) or credit (negative) to one of
-- the fund's accounts (cash, pledged, contributions, payments). A movement's lines sum to 0.
create table fund_entry (
    movement_id text not null constraint fund_entry_movement_fk references fund_movement (movement_id) on delete cascade,
    line bigint not null,
    account text not null,
    cents bigint not null,
    constraint fund_entry_pk primary key (movement_id, line),
    constraint fund_entry_cents_ck check (cents <> 0)
);
