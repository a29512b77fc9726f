-- Publications: statements and leaflets a council publishes in one or more languages, and
-- members' threaded comments on them with their moderation.
--
-- Titles, texts and comments are sealed by the application (XChaCha20-Poly1305 under the
-- instance key, not in the database): a members-only statement or a member's words are not
-- for whoever holds a copy of the file. Plain columns are what decides who reads a row:
-- status, public, the council. A removed comment keeps its row (its replies keep their
-- place) and loses its text; a hidden one loses its text after 30 days (the server's sweep).

-- A publication of a council: a draft (organisers only) or published (members; anyone if public).
create table publication (
    publication_id text primary key,
    council_id text not null constraint publication_council_fk references council (council_id) on delete cascade,
    status text not null constraint publication_status_ck check (status in ('draft', 'published')),
    public bigint not null constraint publication_public_ck check (public in (0, 1)),
    -- The organiser who wrote it; null once their account is deleted.
    created_by text constraint publication_created_by_fk references member (member_id) on delete set null,
    created_at bigint not null,
    published_at bigint
);
create index publication_council_idx on publication (council_id, created_at);
create index publication_public_idx on publication (public, status, published_at);

-- One language's title and Markdown text, both sealed; `position` keeps the order written.
create table publication_text (
    publication_id text not null constraint publication_text_publication_fk references publication (publication_id) on delete cascade,
    language text not null,
    position bigint not null,
    title_sealed blob not null,
    body_sealed blob not null,
    constraint publication_text_pk primary key (publication_id, language)
);

-- A member's comment, or a reply to one (`parent_id`), on a publication.
create table publication_comment (
    comment_id text primary key,
    publication_id text not null constraint publication_comment_publication_fk references publication (publication_id) on delete cascade,
    parent_id text constraint publication_comment_parent_fk references publication_comment (comment_id) on delete cascade,
    -- Null once the author's account is deleted: the thread stays.
    author_id text constraint publication_comment_author_fk references member (member_id) on delete set null,
    -- Sealed; null once removed, or erased after being hidden too long.
    body_sealed blob,
    status text not null constraint publication_comment_status_ck check (status in ('shown', 'hidden', 'removed')),
    created_at bigint not null,
    -- The order comments came in (times are in seconds, and a thread keeps its order).
    position bigint not null,
    moderated_at bigint
);
create index publication_comment_publication_idx on publication_comment (publication_id, created_at);
create index publication_comment_hidden_idx on publication_comment (status, moderated_at);
