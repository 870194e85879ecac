//! A table of named profiles run through the real built-in packs: for each,
//! the questions that must be suggested, the ones that must never be, and a
//! ceiling on how many are suggested in all. Run with `--nocapture` to see
//! how many each profile gets in all and how many show first.

use mbc_guide::answers::{Answers, Mark, Rating};
use mbc_guide::content::{builtin, Lang, Pack};
use mbc_guide::rules::{suggest, SHOWN_FIRST};

/// A sensible ceiling for one profile: more than this and the list is a dump,
/// not a suggestion.
const MAX_SUGGESTED: usize = 25;

/// The questions every profile gets, whatever the answers.
const FOR_EVERYONE: [&str; 9] = [
    "goals-main-aim",
    "side-effects-when-to-call",
    "biomarkers-which-tests",
    "biomarkers-inherited-genes",
    "testing-scans",
    "supportive-palliative-now",
    "cost-help-paying",
    "complementary-supplements",
    "second-opinion-support",
];

/// Questions about the ovaries: never for men or when menopause does not apply.
const OVARY_QUESTIONS: [&str; 2] = [
    "treatment-ovarian-suppression",
    "treatment-ovaries-after-chemo",
];

/// Drugs approved only for HER2-negative cancer, and the tests for them.
const HER2_NEGATIVE_ONLY: [&str; 4] = [
    "biomarkers-esr1",
    "biomarkers-pik3ca",
    "treatment-cdk46",
    "treatment-after-cdk46",
];

struct Profile {
    name: &'static str,
    factors: &'static [(&'static str, &'static [&'static str])],
    goals: &'static [(&'static str, Rating)],
    treatments: &'static [(&'static str, Mark)],
    must: &'static [&'static str],
    never: &'static [&'static str],
}

impl Profile {
    fn answers(&self) -> Answers {
        let mut answers = Answers::default();
        for (factor, options) in self.factors {
            answers.factors.insert(
                (*factor).to_owned(),
                options.iter().map(|o| (*o).to_owned()).collect(),
            );
        }
        for (goal, rating) in self.goals {
            answers.goals.insert((*goal).to_owned(), *rating);
        }
        for (treatment, mark) in self.treatments {
            answers.treatments.insert((*treatment).to_owned(), *mark);
        }
        answers
    }
}

const TYPICAL_GOALS: &[(&str, Rating)] = &[
    ("shrink", Rating::Somewhat),
    ("quality", Rating::Very),
    ("longer", Rating::Very),
];

