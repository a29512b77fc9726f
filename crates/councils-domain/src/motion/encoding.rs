//! The compact text form of a ballot, as stored: short, readable in a database dump, and one
//! spelling per ballot (numbers without signs or leading zeros), so equal ballots are equal
//! text.
//!
//! - yes/no: `yes`, `no`, `abstain`
//! - consent: `consent`, `object`, `stand-aside`, `block`
//! - approval: `a:` and the approved options, `a:0,2` (a blank ballot is `a:`)
//! - score: `s:` and one score per option, `s:3,0,5`
//! - ranked: `r:` and the ranks, most preferred first, options ranked equal joined by `=`:
//!   `r:2,0=1` ranks option 2 first, then 0 and 1 equal.

use std::str::FromStr;

use super::{BallotError, Choice, ConsentChoice, Method, YesNo};

impl Choice {
    /// The stored form. Every valid ballot decodes back to itself.
    pub fn encode(&self) -> String {
        match self {
            Choice::YesNo(v) => yes_no_code(*v).to_string(),
            Choice::Consent(c) => consent_code(*c).to_string(),
            Choice::Approval(approved) => format!("a:{}", join(approved, ",")),
            Choice::Score(scores) => format!("s:{}", join(scores, ",")),
            Choice::Ranked(ranks) => format!("r:{}", encode_ranks(ranks)),
        }
    }

    /// Reads a stored ballot of a motion counted by `method`. Only the form is checked here;
    /// [`Choice::validate`] checks it against the motion's options.
    pub fn decode(method: &Method, text: &str) -> Result<Choice, BallotError> {
        let wrong_kind = BallotError::WrongKind {
            method: method.code(),
        };
        match method {
            Method::YesNo => match text {
                "yes" => Ok(Choice::YesNo(YesNo::Yes)),
                "no" => Ok(Choice::YesNo(YesNo::No)),
                "abstain" => Ok(Choice::YesNo(YesNo::Abstain)),
                _ => Err(kind_or_malformed(text, wrong_kind)),
            },
            Method::Consent => match text {
                "consent" => Ok(Choice::Consent(ConsentChoice::Consent)),
                "object" => Ok(Choice::Consent(ConsentChoice::Object)),
                "stand-aside" => Ok(Choice::Consent(ConsentChoice::StandAside)),
                "block" => Ok(Choice::Consent(ConsentChoice::Block)),
                _ => Err(kind_or_malformed(text, wrong_kind)),
            },
            Method::Approval => match text.strip_prefix("a:") {
                Some(list) => Ok(Choice::Approval(split_numbers(list, ',')?)),
                None => Err(kind_or_malformed(text, wrong_kind)),
            },
            Method::Score { .. } => match text.strip_prefix("s:") {
                Some(list) => Ok(Choice::Score(split_numbers(list, ',')?)),
                None => Err(kind_or_malformed(text, wrong_kind)),
            },
            Method::Schulze | Method::Irv | Method::Stv { .. } => match text.strip_prefix("r:") {
                Some(ranks) => Ok(Choice::Ranked(decode_ranks(ranks)?)),
                None => Err(kind_or_malformed(text, wrong_kind)),
            },
        }
    }
}

/// A ranking as text: ranks joined by `,`, options ranked equal by `=`.
pub(crate) fn encode_ranks(ranks: &[Vec<usize>]) -> String {
    ranks
        .iter()
        .map(|group| join(group, "="))
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads a ranking written by [`encode_ranks`]; an empty text is an empty ranking.
pub(crate) fn decode_ranks(text: &str) -> Result<Vec<Vec<usize>>, BallotError> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|group| group.split('=').map(number).collect())
        .collect()
}

fn yes_no_code(v: YesNo) -> &'static str {
    match v {
        YesNo::Yes => "yes",
        YesNo::No => "no",
        YesNo::Abstain => "abstain",
    }
}

fn consent_code(c: ConsentChoice) -> &'static str {
    match c {
        ConsentChoice::Consent => "consent",
        ConsentChoice::Object => "object",
        ConsentChoice::StandAside => "stand-aside",
        ConsentChoice::Block => "block",
    }
}

/// A well-formed ballot of another form is the wrong kind; anything else is malformed.
fn kind_or_malformed(text: &str, wrong_kind: BallotError) -> BallotError {
    let other_form = [
        "yes",
        "no",
        "abstain",
        "consent",
        "object",
        "stand-aside",
        "block",
    ]
    .contains(&text)
        || ["a:", "s:", "r:"].iter().any(|p| text.starts_with(p));
    if other_form {
        wrong_kind
    } else {
        BallotError::Malformed
    }
}

fn join<T: ToString>(xs: &[T], sep: &str) -> String {
    xs.iter().map(T::to_string).collect::<Vec<_>>().join(sep)
}

fn split_numbers<T: FromStr>(list: &str, sep: char) -> Result<Vec<T>, BallotError> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    list.split(sep).map(number).collect()
}

