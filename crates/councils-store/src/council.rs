//! Councils: founding, reading, settings, and their minutes.

use crate::membership::add_membership;
use crate::rows::{CouncilRow, NameRow, council_columns};
use crate::{Db, backend_error, is_unique_violation, minutes};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{CouncilStore, NewCouncil};
use councils_domain::{
    Council, CouncilId, CouncilName, CouncilSettings, MemberId, MembershipStatus, MinutesEntry,
    MinutesEvent, Role, Slug,
};
use sqlx::{AnyConnection, AnyPool};

/// Inserts a council, its names and the first entry of its minutes.
pub(crate) async fn insert_council(
    conn: &mut AnyConnection,
    council: &NewCouncil,
    founder: Option<&MemberId>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into council (council_id, slug, kind, vouches_required, members_per_delegate, minimum_seats, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(council.id.as_str())
    .bind(council.slug.as_str())
    .bind(council.kind.code())
    .bind(i64::from(council.settings.vouches_required))
    .bind(i64::from(council.settings.seat_rule.members_per_delegate))
    .bind(i64::from(council.settings.seat_rule.minimum))
    .bind(now)
    .execute(&mut *conn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::SlugTaken
        } else {
            backend_error(e)
        }
    })?;
    insert_names(conn, &council.id, &council.names).await?;
    let event = MinutesEvent::CouncilFounded {
        by: founder.cloned(),
        kind: council.kind,
    };
    minutes::append(conn, &council.id, now, &event).await
}

async fn insert_names(
    conn: &mut AnyConnection,
    council: &CouncilId,
    names: &[CouncilName],
) -> Result<(), StoreError> {
    for name in names {
        sqlx::query("insert into council_name (council_id, language, name, description) values ($1, $2, $3, $4)")
            .bind(council.as_str())
            .bind(name.language.code())
            .bind(&name.name)
            .bind(&name.description)
            .execute(&mut *conn)
            .await
            .map_err(backend_error)?;
    }
    Ok(())
}

/// A council row joined with one of its names.
#[derive(sqlx::FromRow)]
struct CouncilNameRow {
    #[sqlx(flatten)]
    council: CouncilRow,
    #[sqlx(flatten)]
    name: NameRow,
}

/// One council with its names, in one query (council pages read one on every request).
macro_rules! one_council {
    ($filter:literal) => {
        concat!(
            "select c.council_id, c.slug, c.kind, c.vouches_required, c.members_per_delegate, ",
            "c.minimum_seats, n.language, n.name, n.description ",
            "from council c join council_name n on n.council_id = c.council_id ",
            $filter,
            " order by n.language"
        )
    };
}

async fn load_one(
    pool: &AnyPool,
    query: sqlx::query::QueryAs<'_, sqlx::Any, CouncilNameRow, sqlx::any::AnyArguments>,
) -> Result<Option<Council>, StoreError> {
    let rows: Vec<CouncilNameRow> = query.fetch_all(pool).await.map_err(backend_error)?;
    let mut rows = rows.into_iter();
    let Some(first) = rows.next() else {
        return Ok(None);
    };
    let names: Vec<NameRow> = std::iter::once(first.name)
        .chain(rows.map(|r| r.name))
        .collect();
    first.council.into_council(&names).map(Some)
}

/// Every council with its names.
async fn load_all(pool: &AnyPool) -> Result<Vec<Council>, StoreError> {
    let rows: Vec<CouncilRow> = sqlx::query_as(concat!(
        "select ",
        council_columns!(),
        " from council order by slug"
    ))
    .fetch_all(pool)
    .await
    .map_err(backend_error)?;
    let names: Vec<NameRow> = sqlx::query_as(
        "select council_id, language, name, description from council_name order by language",
    )
    .fetch_all(pool)
    .await
    .map_err(backend_error)?;
    rows.into_iter()
        .map(|row| row.into_council(&names))
        .collect()
}

#[async_trait]
impl CouncilStore for Db {
    async fn council(&self, id: &CouncilId) -> Result<Option<Council>, StoreError> {
        load_one(
            &self.read,
            sqlx::query_as(one_council!("where c.council_id = $1")).bind(id.as_str().to_string()),
        )
        .await
    }

    async fn council_by_slug(&self, slug: &Slug) -> Result<Option<Council>, StoreError> {
        load_one(
            &self.read,
            sqlx::query_as(one_council!("where c.slug = $1")).bind(slug.as_str().to_string()),
        )
        .await
    }

    async fn all_councils(&self) -> Result<Vec<Council>, StoreError> {
        load_all(&self.read).await
    }

    async fn found_council(
        &self,
        council: &NewCouncil,
        founder: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        insert_council(&mut tx, council, Some(founder), now).await?;
        add_membership(
            &mut tx,
            &council.id,
            founder,
            Role::Organiser,
            MembershipStatus::Active,
            now,
        )
        .await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn update_council(
        &self,
        id: &CouncilId,
        names: &[CouncilName],
        settings: CouncilSettings,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let old = self.council(id).await?.ok_or(StoreError::NotFound)?;
        let mut tx = self.begin().await?;
        if old.settings != settings {
            sqlx::query(
                "update council set vouches_required = $1, members_per_delegate = $2, minimum_seats = $3
                 where council_id = $4",
            )
            .bind(i64::from(settings.vouches_required))
            .bind(i64::from(settings.seat_rule.members_per_delegate))
            .bind(i64::from(settings.seat_rule.minimum))
            .bind(id.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
            let event = MinutesEvent::SettingsChanged {
                by: by.clone(),
                vouches_required: settings.vouches_required,
                members_per_delegate: settings.seat_rule.members_per_delegate,
                minimum_seats: settings.seat_rule.minimum,
            };
            minutes::append(&mut tx, id, now, &event).await?;
        }
        if old.names != names {
            sqlx::query("delete from council_name where council_id = $1")
                .bind(id.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_error)?;
            insert_names(&mut tx, id, names).await?;
            minutes::append(
                &mut tx,
                id,
                now,
                &MinutesEvent::NamesChanged { by: by.clone() },
            )
            .await?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn minutes(&self, council: &CouncilId) -> Result<Vec<MinutesEntry>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        minutes::read(&mut conn, council).await
    }
}
