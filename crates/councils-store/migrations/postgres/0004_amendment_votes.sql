-- An amendment the mover did not accept can be put to the council's vote: a yes/no motion of
-- its own ('voting' status), whose decision takes the amendment into the motion's text or
-- rejects it, in the transaction that counts it.
alter table amendment add column vote_motion_id text constraint amendment_vote_fk references motion (motion_id) on delete set null;
create index amendment_vote_idx on amendment (vote_motion_id);

-- A council's defaults for new motions; no row means yes/no, a simple majority of votes cast,
-- no quorum, an open vote. Codes are the new-motion form's.
create table motion_defaults (
    council_id text primary key constraint motion_defaults_council_fk references council (council_id) on delete cascade,
    method text not null,
    -- 'simple', 'two-thirds' or 'members'.
    majority text not null,
    -- Share of the members entitled who must vote, in percent; 0 for none.
    quorum_percent bigint not null,
    secret bigint not null
);
