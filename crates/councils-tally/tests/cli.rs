//! The command-line tally: files in, JSON out, and errors that name the line.

use councils_tally::cli::{CliError, run};

const TENNESSEE: &str = "4 1
42 1 2 3 4 0
26 2 3 4 1 0
15 3 4 2 1 0
17 4 3 2 1 0
0
\"Memphis\"
\"Nashville\"
\"Chattanooga\"
\"Knoxville\"
\"Capital of Tennessee\"
";

#[test]
fn irv_on_a_blt_file_names_knoxville_the_winner() {
    let out = run("irv", None, None, TENNESSEE).unwrap();
    assert_eq!(out["winners"], serde_json::json!(["Knoxville"]));
    assert_eq!(out["method"], "irv");
    assert_eq!(out["details"]["rounds"].as_array().unwrap().len(), 3);
}

#[test]
fn schulze_on_the_same_file_names_nashville_and_shows_the_matrix() {
    let out = run("schulze", None, None, TENNESSEE).unwrap();
    assert_eq!(out["winners"], serde_json::json!(["Nashville"]));
    assert_eq!(out["details"]["pairwise"][1][0], 58);
    assert!(out["details"]["strongest_paths"].is_array());
}

#[test]
fn stv_reads_seats_from_the_file_and_lets_the_command_line_override_them() {
    let out = run("stv", None, Some("scottish"), TENNESSEE).unwrap();
    assert_eq!(out["winners"].as_array().unwrap().len(), 1);
    let out = run("stv", Some(2), Some("scottish"), TENNESSEE).unwrap();
    assert_eq!(out["winners"], serde_json::json!(["Memphis", "Nashville"]));
    assert_eq!(out["details"]["quota"], "34.00000");
}

#[test]
fn equal_preferences_and_withdrawn_candidates_are_read() {
    let file = "3 1\n-3\n2 1=2 3 0\n1 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";
    let out = run("schulze", None, None, file).unwrap();
    assert_eq!(out["winners"], serde_json::json!(["B"]));
    assert_eq!(out["withdrawn"], serde_json::json!(["C"]));
    assert_eq!(out["candidates"], serde_json::json!(["A", "B"]));
}

#[test]
fn a_candidate_that_does_not_exist_is_reported_with_its_line() {
    let file = "5 1\n1 1 2 0\n1 2 0\n1 7 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"E\"\n";
    let err = run("schulze", None, None, file).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 4: candidate 7 does not exist (there are 5)"
    );
}

#[test]
fn a_ballot_without_its_closing_zero_is_reported() {
    let err = run("irv", None, None, "2 1\n1 1 2\n0\n\"A\"\n\"B\"\n").unwrap_err();
    assert_eq!(err.to_string(), "line 2: the ballot does not end with 0");
}

#[test]
fn missing_names_are_reported_at_the_end_of_the_file() {
    let err = run("irv", None, None, "2 1\n1 1 2 0\n0\n\"A\"\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 4: the file ends before the name of candidate 2"
    );
}

#[test]
fn yes_no_counts_weights_and_names_the_outcome() {
    let out = run(
        "yes-no",
        None,
        None,
        "vote,weight\nyes,3\nno,1\nabstain,4\nno,1\n",
    )
    .unwrap();
    assert_eq!(out["winners"], serde_json::json!(["yes"]));
    assert_eq!(out["counts"]["abstain"], 4);
}

#[test]
fn a_bad_choice_names_its_line() {
    let err = run("yes-no", None, None, "vote\nyes\nmaybe\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 3: \"maybe\" is not one of yes, no, abstain"
    );
}

#[test]
fn one_block_makes_consent_fail() {
    let out = run("consent", None, None, "response\nyes\nyes\nno\nblock\n").unwrap();
    assert_eq!(out["winners"], serde_json::json!(["blocked"]));
    assert_eq!(out["counts"]["object"], 1);
}

#[test]
fn approval_and_score_read_one_column_per_option() {
    let out = run("approval", Some(2), None, "A,B,C\n1,1,0\n0,1,0\n0,0,1\n").unwrap();
    // B has 2 approvals; A and C tie on 1 for the second seat, so lot decides.
    assert_eq!(out["winners"][0], "B");
    assert_eq!(out["winners"].as_array().unwrap().len(), 2);
    assert_eq!(out["decided_by"]["rule"], "lot");
    let out = run("score", None, None, "A,B\n5,3\n0,4\n").unwrap();
    assert_eq!(out["winners"], serde_json::json!(["B"]));
    assert_eq!(out["counts"][1]["votes"], 7);
}

#[test]
fn a_row_with_too_many_cells_names_its_line() {
    let err = run("approval", None, None, "A,B\n1,0\n1,0,1\n").unwrap_err();
    assert_eq!(err.to_string(), "line 3: expected 2 columns, found 3");
}

#[test]
fn unknown_methods_and_misplaced_options_are_refused() {
    assert!(matches!(
        run("borda", None, None, ""),
        Err(CliError::UnknownMethod(_))
    ));
    assert!(matches!(
        run("irv", Some(2), None, TENNESSEE),
        Err(CliError::OptionNotApplicable { .. })
    ));
}

#[test]
fn the_same_file_always_gives_the_same_lot() {
    let tie = "2 1\n1 1 2 0\n1 2 1 0\n0\n\"A\"\n\"B\"\n";
    let first = run("schulze", None, None, tie).unwrap();
    assert_eq!(first, run("schulze", None, None, tie).unwrap());
    assert_eq!(first["decided_by"]["rule"], "lot");
    assert!(first["decided_by"]["seed"].is_u64());
}
