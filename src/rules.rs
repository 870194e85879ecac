//! Tailoring: which questions to suggest for the person's answers, and the
//! sentence that says why.
//!
//! Rules are data in the content pack (`content::Rule`); this module only
//! reads them. It never fails: a rule that names something the answers do
//! not hold simply does not hold, and the validator reports such rules to
//! editors before they ship.

use crate::answers::{Answers, Mark, Rating};
use crate::content::glossary::{fold, is_letter};
use crate::content::{fill, Pack, Rule};

/// Why a question is suggested: the answer that made its rule hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The rule is `{"always": true}`.
    Everyone,
    /// The person chose `option` for factor `factor`.
    Factor { factor: String, option: String },
    /// The person rated goal `goal` as `rating`.
    Goal { goal: String, rating: Rating },
    /// The person marked treatment `treatment` as `mark`.
    Treatment { treatment: String, mark: Mark },
}

impl Reason {
    /// How much this reason says about the person: what they know about
    /// their cancer counts most, then what they said about a goal or a
    /// treatment, then nothing at all (a question for everyone).
    pub fn relevance(&self) -> Relevance {
        match self {
            Reason::Everyone => Relevance::Everyone,
            Reason::Goal { .. } | Reason::Treatment { .. } => Relevance::Choice,
            Reason::Factor { .. } => Relevance::Factor,
        }
    }
}

/// How well a suggestion fits the person, lowest first, so the derived
/// order ranks them: `Factor > Choice > Everyone`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relevance {
    /// Suggested to everyone (`{"always": true}`).
    Everyone,
    /// A goal rating or a treatment mark made the rule hold.
    Choice,
    /// An answer about the cancer (a factor) made the rule hold.
    Factor,
}

impl Relevance {
    /// Every rank, best first.
    pub const BEST_FIRST: [Relevance; 3] =
        [Relevance::Factor, Relevance::Choice, Relevance::Everyone];
}

/// A question to suggest, why, and how well it fits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub question_id: String,
    pub reason: Reason,
    /// `reason.relevance()`, kept beside it for sorting and display.
    pub relevance: Relevance,
}

/// How many suggestions the widget shows before "Show N more
/// suggestions": the best, as `suggest` orders them. Ten keeps step 4 with
/// a full profile and 6 questions within 5 phone screens (e2e/figures),
/// and ten choices at a time are plenty for a tired reader.
pub const SHOWN_FIRST: usize = 10;

/// Whether a rule holds for the answers, and if so the most relevant
/// reason.
///
/// A factor rule explains itself with the first of the person's chosen
/// answers that the rule names. `all` holds when every part holds; `any`
/// when one part does. Both give the most relevant reason among the parts
/// that hold (see `Relevance`), the first of those on a tie, so a rule that
/// starts with `always` or a goal still names the factor answer it also
/// needs. An empty `all` or `any` never holds, so a mistake in a pack never
/// suggests a question to everyone.
pub fn holds(rule: &Rule, answers: &Answers) -> Option<Reason> {
    match rule {
        Rule::Always(true) => Some(Reason::Everyone),
        Rule::Always(false) => None,
        Rule::Factor { id, is } => answers
            .factors
            .get(id)?
            .iter()
            .find(|chosen| is.contains(chosen))
            .map(|option| Reason::Factor {
                factor: id.clone(),
                option: option.clone(),
            }),
        Rule::Goal { id, is } => {
            let rating = *answers.goals.get(id)?;
            is.iter().any(|r| r == rating.id()).then(|| Reason::Goal {
                goal: id.clone(),
                rating,
            })
        }
        Rule::Treatment { id, is } => {
            let mark = *answers.treatments.get(id)?;
            is.iter()
                .any(|m| m == mark.id())
                .then(|| Reason::Treatment {
                    treatment: id.clone(),
                    mark,
                })
        }
        Rule::All(parts) if parts.is_empty() => None,
        Rule::All(parts) => {
            let reasons = parts
                .iter()
                .map(|part| holds(part, answers))
                .collect::<Option<Vec<Reason>>>()?;
            most_relevant(reasons)
        }
        Rule::Any(parts) => most_relevant(parts.iter().filter_map(|part| holds(part, answers))),
    }
}

