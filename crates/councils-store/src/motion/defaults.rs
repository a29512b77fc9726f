//! A council's defaults for new motions.

use crate::{Db, backend_error, minutes};
use councils_app::StoreError;
use councils_app::ports::MotionDefaults;
use councils_domain::{CouncilId, MemberId, MinutesEvent};
use sqlx::AnyPool;

pub(super) async fn motion_defaults(
    pool: &AnyPool,
    council: &CouncilId,
) -> Result<MotionDefaults, StoreError> {
    let row: Option<(String, String, i64, i64)> = sqlx::query_as(
        "select method, majority, quorum_percent, secret from motion_defaults where council_id = $1",
    )
    .bind(council.as_str())
    .fetch_optional(pool)
    .await
    .map_err(backend_error)?;
    Ok(match row {
        Some((method, majority, quorum_percent, secret)) => MotionDefaults {
            method,
            majority,
            quorum_percent: u32::try_from(quorum_percent)
                .map_err(|_| crate::rows::corrupt("quorum percent"))?,
            secret: secret != 0,
        },
        None => MotionDefaults::default(),
    })
}

pub(super) async fn set_motion_defaults(
    db: &Db,
    council: &CouncilId,
    defaults: &MotionDefaults,
    by: &MemberId,
    at: i64,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "insert into motion_defaults (council_id, method, majority, quorum_percent, secret)
         values ($1, $2, $3, $4, $5)
         on conflict (council_id) do update set method = excluded.method,
             majority = excluded.majority, quorum_percent = excluded.quorum_percent,
             secret = excluded.secret",
    )
    .bind(council.as_str())
    .bind(&defaults.method)
    .bind(&defaults.majority)
    .bind(i64::from(defaults.quorum_percent))
    .bind(i64::from(defaults.secret))
    .execute(&mut *tx)
    .await
    .map_err(crate::motion::missing_or_backend)?;
    let event = MinutesEvent::MotionDefaultsChanged {
        by: by.clone(),
        method: defaults.method.clone(),
        majority: defaults.majority.clone(),
        quorum_percent: defaults.quorum_percent,
        secret: defaults.secret,
    };
    minutes::append(&mut tx, council, at, &event).await?;
    db.commit(tx).await.map_err(backend_error)
}
