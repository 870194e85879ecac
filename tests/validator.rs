//! The pack validator, one defect at a time: each fixture in
//! tests/fixtures/packs is `valid_minimal.json` with one thing wrong, and the
//! validator must name that thing and say where it is.

use mbc_guide::content::parse;
use mbc_guide::content::validate::{
    validate_pack, validate_pack_with, validate_text, Options, Problem, Severity,
};
use mbc_guide::content::{ui_keys, Pack};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/packs");

/// A fixture's text, with any interface word added to `ui_keys::REQUIRED`
/// since the fixtures were written filled in, so that adding a key to the
/// code does not break these tests.
fn fixture(name: &str) -> String {
    let path = format!("{FIXTURES}/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let base = std::fs::read_to_string(format!("{FIXTURES}/valid_minimal.json"))
        .expect("valid_minimal.json exists");
    let has: serde_json::Value = serde_json::from_str(&base).expect("valid_minimal is JSON");
    let missing: String = ui_keys::REQUIRED
        .iter()
        .filter(|key| has["ui"].get(**key).is_none())
        .map(|key| format!("    \"{key}\": \"{}\",\n", key.replace('_', " ")))
        .collect();
    let ui = "\"ui\": {\n";
    match text.find(ui) {
        Some(at) if !missing.is_empty() => {
            let at = at + ui.len();
            format!("{}{missing}{}", &text[..at], &text[at..])
        }
        _ => text,
    }
}

/// The fixture as a file the command can read, one file per call because
/// tests run in parallel.
fn fixture_path(name: &str) -> String {
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let dir = env!("CARGO_TARGET_TMPDIR");
    let path = format!("{dir}/{}-{call}-{name}", std::process::id());
    std::fs::write(&path, fixture(name)).expect("the test folder is writable");
    path
}

fn reference() -> Pack {
    parse(&fixture("valid_minimal.json")).expect("valid_minimal parses")
}

fn check(name: &str) -> Vec<Problem> {
    validate_text(name, &fixture(name), None)
}

fn errors(problems: &[Problem]) -> Vec<&Problem> {
    problems.iter().filter(|p| p.is_error()).collect()
}

/// The one-based number of the first line that reads `line`, indent aside.
fn line_of(text: &str, line: &str) -> usize {
    text.lines()
        .position(|l| l.trim() == line)
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no line {line:?} in the fixture"))
}

/// The problem at `location`, or a failure listing what was reported.
fn at<'p>(problems: &'p [Problem], location: &str) -> &'p Problem {
    problems
        .iter()
        .find(|p| p.location == location)
        .unwrap_or_else(|| panic!("no problem at {location}; got:\n{}", show(problems)))
}

fn show(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}\n")).collect()
}

#[test]
fn the_minimal_valid_pack_has_no_problems() {
    let problems = check("valid_minimal.json");
    assert!(problems.is_empty(), "{}", show(&problems));
    let problems = validate_pack(&reference(), Some(&reference()));
    assert!(problems.is_empty(), "{}", show(&problems));
}

#[test]
fn the_rules_fixture_is_a_valid_pack_too() {
    let problems = check("rules_fixture.json");
    assert!(errors(&problems).is_empty(), "{}", show(&problems));
}

#[test]
fn text_that_is_not_json_is_reported_at_its_line() {
    let text = fixture("not_json.json");
    let problems = check("not_json.json");
    assert_eq!(problems.len(), 1, "{}", show(&problems));
    // The comma is missing at the end of this line; JSON notices on the next.
    let line = line_of(&text, "\"topic\": \"tests\"") + 1;
    let problem = &problems[0];
    assert!(problem.is_error());
    assert!(
        problem
            .location
            .starts_with(&format!("not_json.json:{line}:")),
        "{problem}"
    );
    assert!(problem.message.contains("not valid JSON"), "{problem}");
}