/// The most relevant reason, the first on a tie.
fn most_relevant(reasons: impl IntoIterator<Item = Reason>) -> Option<Reason> {
    reasons.into_iter().fold(None, |best, reason| match best {
        Some(b) if b.relevance() >= reason.relevance() => Some(b),
        _ => Some(reason),
    })
}

/// The questions to suggest, best first: those an answer about the cancer
/// brought, then those a goal rating or a treatment mark brought, then
/// those for everyone; within each, in pack order (so editors put the most
/// important question of each kind first in the bank). The widget shows
/// the first `SHOWN_FIRST`. Sensitive questions (life expectancy and the
/// like) only when the person chose to see them.
pub fn suggest(pack: &Pack, answers: &Answers, show_sensitive: bool) -> Vec<Suggestion> {
    let found: Vec<Suggestion> = pack
        .questions
        .iter()
        .filter(|q| show_sensitive || !q.sensitive)
        .filter_map(|q| {
            let reason = holds(q.rule.as_ref()?, answers)?;
            Some(Suggestion {
                question_id: q.id.clone(),
                relevance: reason.relevance(),
                reason,
            })
        })
        .collect();
    // Three ranks, each in pack order: three passes cost the wasm far less
    // than a stable sort.
    let mut ranked = Vec::with_capacity(found.len());
    for rank in Relevance::BEST_FIRST {
        ranked.extend(found.iter().filter(|s| s.relevance == rank).cloned());
    }
    ranked
}

/// The sentence shown under a suggested question, built from the pack's
/// words: "Suggested because you said your HER2 status is not sure." An
/// answer label loses its first capital inside the sentence ("not sure"),
/// unless it starts with an acronym ("HER2-low") or the template quotes it
/// (“Not sure”).
pub fn explain(pack: &Pack, reason: &Reason) -> String {
    let why = match reason {
        Reason::Everyone => return pack.ui("because_everyone").to_owned(),
        Reason::Factor { factor, option } => {
            let found = pack.factor(factor);
            let label = found
                .and_then(|f| f.options.iter().find(|o| o.id == *option))
                .map(|o| o.label.clone())
                .unwrap_or_else(|| option.replace('_', " "));
            match found {
                Some(f) => {
                    let answer = if quoted(&f.reason, "answer") {
                        label
                    } else {
                        lower_first(&label)
                    };
                    fill(&f.reason, &[("answer", &answer)])
                }
                None => lower_first(&label),
            }
        }
        Reason::Goal { goal, rating } => fill(
            pack.ui("reason_goal"),
            &[
                ("goal", pack.item_title(goal)),
                ("rating", &lower_first(pack.ui(rating.ui_key()))),
            ],
        ),
        Reason::Treatment { treatment, mark } => fill(
            pack.ui("reason_treatment"),
            &[
                ("treatment", &lower_first(pack.item_title(treatment))),
                ("mark", pack.ui(mark.ui_key())),
            ],
        ),
    };
    fill(pack.ui("because"), &[("reason", &why)])
}

/// Whether a template puts `{name}` in quotation marks, where a label is
/// quoted as written: you chose “Not sure”.
fn quoted(template: &str, name: &str) -> bool {
    let placeholder = format!("{{{name}}}");
    template.find(&placeholder).is_some_and(|at| {
        template[..at]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '“' | '"' | '«' | '‘' | '\''))
    })
}