/// A number in its one spelling: ASCII digits, no sign, no leading zero.
fn number<T: FromStr>(text: &str) -> Result<T, BallotError> {
    let canonical = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    if !canonical {
        return Err(BallotError::Malformed);
    }
    text.parse().map_err(|_| BallotError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::motion::StvVariant;
    use proptest::prelude::*;

    const STV: Method = Method::Stv {
        seats: 1,
        variant: StvVariant::Meek,
    };

    #[test]
    fn ballots_are_stored_in_their_short_form() {
        assert_eq!(Choice::YesNo(YesNo::Abstain).encode(), "abstain");
        assert_eq!(
            Choice::Consent(ConsentChoice::StandAside).encode(),
            "stand-aside"
        );
        assert_eq!(Choice::Approval(vec![0, 2]).encode(), "a:0,2");
        assert_eq!(Choice::Approval(vec![]).encode(), "a:");
        assert_eq!(Choice::Score(vec![3, 0, 5]).encode(), "s:3,0,5");
        assert_eq!(
            Choice::Ranked(vec![vec![2], vec![0, 1]]).encode(),
            "r:2,0=1"
        );
    }

    #[test]
    fn a_stored_ballot_is_read_for_its_method() {
        assert_eq!(
            Choice::decode(&Method::Schulze, "r:2,0=1"),
            Ok(Choice::Ranked(vec![vec![2], vec![0, 1]]))
        );
        assert_eq!(
            Choice::decode(&Method::YesNo, "no"),
            Ok(Choice::YesNo(YesNo::No))
        );
        assert_eq!(
            Choice::decode(&Method::Approval, "a:"),
            Ok(Choice::Approval(vec![]))
        );
    }

    #[test]
    fn a_ballot_of_another_method_is_the_wrong_kind() {
        assert_eq!(
            Choice::decode(&Method::Irv, "a:1"),
            Err(BallotError::WrongKind { method: "irv" })
        );
        assert_eq!(
            Choice::decode(&Method::Consent, "yes"),
            Err(BallotError::WrongKind { method: "consent" })
        );
    }

    #[test]
    fn text_that_is_no_ballot_is_malformed() {
        for text in [
            "",
            "maybe",
            "r:1,,2",
            "r:1=",
            "a:01",
            "a:+1",
            "s:-1",
            "a:1 ",
            "r:x",
            "s:99999999999",
        ] {
            let method = match text.get(..2) {
                Some("a:") => Method::Approval,
                Some("s:") => Method::Score { max: 5 },
                Some("r:") => Method::Schulze,
                _ => Method::YesNo,
            };
            assert_eq!(
                Choice::decode(&method, text),
                Err(BallotError::Malformed),
                "{text:?}"
            );
        }
    }

    fn ranking(options: usize, equal: bool) -> impl Strategy<Value = Vec<Vec<usize>>> {
        Just((0..options).collect::<Vec<_>>())
            .prop_shuffle()
            .prop_flat_map(move |order| {
                let n = order.len();
                (
                    Just(order),
                    1..=n,
                    proptest::collection::vec(any::<bool>(), n),
                )
            })
            .prop_map(move |(order, take, joins)| {
                let mut ranks: Vec<Vec<usize>> = Vec::new();
                for (i, &o) in order[..take].iter().enumerate() {
                    match ranks.last_mut() {
                        Some(last) if equal && joins[i] => last.push(o),
                        _ => ranks.push(vec![o]),
                    }
                }
                ranks
            })
    }

    fn method_and_choice() -> impl Strategy<Value = (Method, usize, Choice)> {
        (2usize..=50).prop_flat_map(|n| {
            prop_oneof![
                prop_oneof![Just(YesNo::Yes), Just(YesNo::No), Just(YesNo::Abstain)]
                    .prop_map(move |v| (Method::YesNo, n, Choice::YesNo(v))),
                prop_oneof![
                    Just(ConsentChoice::Consent),
                    Just(ConsentChoice::Object),
                    Just(ConsentChoice::StandAside),
                    Just(ConsentChoice::Block)
                ]
                .prop_map(move |c| (Method::Consent, n, Choice::Consent(c))),
                proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 0..=n)
                    .prop_shuffle()
                    .prop_map(move |a| (Method::Approval, n, Choice::Approval(a))),
                (1u32..=255).prop_flat_map(move |max| {
                    proptest::collection::vec(0..=max, n)
                        .prop_map(move |s| (Method::Score { max }, n, Choice::Score(s)))
                }),
                ranking(n, true).prop_map(move |r| (Method::Schulze, n, Choice::Ranked(r))),
                ranking(n, false).prop_map(move |r| (Method::Irv, n, Choice::Ranked(r))),
                ranking(n, false).prop_map(move |r| (STV, n, Choice::Ranked(r))),
            ]
        })
    }

    proptest! {
        #[test]
        fn every_valid_ballot_decodes_to_itself((method, n, choice) in method_and_choice()) {
            prop_assert_eq!(choice.validate(&method, n), Ok(()));
            let text = choice.encode();
            prop_assert_eq!(Choice::decode(&method, &text), Ok(choice));
        }
    }
}