#[test]
fn an_unknown_field_is_named_with_the_fields_allowed_there() {
    let text = fixture("unknown_field.json");
    let problems = check("unknown_field.json");
    assert_eq!(problems.len(), 1, "{}", show(&problems));
    let line = line_of(&text, "\"priority\": 1,");
    let problem = &problems[0];
    assert!(
        problem
            .location
            .starts_with(&format!("unknown_field.json:{line}:")),
        "{problem}"
    );
    for word in [
        "`priority`",
        "`id`",
        "`topic`",
        "`text`",
        "`sources`",
        "`rule`",
    ] {
        assert!(problem.message.contains(word), "{word} in {problem}");
    }
}

#[test]
fn a_duplicate_question_id_is_reported_at_the_second_use() {
    let problems = check("duplicate_id.json");
    let problem = at(&problems, "questions[2].id");
    assert!(problem.is_error());
    assert!(problem.message.contains("`goals-main-aim`"), "{problem}");
    assert!(problem.message.contains("questions[0]"), "{problem}");
}

#[test]
fn a_key_written_twice_is_reported_at_its_line() {
    let text = fixture("valid_minimal.json").replacen(
        "\"save\": \"Save\",",
        "\"save\": \"Save\",\n    \"save\": \"Keep\",",
        1,
    );
    let problems = validate_text("twice.json", &text, None);
    let line = line_of(&text, "\"save\": \"Keep\",");
    let problem = at(&problems, &format!("twice.json:{line}:5"));
    assert!(problem.message.contains("`save`"), "{problem}");
}

#[test]
fn rules_naming_an_unknown_factor_or_answer_are_reported_at_the_name() {
    let problems = check("unknown_rule_field.json");
    let factor = at(&problems, "questions[1].rule.factor.id");
    assert!(factor.message.contains("`her3`"), "{factor}");
    assert!(
        factor.message.contains("`her2`"),
        "lists the real factors: {factor}"
    );
    let option = at(&problems, "questions[2].rule.factor.is[1]");
    assert!(option.message.contains("`elbow`"), "{option}");
    assert!(
        option.message.contains("`bone`"),
        "lists the real answers: {option}"
    );
    assert!(!problems.iter().any(|p| p.location.ends_with("is[0]")));
    assert_eq!(errors(&problems).len(), 2, "{}", show(&problems));
}

#[test]
fn a_translation_missing_an_id_or_adding_one_is_reported() {
    let text = fixture("missing_translation.json");
    let problems = validate_text("missing_translation.json", &text, Some(&reference()));
    let missing = at(&problems, "questions");
    assert!(missing.is_error());
    assert!(missing.message.contains("`care-side-effects`"), "{missing}");
    assert!(missing.message.contains("Missing translation"), "{missing}");
    let extra = at(&problems, "glossary[3].id");
    assert!(extra.message.contains("`biopsy`"), "{extra}");
    // Without a reference there is nothing to compare with.
    let alone = validate_text("missing_translation.json", &text, None);
    assert!(errors(&alone).is_empty(), "{}", show(&alone));
}

#[test]
fn a_translation_must_keep_the_tailoring_and_placeholders() {
    let mut es = reference();
    es.lang = "es".into();
    es.questions[1].rule = None;
    es.ui
        .insert("because".into(), "Sugerida porque {razon}.".into());
    let problems = validate_pack(&es, Some(&reference()));
    assert!(at(&problems, "questions[1].rule").is_error());
    let because = at(&problems, "ui.because");
    assert!(because.message.contains("{reason}"), "{because}");
}

#[test]
fn whitespace_only_text_is_reported_as_empty() {
    let problems = check("empty_text.json");
    let problem = at(&problems, "questions[1].text");
    assert!(problem.is_error());
    assert!(problem.message.contains("empty"), "{problem}");
}

