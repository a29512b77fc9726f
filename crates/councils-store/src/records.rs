//! Emergency plans (and the record of each sending) and know-your-rights contacts in the
//! database. Incident records and their photos are in `records/incident.rs`.

mod incident;

use crate::{Db, backend_error};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{
    EvidenceRecord, EvidenceRoom, IncidentRecord, MemberPlan, NewEvidence, PlanRecord, PlanSending,
    RecordsStore, RightsContacts,
};
use councils_domain::{CouncilId, EvidenceId, Handle, IncidentId, MemberId, PlanId};

type PlanRow = (String, String, Vec<u8>, i64, i64);

const PLAN_COLUMNS: &str = "plan_id, member_id, body_sealed, created_at, updated_at";

fn plan(row: PlanRow) -> PlanRecord {
    let (id, member, body, created_at, updated_at) = row;
    PlanRecord {
        id: PlanId::new(id),
        member_id: MemberId::new(member),
        body_sealed: body,
        created_at,
        updated_at,
    }
}

#[async_trait]
impl RecordsStore for Db {
    async fn plan_of(&self, member: &MemberId) -> Result<Option<PlanRecord>, StoreError> {
        let row: Option<PlanRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "select {PLAN_COLUMNS} from emergency_plan where member_id = $1"
        )))
        .bind(member.as_str())
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(row.map(plan))
    }

    async fn plan(&self, id: &PlanId) -> Result<Option<PlanRecord>, StoreError> {
        let row: Option<PlanRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "select {PLAN_COLUMNS} from emergency_plan where plan_id = $1"
        )))
        .bind(id.as_str())
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(row.map(plan))
    }

    async fn save_plan(&self, plan: &PlanRecord) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query(
                "insert into emergency_plan (plan_id, member_id, body_sealed, created_at, updated_at) \
                 values ($1, $2, $3, $4, $5) \
                 on conflict (member_id) do update set body_sealed = excluded.body_sealed, \
                 updated_at = excluded.updated_at",
            )
            .bind(plan.id.as_str())
            .bind(plan.member_id.as_str())
            .bind(plan.body_sealed.clone())
            .bind(plan.created_at)
            .bind(plan.updated_at),
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }

    async fn delete_plan(&self, member: &MemberId) -> Result<(), StoreError> {
        // The sendings go with it (on delete cascade).
        let deleted = self
            .write_one(
                sqlx::query("delete from emergency_plan where member_id = $1")
                    .bind(member.as_str()),
            )
            .await
            .map_err(backend_error)?;
        if deleted.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn plans_of_members(&self, council: &CouncilId) -> Result<Vec<MemberPlan>, StoreError> {
        let rows: Vec<(String, String, Vec<u8>, i64, i64, String, Option<i64>)> = sqlx::query_as(
            "select p.plan_id, p.member_id, p.body_sealed, p.created_at, p.updated_at, \
                 m.handle, (select max(s.sent_at) from plan_sending s \
                            where s.plan_id = p.plan_id and s.test = 0) \
                 from emergency_plan p \
                 join membership ms on ms.member_id = p.member_id and ms.council_id = $1 \
                 join member m on m.member_id = p.member_id \
                 where ms.status = 'active' order by m.handle_key",
        )
        .bind(council.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter()
            .map(|(id, member, body, created, updated, handle, last)| {
                Ok(MemberPlan {
                    plan: plan((id, member, body, created, updated)),
                    handle: Handle::parse(&handle).map_err(|_| crate::rows::corrupt("handle"))?,
                    last_sent_at: last,
                })
            })
            .collect()
    }

    async fn record_sending(&self, sending: &PlanSending) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query(
                "insert into plan_sending (plan_sending_id, plan_id, sent_at, sent_by, test) \
                 values ($1, $2, $3, $4, $5)",
            )
            .bind(councils_app::crypto::new_id())
            .bind(sending.plan_id.as_str())
            .bind(sending.sent_at)
            .bind(sending.sent_by.as_ref().map(|m| m.as_str().to_string()))
            .bind(i64::from(sending.test)),
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }

    async fn sendings(&self, plan: &PlanId) -> Result<Vec<PlanSending>, StoreError> {
        let rows: Vec<(i64, Option<String>, i64)> = sqlx::query_as(
            "select sent_at, sent_by, test from plan_sending where plan_id = $1 \
             order by sent_at desc, plan_sending_id",
        )
        .bind(plan.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(rows
            .into_iter()
            .map(|(sent_at, by, test)| PlanSending {
                plan_id: plan.clone(),
                sent_at,
                sent_by: by.map(MemberId::new),
                test: test != 0,
            })
            .collect())
    }

    async fn create_incident(&self, incident: &IncidentRecord) -> Result<(), StoreError> {
        incident::create(self, incident).await
    }

    async fn incident(&self, id: &IncidentId) -> Result<Option<IncidentRecord>, StoreError> {
        incident::one(self, id).await
    }

    async fn incidents_of(&self, council: &CouncilId) -> Result<Vec<IncidentRecord>, StoreError> {
        incident::of_council(self, council).await
    }

    async fn delete_incident(&self, id: &IncidentId) -> Result<(), StoreError> {
        incident::delete(self, id).await
    }

    async fn add_evidence(
        &self,
        incident: &IncidentId,
        files: &[NewEvidence],
        room: EvidenceRoom,
    ) -> Result<bool, StoreError> {
        incident::add_evidence(self, incident, files, room).await
    }

    async fn evidence_of(&self, incident: &IncidentId) -> Result<Vec<EvidenceRecord>, StoreError> {
        incident::evidence_of(self, incident).await
    }

    async fn evidence_file(
        &self,
        incident: &IncidentId,
        id: &EvidenceId,
    ) -> Result<Option<(EvidenceRecord, Vec<u8>)>, StoreError> {
        incident::evidence_file(self, incident, id).await
    }

    async fn delete_evidence(
        &self,
        incident: &IncidentId,
        id: &EvidenceId,
    ) -> Result<(), StoreError> {
        incident::delete_evidence(self, incident, id).await
    }

    async fn rights_contacts(&self, council: &CouncilId) -> Result<RightsContacts, StoreError> {
        let row: Option<(String, String)> =
            sqlx::query_as("select hotline, legal from rights_contact where council_id = $1")
                .bind(council.as_str())
                .fetch_optional(&self.read)
                .await
                .map_err(backend_error)?;
        Ok(row
            .map(|(hotline, legal)| RightsContacts { hotline, legal })
            .unwrap_or_default())
    }

    async fn set_rights_contacts(
        &self,
        council: &CouncilId,
        contacts: &RightsContacts,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query(
                "insert into rights_contact (council_id, hotline, legal, updated_at, updated_by) \
                 values ($1, $2, $3, $4, $5) \
                 on conflict (council_id) do update set hotline = excluded.hotline, \
                 legal = excluded.legal, updated_at = excluded.updated_at, \
                 updated_by = excluded.updated_by",
            )
            .bind(council.as_str())
            .bind(contacts.hotline.clone())
            .bind(contacts.legal.clone())
            .bind(now)
            .bind(by.as_str()),
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }
}