/// A label as it reads inside a sentence: "Not sure" becomes "not sure",
/// but "HER2-low", "ER-positive" and "I don't know" keep their capitals.
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let second = chars.clone().next();
    // Upper case is what `fold` changes (Latin letters: the packs are
    // English and Spanish, and the full Unicode tables cost the wasm).
    let upper = |c: char| fold(c) != c;
    let capitalised_word = upper(first)
        && match second {
            Some(c) if is_letter(c) => !upper(c),
            // A one-letter word: "A few", but not the pronoun "I".
            _ => first != 'I',
        };
    if capitalised_word {
        std::iter::once(fold(first)).chain(chars).collect()
    } else {
        label.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse;

    fn pack() -> Pack {
        parse(include_str!("../tests/fixtures/packs/rules_fixture.json"))
            .expect("the rules fixture is a valid pack")
    }

    /// Answers from `(factor, &[options])` pairs.
    fn profile(factors: &[(&str, &[&str])]) -> Answers {
        let mut answers = Answers::default();
        for (factor, options) in factors {
            answers.factors.insert(
                (*factor).to_owned(),
                options.iter().map(|o| (*o).to_owned()).collect(),
            );
        }
        answers
    }

    fn suggested(answers: &Answers) -> Vec<String> {
        suggest(&pack(), answers, false)
            .into_iter()
            .map(|s| s.question_id)
            .collect()
    }

    fn suggests(answers: &Answers, question: &str) -> bool {
        suggested(answers).iter().any(|id| id == question)
    }

    fn reason_for(answers: &Answers, question: &str) -> Reason {
        suggest(&pack(), answers, true)
            .into_iter()
            .find(|s| s.question_id == question)
            .map(|s| s.reason)
            .unwrap_or_else(|| panic!("{question} was not suggested"))
    }

    const EVERYONE: [&str; 2] = ["goals-main-aim", "care-everyone-2"];

    #[test]
    fn an_empty_profile_suggests_only_the_everyone_questions() {
        assert_eq!(suggested(&Answers::default()), EVERYONE);
    }

    #[test]
    fn a_her2_unknown_profile_suggests_the_retesting_question() {
        let answers = profile(&[("her2", &["not_sure"])]);
        assert!(suggests(&answers, "tests-her2-retest"));
        assert!(!suggests(&answers, "tests-her2-low-drugs"));
    }

    #[test]
    fn her2_low_and_ultralow_suggest_the_her2_low_drugs_question() {
        for option in ["low", "ultralow"] {
            let answers = profile(&[("her2", &[option])]);
            assert!(suggests(&answers, "tests-her2-low-drugs"), "{option}");
            assert!(!suggests(&answers, "tests-her2-retest"), "{option}");
        }
    }

    #[test]
    fn bone_spread_suggests_the_bone_strengthening_question() {
        assert!(suggests(&profile(&[("spread", &["bone"])]), "care-bone"));
        assert!(!suggests(&profile(&[("spread", &["liver"])]), "care-bone"));
    }

    #[test]
    fn brain_or_spine_suggests_radiosurgery() {
        let answers = profile(&[("spread", &["brain"])]);
        assert!(suggests(&answers, "care-brain-radiosurgery"));
    }

    #[test]
    fn hr_positive_that_grew_on_hormone_therapy_suggests_esr1_testing_but_hr_positive_alone_does_not(
    ) {
        let grew = profile(&[
            ("hormone_receptor", &["positive"]),
            ("past_treatments", &["chemo", "hormonal"]),
            ("grew_on", &["chemo", "hormonal"]),
        ]);
        assert!(suggests(&grew, "tests-esr1"));
        let alone = profile(&[("hormone_receptor", &["positive"])]);
        assert!(!suggests(&alone, "tests-esr1"));
        let taken_only = profile(&[
            ("hormone_receptor", &["positive"]),
            ("past_treatments", &["hormonal"]),
            ("grew_on", &["chemo"]),
        ]);
        assert!(!suggests(&taken_only, "tests-esr1"));
    }

    #[test]
    fn premenopausal_or_not_sure_suggests_ovarian_suppression() {
        for option in ["pre", "not_sure"] {
            let answers = profile(&[("menopause", &[option])]);
            assert!(suggests(&answers, "care-ovarian-suppression"), "{option}");
        }
        let post = profile(&[("menopause", &["post"])]);
        assert!(!suggests(&post, "care-ovarian-suppression"));
    }

    #[test]
    fn triple_negative_suggests_the_triple_negative_question_with_a_specific_reason() {
        let answers = profile(&[("hormone_receptor", &["negative"]), ("her2", &["zero"])]);
        assert!(suggests(&answers, "care-triple-negative"));
        // The rule starts with `always`, but the reason names the answer.
        assert_eq!(
            reason_for(&answers, "care-triple-negative"),
            Reason::Factor {
                factor: "hormone_receptor".into(),
                option: "negative".into()
            }
        );
        let hr_negative_only = profile(&[("hormone_receptor", &["negative"])]);
        assert!(!suggests(&hr_negative_only, "care-triple-negative"));
    }

    #[test]
    fn multiple_spread_sites_give_one_suggestion_per_question() {
        let answers = profile(&[("spread", &["bone", "liver", "lung", "brain"])]);
        let ids = suggested(&answers);
        for id in &ids {
            assert_eq!(ids.iter().filter(|x| *x == id).count(), 1, "{id} twice");
        }
        assert!(ids.contains(&"care-spread-sites".to_owned()));
        // The reason names the person's first chosen site.
        assert_eq!(
            reason_for(&answers, "care-spread-sites"),
            Reason::Factor {
                factor: "spread".into(),
                option: "bone".into()
            }
        );
    }

    #[test]
    fn sensitive_questions_are_hidden_until_opted_in() {
        let answers = profile(&[("overall_health", &["poor"])]);
        let hidden = suggest(&pack(), &answers, false);
        assert!(!hidden.iter().any(|s| s.question_id == "goals-how-long"));
        assert!(!hidden.iter().any(|s| s.question_id == "goals-worst-case"));
        let shown = suggest(&pack(), &answers, true);
        assert!(shown.iter().any(|s| s.question_id == "goals-how-long"));
        assert!(shown.iter().any(|s| s.question_id == "goals-worst-case"));
    }

    #[test]
    fn tailored_suggestions_come_before_the_everyone_ones_in_pack_order() {
        let answers = profile(&[("spread", &["brain", "bone"]), ("her2", &["not_sure"])]);
        assert_eq!(
            suggested(&answers),
            [
                "tests-her2-retest",
                "care-bone",
                "care-brain-radiosurgery",
                "care-spread-sites",
                "goals-main-aim",
                "care-everyone-2",
            ]
        );
    }

    #[test]
    fn factor_reasons_rank_above_goal_and_treatment_ones_above_everyone_ones() {
        let mut answers = profile(&[("spread", &["bone"])]);
        answers.goals.insert("longer".into(), Rating::Very);
        answers.treatments.insert("trials".into(), Mark::Ask);
        let shown = suggest(&pack(), &answers, false);
        let order: Vec<(&str, Relevance)> = shown
            .iter()
            .map(|s| (s.question_id.as_str(), s.relevance))
            .collect();
        assert_eq!(
            order,
            [
                ("care-bone", Relevance::Factor),
                ("care-spread-sites", Relevance::Factor),
                // Pack order within a rank: the goal question comes first
                // in the bank.
                ("goals-longer-trials", Relevance::Choice),
                ("care-trials-ask", Relevance::Choice),
                ("goals-main-aim", Relevance::Everyone),
                ("care-everyone-2", Relevance::Everyone),
            ]
        );
        assert!(shown.iter().all(|s| s.relevance == s.reason.relevance()));
        assert!(Relevance::BEST_FIRST.windows(2).all(|w| w[0] > w[1]));
    }

    #[test]
    fn all_and_any_name_their_most_relevant_part_the_first_on_a_tie() {
        let mut answers = profile(&[("her2", &["low"]), ("spread", &["liver"])]);
        answers.goals.insert("longer".into(), Rating::Very);
        let goal = Rule::Goal {
            id: "longer".into(),
            is: vec!["very".into()],
        };
        let factor = |id: &str, option: &str| Rule::Factor {
            id: id.into(),
            is: vec![option.into()],
        };
        let her2_low = Reason::Factor {
            factor: "her2".into(),
            option: "low".into(),
        };
        let both = Rule::All(vec![goal.clone(), factor("her2", "low")]);
        assert_eq!(holds(&both, &answers), Some(her2_low.clone()));
        let either = Rule::Any(vec![
            goal.clone(),
            factor("her2", "low"),
            factor("spread", "liver"),
        ]);
        assert_eq!(holds(&either, &answers), Some(her2_low));
        let goal_only = Rule::Any(vec![Rule::Always(true), goal, factor("her2", "zero")]);
        assert!(matches!(
            holds(&goal_only, &answers),
            Some(Reason::Goal { .. })
        ));
    }

    #[test]
    fn a_full_profile_is_cut_at_shown_first_only_by_the_caller() {
        let mut answers = profile(&[
            ("her2", &["not_sure"]),
            ("spread", &["bone", "brain"]),
            ("menopause", &["pre"]),
            ("hormone_receptor", &["negative"]),
        ]);
        answers.goals.insert("longer".into(), Rating::Very);
        let all = suggest(&pack(), &answers, true);
        assert!(all.len() > 6);
        // Whatever is cut, the best are kept: sorted by relevance, best first.
        assert!(all.windows(2).all(|w| w[0].relevance >= w[1].relevance));
    }

    #[test]
    fn a_goal_rated_very_important_suggests_its_question() {
        let mut answers = Answers::default();
        answers.goals.insert("longer".into(), Rating::Very);
        assert!(suggests(&answers, "goals-longer-trials"));
        answers.goals.insert("longer".into(), Rating::Somewhat);
        assert!(!suggests(&answers, "goals-longer-trials"));
    }

    #[test]
    fn asking_about_trials_or_supportive_care_suggests_their_questions() {
        let mut answers = Answers::default();
        answers.treatments.insert("trials".into(), Mark::Ask);
        answers
            .treatments
            .insert("supportive".into(), Mark::Discussed);
        assert!(suggests(&answers, "care-trials-ask"));
        assert!(suggests(&answers, "care-supportive"));
        answers.treatments.insert("trials".into(), Mark::NotNow);
        assert!(!suggests(&answers, "care-trials-ask"));
    }

    #[test]
    fn a_switched_off_or_ruleless_question_is_never_suggested() {
        let everything = profile(&[
            ("her2", &["not_sure"]),
            ("spread", &["bone", "brain"]),
            ("overall_health", &["poor"]),
        ]);
        let ids: Vec<String> = suggest(&pack(), &everything, true)
            .into_iter()
            .map(|s| s.question_id)
            .collect();
        assert!(!ids.contains(&"care-never".to_owned()));
        assert!(!ids.contains(&"care-side-effects".to_owned()));
    }

    #[test]
    fn answers_for_unknown_factors_or_options_change_nothing() {
        let odd = profile(&[("her3", &["yes"]), ("her2", &["purple"])]);
        assert_eq!(suggested(&odd), EVERYONE);
    }

    #[test]
    fn an_empty_all_or_any_never_holds() {
        let answers = Answers::default();
        assert_eq!(holds(&Rule::All(vec![]), &answers), None);
        assert_eq!(holds(&Rule::Any(vec![]), &answers), None);
        let everyone = Rule::All(vec![Rule::Always(true), Rule::Always(true)]);
        assert_eq!(holds(&everyone, &answers), Some(Reason::Everyone));
    }

    #[test]
    fn the_her2_not_sure_reason_reads_as_a_sentence() {
        let reason = Reason::Factor {
            factor: "her2".into(),
            option: "not_sure".into(),
        };
        assert_eq!(
            explain(&pack(), &reason),
            "We suggest this because you said your HER2 status is not sure."
        );
    }

    #[test]
    fn acronym_labels_keep_their_capitals_in_the_reason() {
        let reason = Reason::Factor {
            factor: "her2".into(),
            option: "low".into(),
        };
        assert_eq!(
            explain(&pack(), &reason),
            "We suggest this because you said your HER2 status is HER2-low."
        );
    }

    #[test]
    fn everyone_goal_and_treatment_reasons_use_their_interface_words() {
        let pack = pack();
        assert_eq!(
            explain(&pack, &Reason::Everyone),
            "We suggest this to everyone."
        );
        let goal = Reason::Goal {
            goal: "longer".into(),
            rating: Rating::Very,
        };
        assert_eq!(
            explain(&pack, &goal),
            "We suggest this because you rated “Live longer” as very important."
        );
        let treatment = Reason::Treatment {
            treatment: "trials".into(),
            mark: Mark::Ask,
        };
        assert_eq!(
            explain(&pack, &treatment),
            "We suggest this because you marked clinical trials as “Ask about it”."
        );
    }

    #[test]
    fn a_quoted_answer_keeps_its_label_as_written() {
        let reason = Reason::Factor {
            factor: "menopause".into(),
            option: "pre".into(),
        };
        assert_eq!(
            explain(&pack(), &reason),
            "We suggest this because you said “Not yet” about menopause."
        );
    }

    #[test]
    fn labels_lose_only_an_ordinary_capital() {
        assert_eq!(lower_first("Not sure"), "not sure");
        assert_eq!(lower_first("HER2-low"), "HER2-low");
        assert_eq!(lower_first("ER-positive"), "ER-positive");
        assert_eq!(lower_first("I don't know"), "I don't know");
        assert_eq!(lower_first("A few"), "a few");
        assert_eq!(lower_first("Ésta"), "ésta", "Spanish capitals too");
        assert_eq!(lower_first("ÉR"), "ÉR", "an acronym stays");
        assert_eq!(lower_first("Sí"), "sí");
        assert_eq!(lower_first(""), "");
    }
}
