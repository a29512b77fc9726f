-- Motions: a council's agenda, the discussion of each motion (comments and amendments), the
-- voter roll and the ballot box, and decisions with their count.
--
-- The roll says who has voted and the box says what was voted; they share nothing but the
-- motion. A ballot's id is a keyed hash of motion and voter under a key kept outside the
-- database, so a copy of the database cannot tell whose ballot is whose. The box has no time
-- column. (On SQLite the box and the roll are WITHOUT ROWID tables, so no rowid keeps the order
-- of voting; PostgreSQL has no such option, see docs/data-inventory.md.) Only an open vote
-- keeps the choice on the roll, so members can see who voted what.
--
-- Rules are stored as plain columns (method code and parameters, quorum, majority, secrecy) so
-- a dump reads without the application; the outcome of the count is the JSON the minutes hold.

create table motion (
    motion_id text primary key,
    council_id text not null constraint motion_council_fk references council (council_id) on delete cascade,
    -- Null once the mover deleted their account: the motion is the council's record.
    mover_id text constraint motion_mover_fk references member (member_id) on delete set null,
    kind text not null,
    method text not null,
    -- Method parameters: the maximum score (score), seats and variant (stv); null otherwise.
    score_max bigint,
    seats bigint,
    stv_variant text,
    -- 'none', 'absolute' (quorum_num is the weight) or 'share' (quorum_num/quorum_den).
    quorum_kind text not null,
    quorum_num bigint,
    quorum_den bigint,
    -- 'simple', 'two-thirds' or 'fraction' (majority_num/majority_den).
    majority text not null,
    majority_num bigint,
    majority_den bigint,
    -- 'votes-cast' or 'entitled'.
    majority_base text not null,
    secrecy text not null,
    phase text not null,
    created_at bigint not null,
    voting_opened_at bigint,
    entitled bigint,
    closes_at bigint,
    decided_at bigint,
    -- The count as JSON, once decided.
    outcome text
);
create index motion_council_idx on motion (council_id, created_at);
-- For the sweep that closes motions whose voting time has run out.
create index motion_phase_closes_idx on motion (phase, closes_at);

create table motion_option (
    motion_id text not null constraint motion_option_motion_fk references motion (motion_id) on delete cascade,
    position bigint not null,
    label text not null,
    constraint motion_option_pk primary key (motion_id, position)
);

create table motion_text (
    motion_id text not null constraint motion_text_motion_fk references motion (motion_id) on delete cascade,
    language text not null,
    -- The order the texts were written in: the first is the one shown when the reader's
    -- language is missing.
    position bigint not null,
    title text not null,
    body text not null,
    constraint motion_text_pk primary key (motion_id, language)
);

create table amendment (
    amendment_id text primary key,
    motion_id text not null constraint amendment_motion_fk references motion (motion_id) on delete cascade,
    -- Null once the author deleted their account: the amendment stays in the record.
    author_id text constraint amendment_author_fk references member (member_id) on delete set null,
    language text not null,
    body text not null,
    -- 'proposed', 'accepted' or 'rejected'.
    status text not null,
    created_at bigint not null
);
create index amendment_motion_idx on amendment (motion_id, created_at);

create table motion_comment (
    comment_id text primary key,
    motion_id text not null constraint motion_comment_motion_fk references motion (motion_id) on delete cascade,
    -- Null once the author deleted their account.
    author_id text constraint motion_comment_author_fk references member (member_id) on delete set null,
    body text not null,
    created_at bigint not null
);
create index motion_comment_motion_idx on motion_comment (motion_id, created_at);

-- Who has voted. A deleted member's entry goes with them; their ballot stays in the box.
create table vote_roll (
    motion_id text not null constraint vote_roll_motion_fk references motion (motion_id) on delete cascade,
    member_id text not null constraint vote_roll_member_fk references member (member_id) on delete cascade,
    -- The choice, for an open vote only; null for a secret one.
    choice text,
    constraint vote_roll_pk primary key (motion_id, member_id)
);
create index vote_roll_member_idx on vote_roll (member_id);

-- What was voted: no voter, no time, no insertion order.
create table ballot (
    ballot_id text primary key,
    motion_id text not null constraint ballot_motion_fk references motion (motion_id) on delete cascade,
    choice text not null,
    weight bigint not null
);
-- The count reads a motion's box grouped by choice: with choice and weight in the index it is
-- one scan of the index, never a lookup per ballot.
create index ballot_motion_choice_idx on ballot (motion_id, choice, weight);
