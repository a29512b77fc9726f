//! Charts of real counts, read back with CSS selectors.

use councils_domain::Language;
use councils_domain::motion::{
    Choice, ConsentChoice, Decision, Detail, Method, MotionKind, MotionRules, Outcome, Secrecy,
    StvVariant, YesNo, count,
};
use scraper::{ElementRef, Html, Selector};

use super::*;

fn rules(method: Method) -> MotionRules {
    let defaults = MotionRules::default_for(MotionKind::Ordinary);
    MotionRules::new(
        MotionKind::Ordinary,
        method,
        defaults.quorum(),
        defaults.majority(),
        Secrecy::Open,
    )
    .expect("rules for an ordinary motion")
}

fn counted(method: Method, options: &[String], ballots: &[(Choice, u64)]) -> Outcome {
    count(&rules(method), options, ballots, None, 7).expect("a valid count")
}

fn labels(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

fn strict(order: &[usize], weight: u64) -> (Choice, u64) {
    (
        Choice::Ranked(order.iter().map(|&o| vec![o]).collect()),
        weight,
    )
}

fn render(outcome: &Outcome, options: &[String], language: Language) -> String {
    results_chart(outcome, options, &Tr::new(language)).expect("the chart renders")
}

fn select<'a>(root: ElementRef<'a>, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("a valid selector");
    root.select(&selector).collect()
}

