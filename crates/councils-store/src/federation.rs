//! Federation links: requests, acceptance with a cycle check inside the transaction, ending.

use crate::rows::{LinkRow, link_status_code};
use crate::{Backend, Db, backend_error, minutes};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{FederationStore, LinkRecord, LinkStatus};
use councils_domain::federation::FederationError;
use councils_domain::{CouncilId, FederationGraph, MemberId, MinutesEvent};
use sqlx::AnyConnection;

/// The links touching one council.
async fn read_links_of(
    conn: &mut AnyConnection,
    council: &CouncilId,
) -> Result<Vec<LinkRecord>, StoreError> {
    let rows: Vec<LinkRow> = sqlx::query_as(
        "select constituent_id, parent_id, status, requested_at from council_link
         where constituent_id = $1 or parent_id = $1",
    )
    .bind(council.as_str())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    rows.into_iter().map(LinkRecord::try_from).collect()
}

async fn read_links(conn: &mut AnyConnection) -> Result<Vec<LinkRecord>, StoreError> {
    let rows: Vec<LinkRow> =
        sqlx::query_as("select constituent_id, parent_id, status, requested_at from council_link")
            .fetch_all(&mut *conn)
            .await
            .map_err(backend_error)?;
    rows.into_iter().map(LinkRecord::try_from).collect()
}

impl Db {
    /// Checks, inside the transaction, that the link makes no cycle with the links in force.
    pub(crate) async fn check_link(
        &self,
        conn: &mut AnyConnection,
        constituent: &CouncilId,
        parent: &CouncilId,
    ) -> Result<Vec<LinkRecord>, StoreError> {
        if self.backend() == Backend::Postgres {
            // Two accepts racing could each see no cycle; serialise them. SQLite has one writer.
            sqlx::query("lock table council_link in share row exclusive mode")
                .execute(&mut *conn)
                .await
                .map_err(backend_error)?;
        }
        let links = read_links(conn).await?;
        let graph = FederationGraph::from_links(
            links
                .iter()
                .filter(|l| l.status == LinkStatus::Active)
                .map(|l| (l.constituent.clone(), l.parent.clone())),
        );
        graph.check_link(constituent, parent)?;
        Ok(links)
    }

    async fn record_both(
        conn: &mut AnyConnection,
        constituent: &CouncilId,
        parent: &CouncilId,
        now: i64,
        event: MinutesEvent,
    ) -> Result<(), StoreError> {
        minutes::append(conn, constituent, now, &event).await?;
        minutes::append(conn, parent, now, &event).await
    }
}

#[async_trait]
impl FederationStore for Db {
    async fn links(&self) -> Result<Vec<LinkRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        read_links(&mut conn).await
    }

    async fn links_of(&self, council: &CouncilId) -> Result<Vec<LinkRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        read_links_of(&mut conn, council).await
    }

    async fn request_link(
        &self,
        constituent: &CouncilId,
        parent: &CouncilId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let links = self.check_link(&mut tx, constituent, parent).await?;
        if links
            .iter()
            .any(|l| &l.constituent == constituent && &l.parent == parent)
        {
            return Err(FederationError::AlreadyLinked.into());
        }
        sqlx::query("insert into council_link (constituent_id, parent_id, status, requested_at) values ($1, $2, $3, $4)")
            .bind(constituent.as_str())
            .bind(parent.as_str())
            .bind(link_status_code(LinkStatus::Requested))
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        let event = MinutesEvent::LinkRequested {
            constituent: constituent.clone(),
            parent: parent.clone(),
            by: by.clone(),
        };
        Self::record_both(&mut tx, constituent, parent, now, event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn accept_link(
        &self,
        constituent: &CouncilId,
        parent: &CouncilId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        self.check_link(&mut tx, constituent, parent).await?;
        let updated = sqlx::query(
            "update council_link set status = 'active' where constituent_id = $1 and parent_id = $2 and status = 'requested'",
        )
        .bind(constituent.as_str())
        .bind(parent.as_str())
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        if updated.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        let event = MinutesEvent::LinkAccepted {
            constituent: constituent.clone(),
            parent: parent.clone(),
            by: by.clone(),
        };
        Self::record_both(&mut tx, constituent, parent, now, event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn end_link(
        &self,
        constituent: &CouncilId,
        parent: &CouncilId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let deleted =
            sqlx::query("delete from council_link where constituent_id = $1 and parent_id = $2")
                .bind(constituent.as_str())
                .bind(parent.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_error)?;
        if deleted.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        // The constituent no longer sends delegates there: their seats end with the link.
        crate::democracy::seating::end_seats(&mut tx, constituent, Some(parent), None, now).await?;
        let event = MinutesEvent::LinkEnded {
            constituent: constituent.clone(),
            parent: parent.clone(),
            by: by.clone(),
        };
        Self::record_both(&mut tx, constituent, parent, now, event).await?;
        self.commit(tx).await.map_err(backend_error)
    }
}