const PROFILES: &[Profile] = &[
    Profile {
        name: "HR+/HER2-low, hormone therapy stopped working",
        factors: &[
            ("hormone_receptor", &["positive"]),
            ("her2", &["low"]),
            ("spread", &["bone", "liver"]),
            ("history", &["recurrence"]),
            ("past_treatments", &["hormonal", "cdk46"]),
            ("grew_on", &["hormonal"]),
            ("symptoms", &["pain"]),
            ("overall_health", &["good"]),
            ("menopause", &["post"]),
            ("preferences", &["thinking"]),
        ],
        goals: TYPICAL_GOALS,
        treatments: &[("hormonal", Mark::Discussed), ("chemo", Mark::Ask)],
        must: &[
            "biomarkers-esr1",
            "biomarkers-pik3ca",
            "treatment-after-cdk46",
            "her2-targeted-drug",
            "testing-biopsy-spread",
            "spread-liver-lung",
            "spread-bone-medicine",
            "side-effects-bone-density",
            "second-opinion-each-change",
            "treatment-chemo-or-hormone",
        ],
        never: &[
            "treatment-her2-first",
            "treatment-cdk46",
            "biomarkers-pd-l1",
            "testing-triple-negative",
            "treatment-men-hormone",
            "treatment-ovarian-suppression",
            "goals-decide-together",
        ],
    },
    Profile {
        name: "HER2-positive with brain spread",
        factors: &[
            ("hormone_receptor", &["negative"]),
            ("her2", &["positive"]),
            ("spread", &["brain", "lung"]),
            ("history", &["de_novo"]),
            ("past_treatments", &["none"]),
            ("grew_on", &["none"]),
            ("symptoms", &["tired"]),
            ("menopause", &["pre"]),
        ],
        goals: TYPICAL_GOALS,
        treatments: &[("targeted", Mark::Ask)],
        must: &[
            "treatment-her2-first",
            "side-effects-her2-heart-lung",
            "spread-brain-medicines",
            "spread-brain-radiation",
            "second-opinion-team",
            "spread-liver-lung",
            "family-birth-control",
            "side-effects-fertility",
        ],
        never: &[
            "biomarkers-esr1",
            "biomarkers-pik3ca",
            "treatment-cdk46",
            "treatment-after-cdk46",
            "her2-targeted-drug",
            "her2-retest",
            "testing-triple-negative",
            "treatment-chemo-or-hormone",
            "treatment-ovarian-suppression",
        ],
    },
    Profile {
        name: "Triple-negative, grew on chemotherapy",
        factors: &[
            ("hormone_receptor", &["negative"]),
            ("her2", &["zero"]),
            ("spread", &["lung", "lymph_nodes"]),
            ("history", &["recurrence"]),
            ("past_treatments", &["chemo"]),
            ("grew_on", &["chemo"]),
            ("symptoms", &["breathing"]),
            ("menopause", &["peri"]),
        ],
        goals: TYPICAL_GOALS,
        treatments: &[("chemo", Mark::Ask)],
        must: &[
            "testing-triple-negative",
            "biomarkers-pd-l1",
            "treatment-tnbc-options",
            "biomarkers-retest-on-growth",
            "her2-retest",
            "biomarkers-family",
            "supportive-breathing",
        ],
        never: &[
            "treatment-chemo-or-hormone",
            "biomarkers-esr1",
            "treatment-cdk46",
            "treatment-her2-first",
            "her2-targeted-drug",
            "treatment-ovarian-suppression",
            "side-effects-bone-density",
        ],
    },
    Profile {
        name: "A man with HR+ cancer",
        factors: &[
            ("hormone_receptor", &["positive"]),
            ("her2", &["zero"]),
            ("spread", &["bone"]),
            ("history", &["recurrence"]),
            ("past_treatments", &["hormonal"]),
            ("grew_on", &["none"]),
            ("menopause", &["man"]),
        ],
        goals: &[],
        treatments: &[("hormonal", Mark::Discussed)],
        must: &[
            "treatment-men-hormone",
            "biomarkers-inherited-genes",
            "biomarkers-family",
            "supportive-support-group",
            "treatment-cdk46",
            "family-sex-intimacy",
        ],
        never: &[
            "treatment-ovarian-suppression",
            "treatment-ovaries-after-chemo",
            "treatment-her2-first",
        ],
    },
    Profile {
        name: "Before menopause, HR+, HER2-negative score unknown",
        factors: &[
            ("hormone_receptor", &["positive"]),
            ("her2", &["negative_unknown"]),
            ("spread", &["bone"]),
            ("history", &["de_novo"]),
            ("past_treatments", &["none"]),
            ("grew_on", &["none"]),
            ("menopause", &["pre"]),
            ("preferences", &["clear"]),
        ],
        goals: TYPICAL_GOALS,
        treatments: &[("hormonal", Mark::Ask)],
        must: &[
            "treatment-ovarian-suppression",
            "treatment-cdk46",
            "her2-result",
            "side-effects-fertility",
            "family-birth-control",
            "biomarkers-tissue-or-blood",
            "goals-cure-or-control",
            "goals-my-priorities",
        ],
        never: &[
            "treatment-men-hormone",
            "biomarkers-esr1",
            "treatment-after-cdk46",
            "treatment-her2-first",
            "her2-targeted-drug",
            "testing-biopsy-spread",
        ],
    },
    Profile {
        name: "No answers at all",
        factors: &[],
        goals: &[],
        treatments: &[],
        must: &FOR_EVERYONE,
        never: &[
            "goals-how-much-time",
            "goals-best-and-likely",
            "supportive-hospice",
            "treatment-her2-first",
            "treatment-ovarian-suppression",
        ],
    },
    Profile {
        name: "ER-low, HER2-zero",
        factors: &[
            ("hormone_receptor", &["low"]),
            ("her2", &["zero"]),
            ("spread", &["liver"]),
            ("history", &["recurrence"]),
            ("past_treatments", &["chemo"]),
            ("menopause", &["post"]),
        ],
        goals: TYPICAL_GOALS,
        treatments: &[("chemo", Mark::Ask)],
        must: &[
            "testing-triple-negative",
            "biomarkers-pd-l1",
            "treatment-tnbc-options",
            "testing-hormone-receptor",
            "second-opinion-pathology",
            "treatment-chemo-or-hormone",
            "treatment-ovaries-after-chemo",
        ],
        never: &[
            "treatment-cdk46",
            "biomarkers-esr1",
            "biomarkers-pik3ca",
            "treatment-her2-first",
        ],
    },
    Profile {
        name: "HER2-negative, score unknown, after hormone therapy",
        factors: &[
            ("hormone_receptor", &["positive"]),
            ("her2", &["negative_unknown"]),
            ("spread", &["lung"]),
            ("history", &["recurrence"]),
            ("past_treatments", &["hormonal"]),
            ("grew_on", &["none"]),
            ("menopause", &["post"]),
        ],
        goals: TYPICAL_GOALS,
        treatments: &[],
        must: &[
            "her2-result",
            "treatment-cdk46",
            "biomarkers-pik3ca",
            "testing-biopsy-spread",
        ],
        never: &[
            "treatment-her2-first",
            "side-effects-her2-heart-lung",
            "her2-targeted-drug",
            "treatment-ovarian-suppression",
        ],
    },
    Profile {
        name: "De novo HR+/HER2-low, first treatment",
        factors: &[
            ("hormone_receptor", &["positive"]),
            ("her2", &["low"]),
            ("spread", &["bone", "lymph_nodes"]),
            ("history", &["de_novo"]),
            ("past_treatments", &["none"]),
            ("grew_on", &["none"]),
            ("menopause", &["post"]),
            ("preferences", &["clear"]),
        ],
        goals: TYPICAL_GOALS,
        treatments: &[("hormonal", Mark::Ask)],
        must: &[
            "treatment-cdk46",
            "her2-targeted-drug",
            "biomarkers-tissue-or-blood",
            "goals-cure-or-control",
            "spread-bone-medicine",
        ],
        never: &[
            "biomarkers-esr1",
            "treatment-after-cdk46",
            "testing-biopsy-spread",
            "second-opinion-each-change",
            "treatment-ovarian-suppression",
            "treatment-ovaries-after-chemo",
        ],
    },
    Profile {
        name: "HR+/HER2-positive, grew on chemotherapy and HER2 drugs",
        factors: &[
            ("hormone_receptor", &["positive"]),
            ("her2", &["positive"]),
            ("spread", &["liver"]),
            ("history", &["recurrence"]),
            ("past_treatments", &["chemo", "her2_drugs"]),
            ("grew_on", &["chemo", "her2_drugs"]),
            ("menopause", &["post"]),
        ],
        goals: TYPICAL_GOALS,
        treatments: &[("targeted", Mark::Ask)],
        must: &[
            "treatment-her2-first",
            "treatment-her2-hormone",
            "side-effects-her2-heart-lung",
            "biomarkers-retest-on-growth",
            "second-opinion-each-change",
            "testing-biopsy-spread",
        ],
        never: &HER2_NEGATIVE_ONLY,
    },
    Profile {
        name: "Periods stopped after chemotherapy",
        factors: &[
            ("hormone_receptor", &["positive"]),
            ("her2", &["zero"]),
            ("spread", &["lung"]),
            ("history", &["recurrence"]),
            ("past_treatments", &["chemo"]),
            ("grew_on", &["none"]),
            ("menopause", &["post"]),
        ],
        goals: &[],
        treatments: &[],
        must: &["treatment-ovaries-after-chemo", "spread-liver-lung"],
        never: &["treatment-ovarian-suppression", "treatment-men-hormone"],
    },
    Profile {
        name: "Menopause does not apply, HR+/HER2-ultralow",
        factors: &[
            ("hormone_receptor", &["positive"]),
            ("her2", &["ultralow"]),
            ("spread", &["bone"]),
            ("past_treatments", &["hormonal", "chemo"]),
            ("menopause", &["not_applicable"]),
        ],
        goals: &[],
        treatments: &[("hormonal", Mark::Discussed)],
        must: &["her2-targeted-drug", "second-opinion-pathology"],
        never: &[
            "treatment-ovarian-suppression",
            "treatment-ovaries-after-chemo",
            "treatment-men-hormone",
            "family-birth-control",
        ],
    },
    Profile {
        name: "Spine spread with pain",
        factors: &[
            ("hormone_receptor", &["positive"]),
            ("her2", &["zero"]),
            ("spread", &["spine"]),
            ("symptoms", &["pain"]),
            ("menopause", &["post"]),
        ],
        goals: &[],
        treatments: &[("radiation", Mark::Ask)],
        must: &[
            "spread-spine-warning",
            "spread-bone-medicine",
            "treatment-radiosurgery",
            "spread-local-treatment",
            "supportive-pain",
        ],
        never: &["spread-brain-radiation", "spread-liver-lung"],
    },
    Profile {
        name: "Not sure of anything",
        factors: &[
            ("hormone_receptor", &["not_sure"]),
            ("her2", &["not_sure"]),
            ("spread", &["not_sure"]),
            ("history", &["not_sure"]),
            ("past_treatments", &["not_sure"]),
            ("grew_on", &["not_sure"]),
            ("menopause", &["not_sure"]),
            ("preferences", &["not_sure"]),
        ],
        goals: &[],
        treatments: &[],
        must: &[
            "her2-result",
            "testing-hormone-receptor",
            "testing-pathology-report",
            "second-opinion-pathology",
            "spread-where",
            "treatment-all-options",
        ],
        never: &[
            "treatment-men-hormone",
            "treatment-her2-first",
            "biomarkers-esr1",
        ],
    },
];