fn text(element: ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses a chart and checks what every chart must be: well-formed, one accessible, scalable
/// SVG per figure with readable text, no inline style, each image followed by a table.
fn parse(html: &str) -> Html {
    let parsed = Html::parse_fragment(html);
    assert_eq!(parsed.errors, Vec::<std::borrow::Cow<str>>::new(), "{html}");
    assert!(!html.contains("style="), "no inline style: {html}");
    let root = parsed.root_element();
    let figures = select(root, "figure");
    assert!(!figures.is_empty(), "{html}");
    for figure in figures {
        let svgs = select(figure, "svg");
        assert_eq!(svgs.len(), 1, "one image per figure");
        let svg = svgs[0].value();
        assert_eq!(svg.attr("role"), Some("img"));
        assert!(svg.attr("viewBox").is_some(), "a viewBox: {html}");
        if !svg.classes().any(|c| c == "chart-wide") {
            assert_eq!(svg.attr("width"), Some("100%"));
            assert!(svg.attr("viewBox").unwrap().starts_with("0 0 360 "));
        }
        let title_id = svg.attr("aria-labelledby").expect("labelled");
        let titles = select(svgs[0], &format!("title#{title_id}"));
        assert_eq!(titles.len(), 1, "the label is a title inside the image");
        assert!(!text(titles[0]).is_empty());
        assert_eq!(select(figure, "figcaption").len(), 1);
        for t in select(svgs[0], "text") {
            let size: f64 = t.value().attr("font-size").unwrap().parse().unwrap();
            assert!(size >= 12.0, "readable text");
        }
    }
    assert!(
        !select(root, "table caption").is_empty(),
        "a table of the numbers"
    );
    assert!(
        select(root, "table th")
            .iter()
            .all(|th| th.value().attr("scope").is_some())
    );
    parsed
}

/// The cells of the first table's row whose header is `head`.
fn row(parsed: &Html, head: &str) -> Vec<String> {
    let root = parsed.root_element();
    let table = select(root, "table")[0];
    select(table, "tbody tr")
        .into_iter()
        .find(|tr| select(*tr, "th").first().map(|th| text(*th)).as_deref() == Some(head))
        .map(|tr| select(tr, "td").into_iter().map(text).collect())
        .unwrap_or_else(|| panic!("no row {head}"))
}

fn bar_fills(parsed: &Html) -> Vec<String> {
    select(parsed.root_element(), "svg rect")
        .into_iter()
        .map(|r| r.value().attr("fill").unwrap().to_string())
        .collect()
}

#[test]
fn a_yes_no_chart_draws_a_bar_per_answer_and_tables_the_weights() {
    let ballots = [
        (Choice::YesNo(YesNo::Yes), 3),
        (Choice::YesNo(YesNo::No), 2),
        (Choice::YesNo(YesNo::Abstain), 5),
    ];
    let outcome = counted(Method::YesNo, &[], &ballots);
    let parsed = parse(&render(&outcome, &[], Language::En));
    assert_eq!(row(&parsed, "Yes"), ["3"]);
    assert_eq!(row(&parsed, "No"), ["2"]);
    assert_eq!(row(&parsed, "Abstain"), ["5"]);
    assert_eq!(bar_fills(&parsed), ["#1f6b3a", "#a3191f", "#d9d2c7"]);
    let caption = text(select(parsed.root_element(), "figcaption")[0]);
    assert!(
        caption.contains("3 ballots, counting for 10 members."),
        "{caption}"
    );
    assert!(caption.contains("The motion passed."), "{caption}");
}

#[test]
fn a_consent_chart_tables_every_response() {
    let ballots = [
        (Choice::Consent(ConsentChoice::Consent), 40),
        (Choice::Consent(ConsentChoice::Object), 3),
        (Choice::Consent(ConsentChoice::Block), 1),
    ];
    let outcome = counted(Method::Consent, &[], &ballots);
    let parsed = parse(&render(&outcome, &[], Language::En));
    assert_eq!(row(&parsed, "Consent"), ["40"]);
    assert_eq!(row(&parsed, "Object"), ["3"]);
    assert_eq!(row(&parsed, "Stand aside"), ["0"]);
    assert_eq!(row(&parsed, "Block"), ["1"]);
    assert!(text(parsed.root_element()).contains("The proposal was blocked."));
}

#[test]
fn an_approval_chart_puts_the_most_approved_first_and_marks_it() {
    let options = labels(&["Tuesdays", "Thursdays", "Saturdays"]);
    let ballots = [
        (Choice::Approval(vec![0, 1]), 3),
        (Choice::Approval(vec![1]), 2),
        (Choice::Approval(vec![2]), 4),
    ];
    let outcome = counted(Method::Approval, &options, &ballots);
    let parsed = parse(&render(&outcome, &options, Language::En));
    assert_eq!(row(&parsed, "Thursdays"), ["5", "wins"]);
    assert_eq!(row(&parsed, "Saturdays"), ["4", ""]);
    assert_eq!(row(&parsed, "Tuesdays"), ["3", ""]);
    let labels: Vec<String> = select(parsed.root_element(), "svg text[font-size=\"14\"]")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(labels, ["✓ Thursdays", "Saturdays", "Tuesdays"]);
    assert_eq!(bar_fills(&parsed)[0], "#1f6b3a");
}

#[test]
fn a_score_chart_states_the_highest_score() {
    let options = labels(&["Canteen", "Crèche"]);
    let ballots = [
        (Choice::Score(vec![5, 0]), 3),
        (Choice::Score(vec![0, 4]), 2),
        (Choice::Score(vec![1, 5]), 2),
    ];
    let outcome = counted(Method::Score { max: 5 }, &options, &ballots);
    let parsed = parse(&render(&outcome, &options, Language::En));
    assert_eq!(row(&parsed, "Crèche"), ["18", "wins"]);
    assert_eq!(row(&parsed, "Canteen"), ["17", ""]);
    assert!(text(parsed.root_element()).contains("from 0 to 5"));
}

/// The Schulze method's example on Wikipedia: 45 voters, five candidates, E wins.
fn schulze_example() -> (Outcome, Vec<String>) {
    let options = labels(&["A", "B", "C", "D", "E"]);
    let (a, b, c, d, e) = (0, 1, 2, 3, 4);
    let ballots = [
        strict(&[a, c, b, e, d], 5),
        strict(&[a, d, e, c, b], 5),
        strict(&[b, e, d, a, c], 8),
        strict(&[c, a, b, e, d], 3),
        strict(&[c, a, e, b, d], 7),
        strict(&[c, b, a, d, e], 2),
        strict(&[d, c, e, b, a], 7),
        strict(&[e, b, a, d, c], 8),
    ];
    (counted(Method::Schulze, &options, &ballots), options)
}

#[test]
fn a_schulze_grid_follows_the_ranking_and_colours_each_contest() {
    let (outcome, options) = schulze_example();
    let parsed = parse(&render(&outcome, &options, Language::En));
    let root = parsed.root_element();
    // Ranking E, A, C, B, D: the first row is E's, its cells E-E, E-A, E-C, E-B, E-D.
    assert_eq!(row(&parsed, "1. E"), ["–", "23", "21", "27", "31"]);
    assert_eq!(row(&parsed, "2. A"), ["22", "–", "26", "20", "30"]);
    let fills = bar_fills(&parsed);
    assert_eq!(fills.len(), 25);
    // E beats A (23 to 22) but loses to C (21 to 24).
    assert_eq!(&fills[..3], ["#f3eee6", "#1f6b3a", "#a3191f"]);
    let ranking: Vec<String> = select(root, "ol.chart-ranking li")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(ranking, ["✓ E (wins)", "A", "C", "B", "D"]);
    assert_eq!(
        select(root, "table").len(),
        2,
        "pairwise and strongest paths"
    );
}

/// Tennessee's capital, the classic instant-runoff example.
fn tennessee() -> (Vec<String>, Vec<(Choice, u64)>) {
    let (m, n, c, k) = (0, 1, 2, 3);
    let options = labels(&["Memphis", "Nashville", "Chattanooga", "Knoxville"]);
    let ballots = vec![
        strict(&[m, n, c, k], 42),
        strict(&[n, c, k, m], 26),
        strict(&[c, k, n, m], 15),
        strict(&[k, c, n, m], 17),
    ];
    (options, ballots)
}

#[test]
fn an_instant_runoff_chart_shows_every_round_and_who_went_out() {
    let (options, ballots) = tennessee();
    let outcome = counted(Method::Irv, &options, &ballots);
    let parsed = parse(&render(&outcome, &options, Language::En));
    let root = parsed.root_element();
    assert_eq!(select(root, "svg g").len(), 3, "a group per round");
    assert_eq!(row(&parsed, "Chattanooga"), ["15 (excluded)", "–", "–"]);
    assert_eq!(row(&parsed, "Nashville"), ["26", "26 (excluded)", "–"]);
    assert_eq!(row(&parsed, "Knoxville"), ["17", "32", "58 (wins)"]);
    assert_eq!(row(&parsed, "Memphis"), ["42", "42", "42"]);
    let svg = text(select(root, "svg")[0]);
    assert!(svg.contains("Chattanooga is excluded"), "{svg}");
    assert!(svg.contains("✓ Knoxville"), "{svg}");
    assert!(
        select(root, "figcaption")[0]
            .text()
            .any(|t| t.contains("Winner: Knoxville."))
    );
}

#[test]
fn an_stv_chart_draws_the_quota_in_every_round() {
    let (options, ballots) = tennessee();
    let method = Method::Stv {
        seats: 1,
        variant: StvVariant::Scottish,
    };
    let outcome = counted(method, &options, &ballots);
    let Detail::Stv { rounds, .. } = &outcome.detail else {
        panic!("not an STV count");
    };
    let parsed = parse(&render(&outcome, &options, Language::En));
    let root = parsed.root_element();
    assert_eq!(select(root, "svg line").len(), rounds.len());
    let quotas: Vec<String> = rounds
        .iter()
        .map(|r| r.quota.as_str().to_string())
        .collect();
    assert_eq!(row(&parsed, "Quota"), quotas);
    let first: Vec<String> = rounds[0]
        .votes
        .iter()
        .map(|v| v.as_str().to_string())
        .collect();
    assert_eq!(row(&parsed, "Memphis")[0], first[0]);
    assert_eq!(
        row(&parsed, "Chattanooga")[1],
        format!("{} (excluded)", rounds[1].votes[2].as_str())
    );
    assert!(
        row(&parsed, "Knoxville")
            .last()
            .unwrap()
            .ends_with("(elected)")
    );
    assert!(text(root).contains("Elected: Knoxville."));
}

#[test]
fn a_count_short_of_quorum_says_so_and_draws_no_empty_chart() {
    let (options, ballots) = tennessee();
    let method = Method::Stv {
        seats: 2,
        variant: StvVariant::Meek,
    };
    let met = counted(method, &options, &ballots);
    let Detail::Stv { quota, .. } = met.detail.clone() else {
        panic!("not an STV count");
    };
    // What the count gives when the quorum is not met: no rounds.
    let outcome = Outcome {
        decision: Decision::NoQuorum,
        quorum_met: false,
        detail: Detail::Stv {
            variant: StvVariant::Meek,
            seats: 2,
            quota,
            rounds: vec![],
        },
        ..met
    };
    let html = render(&outcome, &options, Language::En);
    let parsed = Html::parse_fragment(&html);
    assert!(select(parsed.root_element(), "svg").is_empty());
    assert!(
        text(parsed.root_element()).contains("The quorum was not met"),
        "{html}"
    );
}

#[test]
fn a_label_with_markup_comes_out_escaped_in_every_chart() {
    let evil = "<script>alert(1)</script>";
    let options = labels(&[evil, "Fair"]);
    let ranked = [strict(&[0, 1], 3), strict(&[1, 0], 1)];
    let outcomes = [
        counted(
            Method::Approval,
            &options,
            &[(Choice::Approval(vec![0]), 1)],
        ),
        counted(
            Method::Score { max: 3 },
            &options,
            &[(Choice::Score(vec![3, 1]), 1)],
        ),
        counted(Method::Schulze, &options, &ranked),
        counted(Method::Irv, &options, &ranked),
        counted(
            Method::Stv {
                seats: 1,
                variant: StvVariant::Meek,
            },
            &options,
            &ranked,
        ),
    ];
    for outcome in &outcomes {
        let html = render(outcome, &options, Language::En);
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&#60;script&#62;"), "{html}");
        let parsed = parse(&html);
        assert!(select(parsed.root_element(), "script").is_empty());
        let all = text(parsed.root_element());
        assert!(all.contains(evil), "the label is shown as text: {all}");
    }
}

#[test]
fn a_long_label_is_cut_in_the_image_and_whole_in_the_table() {
    let long = "Elect a strike committee of twelve and publish its mandate in every workshop";
    let options = labels(&[long, "Wait"]);
    let outcome = counted(
        Method::Approval,
        &options,
        &[(Choice::Approval(vec![0]), 1)],
    );
    let parsed = parse(&render(&outcome, &options, Language::En));
    let root = parsed.root_element();
    let shown = text(select(root, "svg text[font-size=\"14\"]")[0]);
    assert!(
        shown.ends_with('…') && shown.chars().count() <= 44,
        "{shown}"
    );
    assert_eq!(row(&parsed, long), ["1", "wins"]);
}

#[test]
fn english_and_spanish_charts_use_their_own_words() {
    let ballots = [(Choice::YesNo(YesNo::Abstain), 1)];
    let outcome = counted(Method::YesNo, &[], &ballots);
    let en = parse(&render(&outcome, &[], Language::En));
    let es = parse(&render(&outcome, &[], Language::Es));
    assert_eq!(row(&en, "Abstain"), ["1"]);
    assert_eq!(row(&es, "Abstención"), ["1"]);
    assert!(text(es.root_element()).contains("1 papeleta, que cuenta por 1 miembro."));
    let (options, ballots) = tennessee();
    let outcome = counted(Method::Irv, &options, &ballots);
    let en = text(parse(&render(&outcome, &options, Language::En)).root_element());
    let es = text(parse(&render(&outcome, &options, Language::Es)).root_element());
    assert!(en.contains("Round 2") && !en.contains("Ronda 2"));
    assert!(
        es.contains("Ronda 2") && es.contains("Gana: Knoxville."),
        "{es}"
    );
}

#[test]
fn two_charts_on_one_page_never_share_an_id() {
    let (outcome, options) = schulze_example();
    let tr = Tr::new(Language::En);
    let one = results_chart_with_id(&outcome, &options, &tr, "motion-1").unwrap();
    let two = results_chart_with_id(&outcome, &options, &tr, "motion 2\"><x").unwrap();
    let ids = |html: &str| -> Vec<String> {
        let parsed = Html::parse_fragment(html);
        select(parsed.root_element(), "[id]")
            .into_iter()
            .map(|e| e.value().attr("id").unwrap().to_string())
            .collect()
    };
    let (one, two) = (ids(&one), ids(&two));
    assert!(one.iter().all(|id| id.starts_with("motion-1-")), "{one:?}");
    assert!(two.iter().all(|id| id.starts_with("motion2x-")), "{two:?}");
}

fn keys(ftl: &str) -> std::collections::BTreeSet<String> {
    ftl.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
        .collect()
}

#[test]
fn every_chart_message_exists_in_english_and_spanish() {
    let en = keys(include_str!("../../locales/en/charts.ftl"));
    let es = keys(include_str!("../../locales/es/charts.ftl"));
    assert_eq!(en, es);
    assert!(en.iter().all(|k| k.starts_with("chart-")));
    let sources = [
        include_str!("../charts.rs"),
        include_str!("bars.rs"),
        include_str!("matrix.rs"),
        include_str!("rounds.rs"),
    ];
    for source in sources {
        for rest in source.split("\"chart-").skip(1) {
            let key = format!("chart-{}", rest.split('"').next().unwrap());
            assert!(en.contains(&key), "{key}");
        }
    }
}
