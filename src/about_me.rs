//! "About me" on the printed sheet: what the person knows about their
//! cancer as short statements a doctor takes in at a glance ("HER2 status:
//! Low"), not as the questions the checklist asked ("What is your HER2
//! status?: Low").
//!
//! Pure: decided from the pack and the person's answers.

use crate::answers::Mark;
use crate::content::{Factor, Pack};
use crate::progress::treatment_ids;
use crate::state::State;

/// The labels of the answers chosen for `factor`, in the order chosen;
/// answers the pack does not know are left out.
pub fn chosen_labels<'a>(factor: &'a Factor, state: &State) -> Vec<&'a str> {
    state
        .answers()
        .factors
        .get(&factor.id)
        .map(|chosen| {
            chosen
                .iter()
                .filter_map(|id| factor.options.iter().find(|o| &o.id == id))
                .map(|o| o.label.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// Each answered factor, in the pack's order, as (label, answers joined with
/// ", "). The label is the interface word `about_<factor id>`; a factor the
/// interface has no word for (a hospital's own) keeps its question.
pub fn facts(pack: &Pack, state: &State) -> Vec<(String, String)> {
    pack.guide
        .factors
        .items
        .iter()
        .filter_map(|factor| {
            let labels = chosen_labels(factor, state);
            if labels.is_empty() {
                return None;
            }
            let label = pack
                .ui
                .get(&format!("about_{}", factor.id))
                .cloned()
                .unwrap_or_else(|| factor.title.clone());
            Some((label, labels.join(", ")))
        })
        .collect()
}

/// The kinds of treatment the person wants to ask about ("Ask about it"),
/// in step 3's order: what the doctor needs to talk about. Those already
/// discussed or not wanted now stay off the short sheet.
pub fn to_ask(pack: &Pack, state: &State) -> Vec<String> {
    treatment_ids(pack)
        .into_iter()
        .filter(|id| state.answers().treatments.get(id) == Some(&Mark::Ask))
        .map(|id| pack.item_title(id).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Lang, Library};
    use crate::state::Action;

    fn choose(state: State, factor: &str, option: &str) -> State {
        state.apply(Action::ChooseFactor {
            factor: factor.into(),
            option: option.into(),
            multiple: true,
            chosen: true,
        })
    }

    #[test]
    fn answers_read_as_statements_in_pack_order_in_both_languages() {
        let library = Library::builtin().expect("built-in packs parse");
        let mut state = State::default();
        state = choose(state, "spread", "liver");
        state = choose(state, "her2", "low");
        state = choose(state, "spread", "bone");
        for lang in Lang::ALL {
            let pack = library.pack_or_english(lang);
            let facts = facts(&pack, &state);
            assert_eq!(facts.len(), 2, "{lang:?}");
            assert_eq!(
                facts[0].0,
                pack.ui("about_her2"),
                "the pack's order, not the answer order"
            );
            let her2 = pack.factor("her2").expect("her2");
            assert!(!facts[0].0.ends_with('?'), "a statement, not the question");
            assert_ne!(facts[0].0, her2.title);
            assert!(facts[1].1.contains(", "), "several answers joined");
        }
    }

    #[test]
    fn every_built_in_factor_has_a_statement_label() {
        let library = Library::builtin().expect("built-in packs parse");
        for lang in Lang::ALL {
            let pack = library.pack_or_english(lang);
            for factor in &pack.guide.factors.items {
                let key = format!("about_{}", factor.id);
                assert!(pack.ui.get(&key).is_some(), "{lang:?} lacks {key}");
            }
        }
    }

    #[test]
    fn only_the_treatments_to_ask_about_in_step_order() {
        let library = Library::builtin().expect("built-in packs parse");
        let pack = library.pack_or_english(Lang::En);
        let mut state = State::default();
        for (id, mark) in [
            ("complementary", Mark::Ask),
            ("chemo", Mark::Ask),
            ("hormonal", Mark::Discussed),
            ("surgery", Mark::NotNow),
        ] {
            state = state.apply(Action::MarkTreatment {
                treatment: id.into(),
                mark: Some(mark),
            });
        }
        assert_eq!(
            to_ask(&pack, &state),
            [pack.item_title("chemo"), pack.item_title("complementary")]
        );
        assert!(to_ask(&pack, &State::default()).is_empty());
    }

    #[test]
    fn unknown_or_unanswered_factors_are_left_out() {
        let library = Library::builtin().expect("built-in packs parse");
        let pack = library.pack_or_english(Lang::En);
        let state = choose(State::default(), "no_such_factor", "x");
        assert!(facts(&pack, &state).is_empty());
        let state = choose(State::default(), "her2", "no_such_option");
        assert!(facts(&pack, &state).is_empty());
    }
}