#[test]
fn an_overlong_question_is_reported_with_its_limit() {
    let problems = check("overlong_text.json");
    let problem = problems
        .iter()
        .find(|p| p.is_error() && p.location == "questions[0].text")
        .unwrap_or_else(|| panic!("no error at questions[0].text:\n{}", show(&problems)));
    assert!(problem.message.contains("300"), "{problem}");
}

#[test]
fn hard_to_read_english_is_a_warning_not_an_error() {
    let problems = check("hard_to_read.json");
    assert!(errors(&problems).is_empty(), "{}", show(&problems));
    let problem = at(&problems, "questions[4].text");
    assert_eq!(problem.severity, Severity::Warning);
    assert!(problem.message.contains("grade"), "{problem}");
}

#[test]
fn spanish_text_is_not_scored_for_readability() {
    let mut es = parse(&fixture("hard_to_read.json")).expect("fixture parses");
    es.lang = "es".into();
    assert!(validate_pack(&es, None).is_empty());
}

#[test]
fn html_in_text_is_an_error() {
    let problems = check("html_in_text.json");
    let glossary = at(&problems, "glossary[0].text");
    assert!(glossary.is_error());
    assert!(glossary.message.contains("<script>"), "{glossary}");
    assert!(at(&problems, "ui.save").is_error());
}

#[test]
fn bidi_overrides_and_zero_width_characters_are_errors() {
    let problems = check("bidi_control.json");
    let bidi = at(&problems, "questions[0].text");
    assert!(bidi.is_error());
    assert!(bidi.message.contains("U+202E"), "{bidi}");
    let zero_width = at(&problems, "ui.undo");
    assert!(zero_width.message.contains("U+200B"), "{zero_width}");
}

#[test]
fn a_pack_of_another_format_version_is_reported_once() {
    let problems = check("wrong_schema.json");
    assert_eq!(problems.len(), 1, "{}", show(&problems));
    assert_eq!(problems[0].location, "schema");
    assert!(problems[0].message.contains("version 2"), "{}", problems[0]);
}

#[test]
fn missing_fixed_ids_not_sure_answers_and_ui_words_are_errors() {
    let mut pack = reference();
    pack.guide.goals.items.retain(|g| g.id != "longer");
    pack.guide.factors.items[1]
        .options
        .retain(|o| o.id != "not_sure");
    pack.ui.remove("undo");
    pack.ui.insert("saev".into(), "Save".into());
    pack.readiness[0].helps.push("no-such-question".into());
    let problems = validate_pack(&pack, None);
    assert!(at(&problems, "guide.goals.items")
        .message
        .contains("`longer`"));
    assert!(at(&problems, "guide.factors.items[1].options")
        .message
        .contains("not_sure"));
    assert!(at(&problems, "ui").message.contains("`undo`"));
    assert_eq!(at(&problems, "ui.saev").severity, Severity::Warning);
    assert!(at(&problems, "readiness[0].helps[1]").is_error());
}

#[test]
fn unknown_topics_sources_goals_ratings_and_marks_are_errors() {
    use mbc_guide::content::Rule;
    let mut pack = reference();
    pack.questions[0].topic = "nowhere".into();
    pack.questions[1].sources = vec!["S9".into()];
    pack.questions[2].sources.clear();
    pack.questions[4].rule = Some(Rule::All(vec![
        Rule::Goal {
            id: "richer".into(),
            is: vec!["extremely".into()],
        },
        Rule::Treatment {
            id: "trials".into(),
            is: vec![],
        },
        Rule::Any(vec![]),
    ]));
    let problems = validate_pack(&pack, None);
    for location in [
        "questions[0].topic",
        "questions[1].sources[0]",
        "questions[2].sources",
        "questions[4].rule.all[0].goal.id",
        "questions[4].rule.all[0].goal.is[0]",
        "questions[4].rule.all[1].treatment.is",
        "questions[4].rule.all[2].any",
    ] {
        assert!(at(&problems, location).is_error(), "{location}");
    }
}

