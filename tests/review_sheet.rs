//! The review sheet a hospital's clinicians sign off: every passage a
//! patient sees and every question, with sources and rules in words, on one
//! page that loads nothing. Built from the test packs in
//! tests/fixtures/packs, so it holds whatever the content says.
#![cfg(not(target_arch = "wasm32"))]

use mbc_guide::content::readability::patient_texts;
use mbc_guide::content::review_sheet::{escape, html, rule_in_words};
use mbc_guide::content::{parse, Pack};

fn fixture(name: &str) -> Pack {
    let path = format!("{}/tests/fixtures/packs/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn rule_of(pack: &Pack, question: &str) -> String {
    let q = pack
        .question(question)
        .unwrap_or_else(|| panic!("no question {question}"));
    rule_in_words(pack, q.rule.as_ref())
}

/// The row (`<tr>…</tr>`) of the questions table that holds `text`.
fn row_of<'h>(html: &'h str, text: &str) -> &'h str {
    let questions = html.find("<h2>Questions</h2>").expect("a questions part");
    let at = questions
        + html[questions..]
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is not among the questions"));
    let start = html[..at].rfind("<tr>").expect("in a row");
    let end = at + html[at..].find("</tr>").expect("row ends");
    &html[start..end]
}

#[test]
fn every_patient_facing_passage_and_question_is_on_the_sheet() {
    for name in ["rules_fixture.json", "valid_minimal.json"] {
        let pack = fixture(name);
        let sheet = html(&pack);
        let texts = patient_texts(&pack);
        assert!(texts
            .iter()
            .any(|t| t.path.starts_with("guide.urgent.signs")));
        assert!(texts
            .iter()
            .any(|t| t.path.starts_with("guide.living.items")));
        for text in texts {
            // Interface words (buttons, messages) are not content to review.
            if text.path.starts_with("ui.") {
                continue;
            }
            assert!(
                sheet.contains(&escape(text.text)),
                "{name}: {} ({:?}) is missing",
                text.path,
                text.text
            );
        }
        for term in &pack.glossary {
            assert!(sheet.contains(&escape(&term.term)), "{name}: {}", term.id);
        }
    }
}

#[test]
fn each_question_has_its_sources_in_full_its_rule_in_words_and_its_sensitive_flag() {
    let pack = fixture("rules_fixture.json");
    let sheet = html(&pack);
    for q in &pack.questions {
        let row = row_of(&sheet, &escape(&q.text));
        assert!(row.contains(&escape(&q.id)), "{}", q.id);
        for id in &q.sources {
            let source = pack.source(id).expect("cited sources exist");
            assert!(row.contains(&escape(&source.title)), "{}: {id}", q.id);
            assert!(row.contains(&escape(&source.org)), "{}: {id}", q.id);
            let url = source
                .url
                .as_deref()
                .expect("the fixture's sources have urls");
            assert!(row.contains(&escape(url)), "{}: {id}", q.id);
        }
        assert!(
            row.contains(&escape(&rule_in_words(&pack, q.rule.as_ref()))),
            "{}",
            q.id
        );
        let flag = if q.sensitive { "Yes" } else { "No" };
        assert!(row.contains(&format!("\"flag\">{flag}")), "{}", q.id);
        assert!(row.ends_with("<td></td>"), "an empty sign-off cell: {row}");
    }
}

