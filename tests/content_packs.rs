//! The real built-in packs, as they ship: they parse, validate, read
//! plainly, translate completely, and tailor as intended. These tests read
//! whatever content/*.json holds, so they name no question ids.

use mbc_guide::answers::{Answers, Mark, Rating};
use mbc_guide::content::readability::pack_report;
use mbc_guide::content::validate::{
    validate_pack_with, Options, Problem, MAX_GRADE, MAX_MEDIAN_GRADE,
};
use mbc_guide::content::{builtin, parse, ui_keys, Lang, Pack, Rule};
use mbc_guide::rules::{explain, holds, suggest, Reason};
use std::collections::BTreeSet;

fn en() -> Pack {
    builtin(Lang::En).unwrap_or_else(|e| panic!("content/en.json: {e}"))
}

fn es() -> Pack {
    builtin(Lang::Es).unwrap_or_else(|e| panic!("content/es.json: {e}"))
}

fn show(problems: &[&Problem]) -> String {
    problems.iter().map(|p| format!("  {p}\n")).collect()
}

#[test]
fn both_packs_parse() {
    assert_eq!(en().lang, "en");
    assert_eq!(es().lang, "es");
}

#[test]
fn host_language_codes_are_read_leniently() {
    assert_eq!(Lang::from_code("es-MX"), Some(Lang::Es));
    assert_eq!(Lang::from_code(" EN "), Some(Lang::En));
    assert_eq!(Lang::from_code("fr"), None);
    assert_eq!(Lang::from_code(""), None);
}

/// Checked as our own packs: every source with an address and the date it
/// was checked, a review date, the publisher list, the urgent box and the
/// living-with topics.
#[test]
fn both_packs_validate_without_errors() {
    for (name, pack, reference) in [("en", en(), None), ("es", es(), Some(en()))] {
        let options = Options {
            reference: reference.as_ref(),
            builtin: true,
            today: None,
        };
        let problems = validate_pack_with(&pack, &options);
        let errors: Vec<&Problem> = problems.iter().filter(|p| p.is_error()).collect();
        assert!(errors.is_empty(), "content/{name}.json:\n{}", show(&errors));
    }
}

#[test]
fn every_english_string_reads_at_grade_8_or_below_and_the_median_at_6() {
    let report = pack_report(&en());
    let mut too_hard: Vec<String> = report
        .scores
        .iter()
        .filter(|(_, grade)| *grade > MAX_GRADE)
        .map(|(path, grade)| format!("  {grade:>5.1}  {path}"))
        .collect();
    if report.pooled_labels.grade > MAX_GRADE {
        too_hard.push(format!(
            "  {:>5.1}  (short labels, pooled)",
            report.pooled_labels.grade
        ));
    }
    assert!(
        too_hard.is_empty(),
        "strings above grade {MAX_GRADE} (run `cargo run --bin mbc-validate-pack -- --readability`):\n{}",
        too_hard.join("\n")
    );
    assert!(
        report.median <= MAX_MEDIAN_GRADE,
        "the median grade is {:.2}, above {MAX_MEDIAN_GRADE}; the hardest is {} at {:.1}",
        report.median,
        report.max.0,
        report.max.1
    );
}

/// Every id of a pack, as "kind id", for comparing translations.
fn all_ids(pack: &Pack) -> BTreeSet<String> {
    let g = &pack.guide;
    let mut ids = BTreeSet::new();
    let mut add = |kind: &str, id: &str| ids.insert(format!("{kind} {id}"));
    pack.questions.iter().for_each(|q| {
        add("question", &q.id);
    });
    pack.topics.iter().for_each(|t| {
        add("topic", &t.id);
    });
    pack.glossary.iter().for_each(|t| {
        add("glossary", &t.id);
    });
    pack.readiness.iter().for_each(|r| {
        add("readiness", &r.id);
    });
    pack.meta.sources.iter().for_each(|s| {
        add("source", &s.id);
    });
    g.goals.items.iter().for_each(|i| {
        add("goal", &i.id);
    });
    g.treatments.items.iter().for_each(|i| {
        add("treatment", &i.id);
    });
    for f in &g.factors.items {
        add("factor", &f.id);
        for o in &f.options {
            add("option", &format!("{}.{}", f.id, o.id));
        }
    }
    pack.ui.keys().for_each(|k| {
        add("ui", k);
    });
    ids
}

#[test]
fn spanish_covers_every_english_id_and_adds_none() {
    let (en_ids, es_ids) = (all_ids(&en()), all_ids(&es()));
    let missing: Vec<&String> = en_ids.difference(&es_ids).collect();
    let extra: Vec<&String> = es_ids.difference(&en_ids).collect();
    assert!(
        missing.is_empty(),
        "not translated into Spanish: {missing:?}"
    );
    assert!(extra.is_empty(), "in Spanish but not English: {extra:?}");
}

#[test]
fn both_packs_have_every_interface_word() {
    for (name, pack) in [("en", en()), ("es", es())] {
        let missing: Vec<&&str> = ui_keys::REQUIRED
            .iter()
            .filter(|k| !pack.ui.contains_key(k))
            .collect();
        assert!(missing.is_empty(), "content/{name}.json lacks {missing:?}");
    }
}

#[test]
fn the_bank_has_at_least_70_questions_in_10_topics_each_with_a_real_source() {
    for (name, pack) in [("en", en()), ("es", es())] {
        assert!(
            pack.questions.len() >= 70,
            "{name}: {}",
            pack.questions.len()
        );
        let topics: BTreeSet<&str> = pack.questions.iter().map(|q| q.topic.as_str()).collect();
        assert!(topics.len() >= 10, "{name}: questions in {topics:?}");
        for q in &pack.questions {
            assert!(!q.sources.is_empty(), "{name}: {} cites nothing", q.id);
            for s in &q.sources {
                assert!(pack.source(s).is_some(), "{name}: {} cites {s}", q.id);
            }
        }
    }
}