fn run_cli(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_mbc-validate-pack"))
        .args(args)
        .output()
        .expect("the validator runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn the_command_fails_on_a_bad_pack_and_says_where() {
    let (code, out) = run_cli(&[&fixture_path("unknown_rule_field.json")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error: questions[1].rule.factor.id"), "{out}");
    assert!(
        out.contains("unknown_rule_field.json:"),
        "the line is shown: {out}"
    );
    assert!(out.contains("2 errors, 0 warnings"), "{out}");
}

#[test]
fn the_command_passes_a_good_pack_and_checks_translations_against_a_reference() {
    let valid = fixture_path("valid_minimal.json");
    let (code, out) = run_cli(&[&valid, "--reference", &valid]);
    assert_eq!(code, 0, "{out}");
    assert!(out.trim_end().ends_with("0 errors, 0 warnings"), "{out}");

    let es = fixture_path("missing_translation.json");
    let (code, out) = run_cli(&[&es, "--reference", &valid]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("care-side-effects"), "{out}");
}

#[test]
fn the_command_reports_text_that_is_not_json_by_line() {
    let (code, out) = run_cli(&[&fixture_path("not_json.json")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("error: "), "{out}");
    assert!(out.contains("not_json.json:"), "{out}");
}

#[test]
fn the_command_prints_the_readability_distribution() {
    let (code, out) = run_cli(&[&fixture_path("valid_minimal.json"), "--readability"]);
    assert_eq!(code, 0, "{out}");
    for part in ["median", "max", "count per whole grade", "hardest"] {
        assert!(out.contains(part), "{part} in {out}");
    }
}

#[test]
fn the_command_explains_its_use_when_used_wrongly() {
    let (code, _) = run_cli(&["--frobnicate"]);
    assert_eq!(code, 2);
}

#[test]
fn a_readiness_item_must_name_a_source_that_exists() {
    let mut pack = reference();
    pack.readiness[0].sources.clear();
    pack.readiness[1].sources = vec!["S999".into()];
    let problems = validate_pack(&pack, None);
    let none = at(&problems, "readiness[0].sources");
    assert!(
        none.is_error() && none.message.contains("cites no source"),
        "{none}"
    );
    let unknown = at(&problems, "readiness[1].sources[0]");
    assert!(
        unknown.is_error() && unknown.message.contains("S999"),
        "{unknown}"
    );
}

// Sources and dates (issue 12)

fn builtin(pack: &Pack, today: Option<&str>) -> Vec<Problem> {
    validate_pack_with(
        pack,
        &Options {
            builtin: true,
            today,
            ..Options::default()
        },
    )
}

#[test]
fn a_source_without_an_https_address_is_refused() {
    let mut pack = reference();
    pack.meta.sources[0].url = None;
    pack.meta.sources[1].url = Some("http://example.org/choices".into());
    let problems = validate_pack(&pack, None);
    assert!(at(&problems, "meta.sources[0].url").is_error());
    assert!(at(&problems, "meta.sources[0].url")
        .message
        .contains("`S1`"));
    assert!(at(&problems, "meta.sources[1].url").is_error());
    pack.meta.sources[1].url = Some("https://".into());
    assert!(at(&validate_pack(&pack, None), "meta.sources[1].url").is_error());
}

#[test]
fn a_source_without_a_checked_date_is_an_error_in_our_packs_and_a_warning_in_a_hospitals() {
    let mut pack = reference();
    pack.meta.sources[0].checked = None;
    pack.meta.sources[1].checked = Some("30/11/2026".into());
    let hospital = validate_pack(&pack, None);
    assert_eq!(
        at(&hospital, "meta.sources[0].checked").severity,
        Severity::Warning
    );
    assert!(at(&hospital, "meta.sources[1].checked").is_error());
    let ours = builtin(&pack, None);
    assert!(at(&ours, "meta.sources[0].checked").is_error());
    // A checked date after today is not honest.
    let mut pack = reference();
    pack.meta.sources[0].checked = Some("2026-12-25".into());
    let problems = builtin(&pack, Some("2026-11-30"));
    assert_eq!(
        at(&problems, "meta.sources[0].checked").severity,
        Severity::Warning
    );
}

#[test]
fn publishers_outside_the_allowlist_duplicate_addresses_and_uncited_sources_are_warnings() {
    let mut pack = reference();
    pack.meta.sources[1].org = "Some Magazine".into();
    pack.meta.sources.push(mbc_guide::content::Source {
        id: "S3".into(),
        org: "Example Institute".into(),
        title: "The same page again".into(),
        url: Some("https://example.org/mbc/".into()),
        checked: Some("2026-11-30".into()),
    });
    let problems = validate_pack(&pack, None);
    assert!(errors(&problems).is_empty(), "{}", show(&problems));
    let org = at(&problems, "meta.sources[1].org");
    assert!(org.message.contains("Some Magazine"), "{org}");
    let twice = at(&problems, "meta.sources[2].url");
    assert!(twice.message.contains("`S1`"), "{twice}");
    assert!(at(&problems, "meta.sources[2].id")
        .message
        .contains("never cited"));
    // A hospital extends the list in its own pack.
    pack.meta.publishers.push("Some Magazine".into());
    let problems = validate_pack(&pack, None);
    assert!(!problems.iter().any(|p| p.location == "meta.sources[1].org"));
    // No list at all: one problem, not one per source.
    pack.meta.publishers.clear();
    let problems = validate_pack(&pack, None);
    assert_eq!(at(&problems, "meta.publishers").severity, Severity::Warning);
    assert!(!problems.iter().any(|p| p.location.ends_with(".org")));
    assert!(at(&builtin(&pack, None), "meta.publishers").is_error());
}

#[test]
fn every_guide_section_urgent_box_and_living_topic_cites_a_source_that_exists() {
    let mut pack = reference();
    pack.guide.urgent.sources.clear();
    pack.guide.living.items[0].sources = vec!["S9".into()];
    pack.guide.treatments.items[0].sources = vec!["S8".into()];
    pack.guide.supportive.sources.clear();
    let problems = validate_pack(&pack, None);
    for location in [
        "guide.urgent.sources",
        "guide.living.items[0].sources[0]",
        "guide.treatments.items[0].sources[0]",
        "guide.supportive.sources",
    ] {
        assert!(at(&problems, location).is_error(), "{location}");
    }
    pack.guide.living.items[0].sources.clear();
    let problems = validate_pack(&pack, None);
    assert!(at(&problems, "guide.living.items[0].sources").is_error());
    // A treatment's own list may be empty: its section cites.
    pack.guide.treatments.items[0].sources.clear();
    let problems = validate_pack(&pack, None);
    assert!(!problems
        .iter()
        .any(|p| p.location.starts_with("guide.treatments.items")));
}

#[test]
fn a_missing_urgent_box_or_living_topics_are_errors_only_in_our_packs() {
    let mut pack = reference();
    pack.guide.urgent = Default::default();
    pack.guide.living = Default::default();
    let hospital = validate_pack(&pack, None);
    assert!(errors(&hospital).is_empty(), "{}", show(&hospital));
    assert_eq!(at(&hospital, "guide.urgent").severity, Severity::Warning);
    assert_eq!(at(&hospital, "guide.living").severity, Severity::Warning);
    let ours = builtin(&pack, None);
    assert!(at(&ours, "guide.urgent").is_error());
    assert!(at(&ours, "guide.living").is_error());
    let mut pack = reference();
    pack.guide.urgent.signs.clear();
    assert!(at(&validate_pack(&pack, None), "guide.urgent.signs").is_error());
}

#[test]
fn review_by_must_be_given_after_the_review_within_a_year_and_not_past() {
    let with = |by: &str| {
        let mut pack = reference();
        pack.meta.review_by = by.into();
        pack
    };
    // The fixture: reviewed 2026-11-29, due 2027-05-31.
    assert!(builtin(&with("2027-05-31"), Some("2026-11-30")).is_empty());
    let missing = with("");
    assert_eq!(
        at(&validate_pack(&missing, None), "meta.review_by").severity,
        Severity::Warning
    );
    assert!(at(&builtin(&missing, None), "meta.review_by").is_error());
    assert!(at(&validate_pack(&with("31/05/2027"), None), "meta.review_by").is_error());
    assert!(at(&validate_pack(&with("2026-11-01"), None), "meta.review_by").is_error());
    let late = at(&validate_pack(&with("2027-11-30"), None), "meta.review_by").clone();
    assert_eq!(late.severity, Severity::Warning);
    assert!(late.message.contains("12 months"), "{late}");
    assert!(
        validate_pack(&with("2027-11-29"), None).is_empty(),
        "exactly a year is fine"
    );
    let past = builtin(&with("2027-05-31"), Some("2027-06-01"));
    let past = at(&past, "meta.review_by");
    assert_eq!(past.severity, Severity::Warning);
    assert!(past.message.contains("2027-06-01"), "{past}");
}

#[test]
fn the_urgent_box_and_living_topics_are_scored_and_checked_like_other_text() {
    let mut pack = reference();
    pack.guide.urgent.signs[0] = "Considering comprehensive multidisciplinary evaluation, \
        unexplained neurological deterioration necessitates immediate assessment."
        .into();
    pack.guide.living.items[0].text = "See <a href=x>this</a>.".into();
    pack.guide.urgent.action = "Call\u{202E} now.".into();
    let problems = validate_pack(&pack, None);
    assert_eq!(
        at(&problems, "guide.urgent.signs[0]").severity,
        Severity::Warning
    );
    assert!(at(&problems, "guide.living.items[0].text").is_error());
    assert!(at(&problems, "guide.urgent.action").is_error());
}

#[test]
fn a_translation_has_the_same_living_topics_and_as_many_warning_signs() {
    let mut es = reference();
    es.guide.living.items[0].id = "huesos".into();
    es.guide.urgent.signs.pop();
    let problems = validate_pack(&es, Some(&reference()));
    assert!(at(&problems, "guide.living.items").is_error());
    assert!(at(&problems, "guide.living.items[0].id").is_error());
    assert!(at(&problems, "guide.urgent.signs").is_error());
}

#[test]
fn the_answers_old_saves_move_into_must_exist() {
    let mut pack = reference();
    let grew_on = pack
        .guide
        .factors
        .items
        .iter()
        .position(|f| f.id == "grew_on")
        .expect("the fixture has grew_on");
    pack.guide.factors.items[grew_on]
        .options
        .retain(|o| o.id != "hormonal");
    let problems = validate_pack(&pack, None);
    let missing = at(
        &problems,
        &format!("guide.factors.items[{grew_on}].options"),
    );
    assert!(
        missing.is_error() && missing.message.contains("`hormonal`"),
        "{missing}"
    );
}

#[test]
fn days_since_1970_become_iso_dates() {
    use mbc_guide::content::validate::iso_date;
    assert_eq!(iso_date(0), "1970-01-01");
    assert_eq!(iso_date(20_787), "2026-11-30");
    assert_eq!(iso_date(11_016), "2000-02-29");
    assert_eq!(iso_date(-1), "1969-12-31");
}

#[test]
fn the_command_writes_a_review_sheet() {
    let valid = fixture_path("valid_minimal.json");
    let out = format!("{valid}.review.html");
    let (code, printed) = run_cli(&[&valid, "--review-sheet", &out]);
    assert_eq!(code, 0, "{printed}");
    assert!(printed.contains("wrote the review sheet"), "{printed}");
    let sheet = std::fs::read_to_string(&out).expect("the sheet was written");
    assert!(sheet.contains("What is the main aim of my treatment?"));
    assert!(sheet.contains("https://example.org/choices"));
}