#[test]
fn rules_read_as_sentences_naming_the_answers() {
    let pack = fixture("rules_fixture.json");
    assert_eq!(rule_of(&pack, "goals-main-aim"), "Suggested to everyone");
    assert_eq!(
        rule_of(&pack, "care-side-effects"),
        "Never suggested; found by browsing"
    );
    assert!(rule_of(&pack, "care-never").starts_with("Never suggested"));
    assert_eq!(
        rule_of(&pack, "tests-her2-low-drugs"),
        "Suggested when: the answer to “What is your HER2 status?” is one of “HER2-low”, \
         “HER2-ultralow”"
    );
    // `always` inside `all` adds nothing.
    assert_eq!(
        rule_of(&pack, "care-triple-negative"),
        "Suggested when: the answer to “Is your cancer hormone receptor positive?” is \
         “Negative” and the answer to “What is your HER2 status?” is “HER2-zero”"
    );
    assert_eq!(
        rule_of(&pack, "tests-esr1"),
        "Suggested when: the answer to “Is your cancer hormone receptor positive?” is \
         “Positive” and the answer to “Has it grown during a treatment?” is “Hormone therapy”"
    );
    assert_eq!(
        rule_of(&pack, "goals-longer-trials"),
        "Suggested when: the goal “Live longer” is rated “Very important”"
    );
    assert_eq!(
        rule_of(&pack, "care-trials-ask"),
        "Suggested when: “Clinical trials” is marked “Ask about it”"
    );
    assert!(rule_of(&pack, "care-spread-sites").contains("“Bone” or the answer to"));
}

#[test]
fn nested_groups_are_bracketed() {
    use mbc_guide::content::Rule;
    let pack = fixture("rules_fixture.json");
    let factor = |id: &str, option: &str| Rule::Factor {
        id: id.into(),
        is: vec![option.into()],
    };
    let rule = Rule::All(vec![
        factor("her2", "low"),
        Rule::Any(vec![factor("spread", "bone"), factor("spread", "liver")]),
    ]);
    let words = rule_in_words(&pack, Some(&rule));
    assert!(
        words.ends_with("and (the answer to “Where has the cancer spread?” is “Bone” or the answer to “Where has the cancer spread?” is “Liver”)"),
        "{words}"
    );
}

#[test]
fn the_sheet_shows_the_dates_and_every_source_and_loads_nothing() {
    let pack = fixture("rules_fixture.json");
    let sheet = html(&pack);
    assert!(sheet.starts_with("<!DOCTYPE html>"));
    assert!(sheet.contains("<th scope=\"row\">Last reviewed</th><td>2026-11-29</td>"));
    assert!(sheet.contains("<th scope=\"row\">Review by</th><td>2027-05-31</td>"));
    for source in &pack.meta.sources {
        let url = source.url.as_deref().unwrap_or_default();
        assert!(sheet.contains(&escape(url)), "{}", source.id);
    }
    for outside in [
        "<script", "<link", "<img", "<iframe", " src=", "href=", "url(", "@import",
    ] {
        assert!(!sheet.contains(outside), "the sheet holds {outside}");
    }
    assert!(sheet.contains("@page"), "print rules");
    assert!(sheet.contains("lang=\"en\""));
}

#[test]
fn missing_dates_and_sources_are_said_plainly() {
    let mut pack = fixture("valid_minimal.json");
    pack.meta.review_by.clear();
    pack.meta.sources[1].url = None;
    pack.questions[0].sources = vec!["S404".into()];
    let sheet = html(&pack);
    assert!(sheet
        .contains("<th scope=\"row\">Review by</th><td><span class=\"missing\">not given</span>"));
    assert!(sheet.contains("No web address"));
    assert!(sheet.contains("S404: not in the sources"));
}

#[test]
fn markup_in_a_pack_shows_as_text() {
    let mut pack = fixture("valid_minimal.json");
    pack.questions[0].text = "Is <img src=x onerror=alert(1)> & \"this\" safe?".into();
    pack.meta.title = "</title><script>alert(1)</script>".into();
    let sheet = html(&pack);
    assert!(sheet.contains("Is &lt;img src=x onerror=alert(1)&gt; &amp; &quot;this&quot; safe?"));
    assert!(!sheet.contains("<img") && !sheet.contains("<script"));
}

#[test]
fn a_spanish_pack_marks_its_words_as_spanish() {
    let mut pack = fixture("valid_minimal.json");
    pack.lang = "es".into();
    let sheet = html(&pack);
    assert!(
        sheet.contains("<html lang=\"en\">"),
        "the framing is English"
    );
    let row = row_of(&sheet, &escape(&pack.questions[0].text));
    assert!(row.contains("<td lang=\"es\">"), "{row}");
}
