//! Rows as the database returns them, and their conversion into the app's records.

use councils_app::StoreError;
use councils_app::ports::{LinkRecord, LinkStatus, MemberRecord, SessionKind, SessionRecord};
use councils_domain::{
    Council, CouncilId, CouncilKind, CouncilName, CouncilSettings, Handle, Language, MemberId,
    MembershipStatus, Role, SeatRule, SessionId, Slug,
};

pub(crate) fn corrupt(what: &str) -> StoreError {
    StoreError::Backend(format!("unreadable {what} in the database"))
}

pub(crate) fn language(code: &str) -> Result<Language, StoreError> {
    Language::from_code(code).ok_or_else(|| corrupt("language"))
}

pub(crate) fn role(code: &str) -> Result<Role, StoreError> {
    Role::from_code(code).ok_or_else(|| corrupt("role"))
}

pub(crate) fn status(code: &str) -> Result<MembershipStatus, StoreError> {
    MembershipStatus::from_code(code).ok_or_else(|| corrupt("membership status"))
}

#[derive(sqlx::FromRow)]
pub(crate) struct MemberRow {
    member_id: String,
    handle: String,
    language: String,
    passphrase_hash: String,
    email_sealed: Option<Vec<u8>>,
    created_at: i64,
}

/// The columns of a [`MemberRow`], for `concat!` into static SQL.
macro_rules! member_columns {
    () => {
        "member_id, handle, language, passphrase_hash, email_sealed, created_at"
    };
}
pub(crate) use member_columns;

impl TryFrom<MemberRow> for MemberRecord {
    type Error = StoreError;
    fn try_from(row: MemberRow) -> Result<Self, StoreError> {
        Ok(MemberRecord {
            id: MemberId::new(row.member_id),
            handle: Handle::from_stored(row.handle),
            language: language(&row.language)?,
            passphrase_hash: row.passphrase_hash,
            email_sealed: row.email_sealed,
            created_at: row.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct CouncilRow {
    pub council_id: String,
    slug: String,
    kind: String,
    vouches_required: i64,
    members_per_delegate: i64,
    minimum_seats: i64,
}

/// The columns of a [`CouncilRow`], for `concat!` into static SQL.
macro_rules! council_columns {
    () => {
        "council_id, slug, kind, vouches_required, members_per_delegate, minimum_seats"
    };
}
pub(crate) use council_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct NameRow {
    pub council_id: String,
    language: String,
    name: String,
    description: String,
}

impl CouncilRow {
    /// The council, with the names that belong to it among `names`.
    pub(crate) fn into_council(self, names: &[NameRow]) -> Result<Council, StoreError> {
        let names = names
            .iter()
            .filter(|n| n.council_id == self.council_id)
            .map(|n| {
                Ok(CouncilName {
                    language: language(&n.language)?,
                    name: n.name.clone(),
                    description: n.description.clone(),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        if names.is_empty() {
            return Err(corrupt("council without a name"));
        }
        Ok(Council {
            id: CouncilId::new(self.council_id),
            slug: Slug::from_stored(self.slug),
            kind: CouncilKind::from_code(&self.kind).ok_or_else(|| corrupt("council kind"))?,
            names,
            settings: CouncilSettings {
                vouches_required: self.vouches_required as u32,
                seat_rule: SeatRule {
                    members_per_delegate: self.members_per_delegate as u32,
                    minimum: self.minimum_seats as u32,
                },
            },
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct LinkRow {
    constituent_id: String,
    parent_id: String,
    status: String,
    requested_at: i64,
}

impl TryFrom<LinkRow> for LinkRecord {
    type Error = StoreError;
    fn try_from(row: LinkRow) -> Result<Self, StoreError> {
        Ok(LinkRecord {
            constituent: CouncilId::new(row.constituent_id),
            parent: CouncilId::new(row.parent_id),
            status: link_status(&row.status)?,
            requested_at: row.requested_at,
        })
    }
}

pub(crate) fn link_status(code: &str) -> Result<LinkStatus, StoreError> {
    match code {
        "requested" => Ok(LinkStatus::Requested),
        "active" => Ok(LinkStatus::Active),
        _ => Err(corrupt("link status")),
    }
}

pub(crate) fn link_status_code(status: LinkStatus) -> &'static str {
    match status {
        LinkStatus::Requested => "requested",
        LinkStatus::Active => "active",
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SessionRow {
    session_id: String,
    token_hash: String,
    member_id: String,
    kind: String,
    created_at: i64,
    last_seen_at: i64,
}

/// The columns of a [`SessionRow`], for `concat!` into static SQL.
macro_rules! session_columns {
    () => {
        "session_id, token_hash, member_id, kind, created_at, last_seen_at"
    };
}
pub(crate) use session_columns;

pub(crate) fn session_kind_code(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Browser => "browser",
        SessionKind::Api => "api",
    }
}

impl TryFrom<SessionRow> for SessionRecord {
    type Error = StoreError;
    fn try_from(row: SessionRow) -> Result<Self, StoreError> {
        Ok(SessionRecord {
            id: SessionId::new(row.session_id),
            token_hash: row.token_hash,
            member_id: MemberId::new(row.member_id),
            kind: match row.kind.as_str() {
                "browser" => SessionKind::Browser,
                "api" => SessionKind::Api,
                _ => return Err(corrupt("session kind")),
            },
            created_at: row.created_at,
            last_seen_at: row.last_seen_at,
        })
    }
}