fn en() -> Pack {
    builtin(Lang::En).unwrap_or_else(|e| panic!("content/en.json: {e}"))
}

fn es() -> Pack {
    builtin(Lang::Es).unwrap_or_else(|e| panic!("content/es.json: {e}"))
}

fn suggested(pack: &Pack, answers: &Answers, show_sensitive: bool) -> Vec<String> {
    suggest(pack, answers, show_sensitive)
        .into_iter()
        .map(|s| s.question_id)
        .collect()
}

#[test]
fn every_profile_gets_what_it_must_never_what_it_must_not_and_a_sensible_number() {
    let pack = en();
    let mut failures = Vec::new();
    println!("{:<58} {:>8} {:>12}", "profile", "in all", "shown first");
    for profile in PROFILES {
        let answers = profile.answers();
        let got = suggested(&pack, &answers, false);
        println!(
            "{:<58} {:>8} {:>12}",
            profile.name,
            got.len(),
            got.len().min(SHOWN_FIRST)
        );
        for id in profile.must.iter().chain(FOR_EVERYONE.iter()) {
            assert!(
                pack.question(id).is_some(),
                "{}: no question {id}",
                profile.name
            );
            if !got.iter().any(|g| g == id) {
                failures.push(format!("{}: {id} is not suggested", profile.name));
            }
        }
        for id in profile.never {
            assert!(
                pack.question(id).is_some(),
                "{}: no question {id}",
                profile.name
            );
            if got.iter().any(|g| g == id) {
                failures.push(format!("{}: {id} is suggested", profile.name));
            }
        }
        if got.len() > MAX_SUGGESTED {
            failures.push(format!(
                "{}: {} suggestions, more than {MAX_SUGGESTED}",
                profile.name,
                got.len()
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn men_and_people_for_whom_menopause_does_not_apply_never_get_ovary_questions() {
    let pack = en();
    for who in ["man", "not_applicable"] {
        // Every answer that could pull in an ovary question, all at once.
        let mut answers = Answers::default();
        for (factor, options) in [
            ("hormone_receptor", vec!["positive", "low", "not_sure"]),
            ("past_treatments", vec!["chemo", "hormonal"]),
            ("menopause", vec![who]),
        ] {
            answers.factors.insert(
                factor.to_owned(),
                options.into_iter().map(str::to_owned).collect(),
            );
        }
        let got = suggested(&pack, &answers, true);
        for id in OVARY_QUESTIONS {
            assert!(!got.iter().any(|g| g == id), "{who}: {id}");
        }
    }
}

#[test]
fn her2_positive_people_never_get_her2_negative_only_drugs() {
    let pack = en();
    for hr in ["positive", "low", "negative", "not_sure"] {
        for grew in ["hormonal", "none", "not_sure"] {
            let mut answers = Answers::default();
            for (factor, option) in [
                ("hormone_receptor", hr),
                ("her2", "positive"),
                ("grew_on", grew),
                ("past_treatments", "cdk46"),
            ] {
                answers
                    .factors
                    .insert(factor.to_owned(), vec![option.to_owned()]);
            }
            let got = suggested(&pack, &answers, true);
            for id in HER2_NEGATIVE_ONLY {
                assert!(
                    !got.iter().any(|g| g == id),
                    "HR {hr}, grew on {grew}: {id}"
                );
            }
        }
    }
}

#[test]
fn chemotherapy_instead_of_hormone_therapy_is_never_asked_with_hr_negative_cancer() {
    let pack = en();
    let mut answers = Answers::default();
    answers
        .factors
        .insert("hormone_receptor".to_owned(), vec!["negative".to_owned()]);
    answers.treatments.insert("chemo".to_owned(), Mark::Ask);
    answers.treatments.insert("hormonal".to_owned(), Mark::Ask);
    let got = suggested(&pack, &answers, true);
    assert!(!got.iter().any(|g| g == "treatment-chemo-or-hormone"));
}

#[test]
fn questions_about_stopping_treatment_wait_until_the_person_chooses_to_see_them() {
    let pack = en();
    let profile = PROFILES
        .iter()
        .find(|p| p.name.starts_with("HR+/HER2-positive, grew"))
        .expect("the profile exists");
    let answers = profile.answers();
    assert!(!suggested(&pack, &answers, false)
        .iter()
        .any(|g| g == "goals-decide-together"));
    assert!(suggested(&pack, &answers, true)
        .iter()
        .any(|g| g == "goals-decide-together"));
    for id in [
        "goals-decide-together",
        "supportive-hospice",
        "goals-how-much-time",
    ] {
        assert!(pack.question(id).is_some_and(|q| q.sensitive), "{id}");
    }
}

#[test]
fn the_spanish_pack_suggests_the_same_questions_for_every_profile() {
    let (en, es) = (en(), es());
    for profile in PROFILES {
        let answers = profile.answers();
        for show_sensitive in [false, true] {
            assert_eq!(
                suggested(&en, &answers, show_sensitive),
                suggested(&es, &answers, show_sensitive),
                "{} (sensitive shown: {show_sensitive})",
                profile.name
            );
        }
    }
}

#[test]
fn few_questions_are_for_everyone() {
    let pack = en();
    let always: Vec<&str> = pack
        .questions
        .iter()
        .filter(|q| q.rule == Some(mbc_guide::content::Rule::Always(true)))
        .map(|q| q.id.as_str())
        .collect();
    assert!(always.len() <= 10, "{always:?}");
    let shown: Vec<&str> = always
        .iter()
        .copied()
        .filter(|id| pack.question(id).is_some_and(|q| !q.sensitive))
        .collect();
    assert_eq!(
        shown, FOR_EVERYONE,
        "the questions for everyone, in pack order"
    );
}