#[test]
fn the_glossary_has_at_least_25_terms() {
    assert!(en().glossary.len() >= 25, "{}", en().glossary.len());
    assert!(es().glossary.len() >= 25, "{}", es().glossary.len());
}

#[test]
fn every_factor_offers_not_sure_and_her2_offers_low_and_ultralow() {
    for (name, pack) in [("en", en()), ("es", es())] {
        for f in &pack.guide.factors.items {
            assert!(
                f.options.iter().any(|o| o.id == "not_sure"),
                "{name}: {} has no not_sure",
                f.id
            );
        }
        let her2 = pack.factor("her2").expect("a her2 factor");
        for wanted in ["low", "ultralow"] {
            assert!(
                her2.options.iter().any(|o| o.id == wanted),
                "{name}: HER2 lacks {wanted}"
            );
        }
    }
}

#[test]
fn packs_survive_a_round_trip_through_json() {
    for pack in [en(), es()] {
        let text = serde_json::to_string_pretty(&pack).expect("a pack serialises");
        assert_eq!(parse(&text).expect("and parses back"), pack);
    }
}

/// Answers that make a rule hold: the first named answer of each part.
fn profile_for(rule: &Rule, answers: &mut Answers) {
    match rule {
        Rule::Always(_) => {}
        Rule::Factor { id, is } => {
            if let Some(option) = is.first() {
                let mut chosen = answers.factors.remove(id).unwrap_or_default();
                chosen.push(option.clone());
                answers.factors.insert(id.clone(), chosen);
            }
        }
        Rule::Goal { id, is } => {
            if let Some(r) = Rating::ALL
                .into_iter()
                .find(|r| is.first().map(String::as_str) == Some(r.id()))
            {
                answers.goals.insert(id.clone(), r);
            }
        }
        Rule::Treatment { id, is } => {
            if let Some(m) = Mark::ALL
                .into_iter()
                .find(|m| is.first().map(String::as_str) == Some(m.id()))
            {
                answers.treatments.insert(id.clone(), m);
            }
        }
        Rule::All(parts) => parts.iter().for_each(|p| profile_for(p, answers)),
        Rule::Any(parts) => {
            if let Some(first) = parts.first() {
                profile_for(first, answers);
            }
        }
    }
}

#[test]
fn every_tailored_question_is_suggested_for_some_profile_with_a_full_sentence() {
    for (name, pack) in [("en", en()), ("es", es())] {
        for q in &pack.questions {
            let Some(rule) = &q.rule else { continue };
            if *rule == Rule::Always(false) {
                continue;
            }
            let mut answers = Answers::default();
            profile_for(rule, &mut answers);
            let reason = holds(rule, &answers)
                .unwrap_or_else(|| panic!("{name}: no profile suggests {}", q.id));
            let shown = suggest(&pack, &answers, true);
            assert!(
                shown.iter().any(|s| s.question_id == q.id),
                "{name}: {} not suggested",
                q.id
            );
            let sentence = explain(&pack, &reason);
            assert!(
                !sentence.contains('{') && !pack.ui.contains_key(&sentence),
                "{name}: {} explains itself as {sentence:?}",
                q.id
            );
        }
    }
}

#[test]
fn an_empty_profile_suggests_only_questions_for_everyone_and_no_sensitive_ones() {
    let pack = en();
    let suggested = suggest(&pack, &Answers::default(), false);
    assert!(
        !suggested.is_empty(),
        "no question is suggested to everyone"
    );
    for s in &suggested {
        assert_eq!(s.reason, Reason::Everyone, "{}", s.question_id);
        let q = pack
            .question(&s.question_id)
            .expect("suggested from the pack");
        assert!(!q.sensitive, "{} is sensitive", q.id);
    }
}

#[test]
fn a_her2_unknown_profile_gets_a_her2_question() {
    let pack = en();
    let mut answers = Answers::default();
    answers
        .factors
        .insert("her2".into(), vec!["not_sure".into()]);
    let suggested = suggest(&pack, &answers, false);
    assert!(
        suggested.iter().any(|s| matches!(
            &s.reason,
            Reason::Factor { factor, .. } if factor == "her2"
        )),
        "no question is suggested for an unknown HER2 status"
    );
}

#[test]
fn the_glossary_forms_worked_out_once_find_what_a_fresh_search_finds() {
    use mbc_guide::content::glossary::{segments, segments_with, Segment};
    for pack in [en(), es()] {
        let forms = pack.glossary_forms();
        assert!(!forms.is_empty());
        assert!(
            forms
                .windows(2)
                .all(|w| w[0].0.chars().count() >= w[1].0.chars().count()),
            "longest first"
        );
        let mut marked = 0;
        for text in pack.texts() {
            let fresh = segments(text, &pack.glossary);
            assert_eq!(
                segments_with(text, forms, pack.glossary.len()),
                fresh,
                "{text}"
            );
            marked += fresh
                .iter()
                .filter(|s| matches!(s, Segment::Term { .. }))
                .count();
        }
        assert!(
            marked >= pack.glossary.len(),
            "every term is used somewhere"
        );
        // The cache takes no part in comparing packs.
        let untouched = if pack.lang == "en" { en() } else { es() };
        assert_eq!(pack, untouched);
        // A copy changed after the original worked its forms out finds
        // its own words, not the original's.
        let mut copy = pack.clone();
        copy.glossary.truncate(1);
        copy.glossary[0].forms.clear();
        assert_eq!(copy.glossary_forms(), &[(copy.glossary[0].term.clone(), 0)]);
    }
}
