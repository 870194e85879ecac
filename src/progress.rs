//! Where the person is in the journey, as plain values the components
//! render: each step's status (as in GOV.UK's task list: not started,
//! started, completed), how many steps are done, whether there is anything to
//! continue, and which questions each step asks.
//!
//! "What matters to me" is asked once, in step 1: the factor about it is
//! shown there (not in step 2), and the readiness item about it is not asked
//! again in step 5.
//!
//! Pure: no browser, no clock.

use crate::answers::EXTRA_TREATMENTS;
use crate::content::{Factor, Pack, ReadinessItem};
use crate::state::{State, Step};

/// The factor that asks whether the person knows what matters most to them.
/// It belongs with the goals, in step 1.
pub const VALUES_FACTOR: &str = "preferences";
/// The readiness item that asks the same thing again; step 1 has asked it.
pub const VALUES_READINESS: &str = "values";

/// How far a step is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    Started,
    Completed,
}

impl Status {
    /// The interface key of its tag: "Not started", "Started", "Completed".
    pub fn ui_key(self) -> &'static str {
        match self {
            Status::NotStarted => "status_not_started",
            Status::Started => "status_started",
            Status::Completed => "status_completed",
        }
    }
}

/// The factor asked in step 1 with the goals, if the pack has it.
pub fn values_factor(pack: &Pack) -> Option<&Factor> {
    pack.guide
        .factors
        .items
        .iter()
        .find(|f| f.id == VALUES_FACTOR)
}

/// The factors asked in step 2: all but the one step 1 asks.
pub fn profile_factors(pack: &Pack) -> impl Iterator<Item = &Factor> {
    pack.guide
        .factors
        .items
        .iter()
        .filter(|f| f.id != VALUES_FACTOR)
}

/// The readiness items asked in step 5: all but "what matters to me".
pub fn readiness_items(pack: &Pack) -> impl Iterator<Item = &ReadinessItem> {
    pack.readiness.iter().filter(|r| r.id != VALUES_READINESS)
}

/// The ids step 3 asks about: the guide's treatments, then supportive and
/// complementary care.
pub fn treatment_ids(pack: &Pack) -> Vec<&str> {
    pack.guide
        .treatments
        .items
        .iter()
        .map(|t| t.id.as_str())
        .chain(EXTRA_TREATMENTS)
        .collect()
}

fn answered_factor(state: &State, id: &str) -> bool {
    state
        .answers()
        .factors
        .get(id)
        .is_some_and(|options| !options.is_empty())
}

/// Completed only when every question of the step has an answer; started
/// when some have (or the person wrote something of their own, or gave the
/// optional reason for the visit).
pub fn status(pack: &Pack, state: &State, step: Step) -> Status {
    let answers = state.answers();
    let (asked, answered, wrote) = match step {
        Step::Goals => {
            let values = values_factor(pack);
            let asked = pack.guide.goals.items.len() + usize::from(values.is_some());
            let answered = pack
                .guide
                .goals
                .items
                .iter()
                .filter(|g| answers.goals.get(&g.id).is_some())
                .count()
                + usize::from(values.is_some_and(|f| answered_factor(state, &f.id)));
            (asked, answered, !answers.goals_other.trim().is_empty())
        }
        Step::Profile => {
            let factors: Vec<&Factor> = profile_factors(pack).collect();
            let answered = factors
                .iter()
                .filter(|f| answered_factor(state, &f.id))
                .count();
            (
                factors.len(),
                answered,
                !state.treatment_now().trim().is_empty(),
            )
        }
        Step::Treatments => {
            let ids = treatment_ids(pack);
            let answered = ids
                .iter()
                .filter(|id| answers.treatments.get(id).is_some())
                .count();
            (ids.len(), answered, false)
        }
        // Done once there is a question to take along.
        Step::Questions => (1, usize::from(!state.list().is_empty()), false),
        Step::Ready => {
            let items: Vec<&ReadinessItem> = readiness_items(pack).collect();
            let answered = items
                .iter()
                .filter(|r| state.readiness().get(&r.id).is_some())
                .count();
            (items.len(), answered, state.visit.is_some())
        }
    };
    if asked > 0 && answered >= asked {
        Status::Completed
    } else if answered > 0 || wrote {
        Status::Started
    } else {
        Status::NotStarted
    }
}

/// How many steps are completed.
pub fn completed(pack: &Pack, state: &State) -> usize {
    Step::ALL
        .iter()
        .filter(|&&s| status(pack, state, s) == Status::Completed)
        .count()
}

