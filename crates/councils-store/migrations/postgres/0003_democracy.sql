-- Council democracy: elections of delegates, delegates and their terms, mandates, votes
-- against them, recalls with their signatures, referendums, and each council's delegation
-- rules. Delegates answer to the council that elected them, so how a delegate voted is kept
-- (the higher council's votes are open) and a vote against the mandate is recorded.
--
-- A delegate's row goes with the member's account (the minutes keep the opaque ids); a
-- recall's starter and signers are kept as opaque ids too and go with their accounts.

-- A council's rules for its delegates; no row means the defaults (no term cap, contrary
-- votes refused, recall by a majority removing at once, votes weighted by members).
create table delegation_rules (
    council_id text primary key constraint delegation_rules_council_fk references council (council_id) on delete cascade,
    -- Consecutive terms allowed; null for no cap.
    term_cap bigint,
    -- 'refuse' or 'record-and-flag'.
    mandate_policy text not null,
    -- 'majority', 'count' (recall_num) or 'share' (recall_num/recall_den).
    recall_threshold text not null,
    recall_num bigint,
    recall_den bigint,
    -- 'remove-at-threshold' or 'open-recall-vote'.
    recall_mode text not null,
    -- 'members' or 'seats'.
    vote_weighting text not null
);

-- An election motion of a constituent, for its delegates to a higher council.
create table election (
    motion_id text primary key constraint election_motion_fk references motion (motion_id) on delete cascade,
    constituent_id text not null constraint election_constituent_fk references council (council_id) on delete cascade,
    parent_id text not null constraint election_parent_fk references council (council_id) on delete cascade,
    term_months bigint not null,
    -- 1 for a by-election, which fills vacant seats and leaves the sitting delegates be.
    by_election bigint not null
);

-- The candidates of an election, one per option of its motion, in the same order.
create table election_candidate (
    motion_id text not null constraint election_candidate_election_fk references election (motion_id) on delete cascade,
    position bigint not null,
    member_id text not null constraint election_candidate_member_fk references member (member_id) on delete cascade,
    constraint election_candidate_pk primary key (motion_id, position)
);

create table delegate (
    delegate_id text primary key,
    constituent_id text not null constraint delegate_constituent_fk references council (council_id) on delete cascade,
    parent_id text not null constraint delegate_parent_fk references council (council_id) on delete cascade,
    member_id text not null constraint delegate_member_fk references member (member_id) on delete cascade,
    election_motion_id text not null constraint delegate_election_fk references election (motion_id) on delete cascade,
    term_starts_at bigint not null,
    term_ends_at bigint not null,
    -- 'active', 'recalled' or 'ended'.
    status text not null,
    ended_at bigint,
    -- 1 when the membership of the higher council came with the seat (and goes with it).
    seated bigint not null
);
create index delegate_constituent_idx on delegate (constituent_id, status);
create index delegate_parent_idx on delegate (parent_id, status);

-- A constituent's motion voting the mandate on a higher council's motion.
create table mandate_motion (
    motion_id text primary key constraint mandate_motion_motion_fk references motion (motion_id) on delete cascade,
    for_motion_id text not null constraint mandate_motion_for_fk references motion (motion_id) on delete cascade,
    constituent_id text not null constraint mandate_motion_constituent_fk references council (council_id) on delete cascade
);
create index mandate_motion_for_idx on mandate_motion (for_motion_id);

-- The mandate in force: the last mandate motion decided wins.
create table mandate (
    for_motion_id text not null constraint mandate_for_fk references motion (motion_id) on delete cascade,
    constituent_id text not null constraint mandate_constituent_fk references council (council_id) on delete cascade,
    -- MandateChoice::encode: 'for', 'against', 'abstain', 'free' or 'r:' and a ranking.
    choice text not null,
    mandate_motion_id text not null constraint mandate_mandate_motion_fk references motion (motion_id) on delete cascade,
    decided_at bigint not null,
    constraint mandate_pk primary key (for_motion_id, constituent_id)
);
create index mandate_constituent_idx on mandate (constituent_id, decided_at);

-- A delegate's vote counted against the mandate (under 'record-and-flag').
create table contrary_vote (
    delegate_id text not null constraint contrary_vote_delegate_fk references delegate (delegate_id) on delete cascade,
    motion_id text not null constraint contrary_vote_motion_fk references motion (motion_id) on delete cascade,
    voted_at bigint not null,
    constraint contrary_vote_pk primary key (delegate_id, motion_id)
);

create table recall (
    recall_id text primary key,
    delegate_id text not null constraint recall_delegate_fk references delegate (delegate_id) on delete cascade,
    constituent_id text not null constraint recall_constituent_fk references council (council_id) on delete cascade,
    reason text not null,
    -- Null when opened by a vote against the mandate, or once the starter deleted their account.
    started_by text constraint recall_started_by_fk references member (member_id) on delete set null,
    started_at bigint not null,
    -- 'collecting', 'vote-opened', 'succeeded', 'failed' or 'withdrawn'.
    state text not null,
    vote_motion_id text constraint recall_vote_motion_fk references motion (motion_id) on delete set null
);
create index recall_delegate_idx on recall (delegate_id, started_at);

-- Who signed a recall, once each, in order.
create table recall_signature (
    recall_id text not null constraint recall_signature_recall_fk references recall (recall_id) on delete cascade,
    member_id text not null constraint recall_signature_member_fk references member (member_id) on delete cascade,
    signed_at bigint not null,
    position bigint not null,
    constraint recall_signature_pk primary key (recall_id, member_id)
);

-- A higher council's motion put to a referendum of every base member below it.
create table referendum (
    motion_id text primary key constraint referendum_motion_fk references motion (motion_id) on delete cascade,
    called_by text constraint referendum_called_by_fk references member (member_id) on delete set null,
    called_at bigint not null
);
