//! The ballot form: a choice per method, read without JavaScript (radio buttons, check
//! boxes, a score or a rank per option) into the domain's `Choice`.

use super::after_form;
use crate::WebState;
use crate::error::WebError;
use crate::viewer::Viewer;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::AppError;
use councils_domain::motion::{Choice, Method};

/// `POST /c/{slug}/motions/{id}/ballot`
pub async fn cast(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state
        .app
        .cast_ballot(actor, &slug, &id, |motion| {
            choice_from_form(&motion.rules.method(), motion.options.len(), &fields)
        })
        .await;
    after_form(&state, &viewer, &slug, &id, result).await
}

/// The value of the first field called `name`, trimmed.
fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// Reads the ballot form of `method` over `options` options.
///
/// - yes/no and consent: one `choice` field (`yes`, `no`, `abstain`; `consent`,
///   `stand-aside`, `object`, `block`);
/// - approval: an `approve` field per approved option, holding its number;
/// - score: a `score-N` field per option (blank counts as 0);
/// - ranked: a `rank-N` field per option holding its rank (1 is first; blank leaves it
///   unranked; the same rank twice means equal preference, where the method allows it).
pub fn choice_from_form(
    method: &Method,
    options: usize,
    fields: &[(String, String)],
) -> Result<Choice, AppError> {
    let number = |text: &str| text.parse::<u32>().map_err(|_| AppError::BadValue);
    let choice = match method {
        Method::YesNo | Method::Consent => {
            let code = field(fields, "choice").ok_or(AppError::FieldMissing)?;
            Choice::decode(method, code)?
        }
        Method::Approval => {
            let mut approved = Vec::new();
            for (_, value) in fields.iter().filter(|(k, _)| k == "approve") {
                approved.push(number(value.trim())? as usize);
            }
            approved.sort_unstable();
            approved.dedup();
            Choice::Approval(approved)
        }
        Method::Score { .. } => {
            let mut scores = Vec::with_capacity(options);
            for i in 0..options {
                scores.push(match field(fields, &format!("score-{i}")) {
                    Some(text) => number(text)?,
                    None => 0,
                });
            }
            Choice::Score(scores)
        }
        Method::Schulze | Method::Irv | Method::Stv { .. } => {
            let mut ranked: Vec<(u32, usize)> = Vec::new();
            for i in 0..options {
                if let Some(text) = field(fields, &format!("rank-{i}")) {
                    let rank = number(text)?;
                    if rank == 0 {
                        return Err(AppError::BadValue);
                    }
                    ranked.push((rank, i));
                }
            }
            ranked.sort_unstable();
            let mut ranks: Vec<Vec<usize>> = Vec::new();
            let mut last = None;
            for (rank, option) in ranked {
                match (last, ranks.last_mut()) {
                    (Some(previous), Some(group)) if previous == rank => group.push(option),
                    _ => ranks.push(vec![option]),
                }
                last = Some(rank);
            }
            Choice::Ranked(ranks)
        }
    };
    choice.validate(method, options)?;
    Ok(choice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use councils_domain::motion::{StvVariant, YesNo};

    fn pairs(fields: &[(&str, &str)]) -> Vec<(String, String)> {
        fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_yes_no_ballot_is_read_from_its_radio_button() {
        let choice = choice_from_form(&Method::YesNo, 0, &pairs(&[("choice", "no")])).unwrap();
        assert_eq!(choice, Choice::YesNo(YesNo::No));
        assert!(matches!(
            choice_from_form(&Method::YesNo, 0, &[]),
            Err(AppError::FieldMissing)
        ));
    }

    #[test]
    fn ranks_typed_beside_each_option_become_an_order_with_gaps_closed() {
        let fields = pairs(&[("rank-0", "3"), ("rank-1", ""), ("rank-2", "1")]);
        let choice = choice_from_form(&Method::Schulze, 3, &fields).unwrap();
        assert_eq!(choice, Choice::Ranked(vec![vec![2], vec![0]]));
    }

    #[test]
    fn the_same_rank_twice_is_an_equal_preference_only_where_the_method_allows_it() {
        let fields = pairs(&[("rank-0", "1"), ("rank-1", "1")]);
        assert_eq!(
            choice_from_form(&Method::Schulze, 2, &fields).unwrap(),
            Choice::Ranked(vec![vec![0, 1]])
        );
        let stv = Method::Stv {
            seats: 1,
            variant: StvVariant::Meek,
        };
        assert!(matches!(
            choice_from_form(&stv, 2, &fields),
            Err(AppError::Ballot(_))
        ));
    }

    #[test]
    fn approvals_and_scores_are_read_per_option_and_bad_numbers_refused() {
        let approval = pairs(&[("approve", "2"), ("approve", "0")]);
        assert_eq!(
            choice_from_form(&Method::Approval, 3, &approval).unwrap(),
            Choice::Approval(vec![0, 2])
        );
        let score = Method::Score { max: 5 };
        assert_eq!(
            choice_from_form(&score, 2, &pairs(&[("score-0", "4")])).unwrap(),
            Choice::Score(vec![4, 0])
        );
        assert!(choice_from_form(&score, 2, &pairs(&[("score-0", "9")])).is_err());
        assert!(matches!(
            choice_from_form(&score, 2, &pairs(&[("score-0", "lots")])),
            Err(AppError::BadValue)
        ));
        assert!(choice_from_form(&Method::Approval, 3, &pairs(&[("approve", "7")])).is_err());
    }
}