/// Has the person begun (so the start button says "Continue")?
pub fn has_started(state: &State) -> bool {
    state.step != Step::Goals || Step::ALL.iter().any(|&s| state.has_answers(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Mark, Rating};
    use crate::content::{Lang, Library};
    use crate::state::Action;

    fn pack() -> std::rc::Rc<Pack> {
        Library::builtin()
            .expect("built-in packs parse")
            .pack_or_english(Lang::En)
    }

    fn choose(state: &State, factor: &str, option: &str) -> State {
        state.apply(Action::ChooseFactor {
            factor: factor.into(),
            option: option.into(),
            multiple: false,
            chosen: true,
        })
    }

    #[test]
    fn a_fresh_start_has_nothing_started() {
        let pack = pack();
        let state = State::default();
        for step in Step::ALL {
            assert_eq!(status(&pack, &state, step), Status::NotStarted, "{step:?}");
        }
        assert_eq!(completed(&pack, &state), 0);
        assert!(!has_started(&state));
    }

    #[test]
    fn one_answer_starts_a_step_and_only_every_answer_completes_it() {
        let pack = pack();
        let mut state = State::default();
        let goals: Vec<String> = pack
            .guide
            .goals
            .items
            .iter()
            .map(|g| g.id.clone())
            .collect();
        state = state.apply(Action::RateGoal {
            goal: goals[0].clone(),
            rating: Some(Rating::Very),
        });
        assert_eq!(status(&pack, &state, Step::Goals), Status::Started);
        assert!(has_started(&state));
        for goal in &goals {
            state = state.apply(Action::RateGoal {
                goal: goal.clone(),
                rating: Some(Rating::Somewhat),
            });
        }
        // The "what matters most" question is part of step 1.
        assert_eq!(status(&pack, &state, Step::Goals), Status::Started);
        state = choose(&state, VALUES_FACTOR, "not_sure");
        assert_eq!(status(&pack, &state, Step::Goals), Status::Completed);
        assert_eq!(
            status(&pack, &state, Step::Profile),
            Status::NotStarted,
            "it does not count for step 2"
        );
        assert_eq!(completed(&pack, &state), 1);
    }

    #[test]
    fn writing_something_of_ones_own_starts_step_one() {
        let pack = pack();
        let state = State::default().apply(Action::SetGoalsOther("A wedding".into()));
        assert_eq!(status(&pack, &state, Step::Goals), Status::Started);
        let blank = State::default().apply(Action::SetGoalsOther("   ".into()));
        assert_eq!(status(&pack, &blank, Step::Goals), Status::NotStarted);
    }

    #[test]
    fn step_two_is_complete_when_every_factor_but_values_is_answered() {
        let pack = pack();
        let mut state = State::default();
        let factors: Vec<String> = profile_factors(&pack).map(|f| f.id.clone()).collect();
        assert!(!factors.iter().any(|f| f == VALUES_FACTOR));
        for (i, f) in factors.iter().enumerate() {
            state = choose(&state, f, "not_sure");
            let want = if i + 1 == factors.len() {
                Status::Completed
            } else {
                Status::Started
            };
            assert_eq!(status(&pack, &state, Step::Profile), want, "after {f}");
        }
    }

    #[test]
    fn treatments_questions_and_readiness() {
        let pack = pack();
        let mut state = State::default();
        let ids: Vec<String> = treatment_ids(&pack).iter().map(|s| s.to_string()).collect();
        assert!(ids.iter().any(|i| i == "supportive") && ids.iter().any(|i| i == "complementary"));
        for id in &ids {
            assert_ne!(status(&pack, &state, Step::Treatments), Status::Completed);
            state = state.apply(Action::MarkTreatment {
                treatment: id.clone(),
                mark: Some(Mark::Ask),
            });
        }
        assert_eq!(status(&pack, &state, Step::Treatments), Status::Completed);

        assert_eq!(status(&pack, &state, Step::Questions), Status::NotStarted);
        state = state.apply(Action::AddOwn("Can I work?".into()));
        assert_eq!(status(&pack, &state, Step::Questions), Status::Completed);

        let items: Vec<String> = readiness_items(&pack).map(|r| r.id.clone()).collect();
        assert!(
            !items.iter().any(|i| i == VALUES_READINESS),
            "asked once, in step 1"
        );
        assert_eq!(items.len() + 1, pack.readiness.len());
        for id in &items {
            state = state.apply(Action::AnswerReadiness {
                item: id.clone(),
                yes: Some(false),
            });
        }
        assert_eq!(status(&pack, &state, Step::Ready), Status::Completed);
        assert_eq!(completed(&pack, &state), 3);
    }

    #[test]
    fn moving_on_without_answering_is_a_start_but_completes_nothing() {
        let pack = pack();
        let state = State::default().apply(Action::GoTo(Step::Treatments));
        assert!(has_started(&state));
        assert_eq!(completed(&pack, &state), 0);
    }
}
