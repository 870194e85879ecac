//! What "Replace my list" would change, in words, for the dialog that
//! shows a shared list (a link or a file) before the person chooses. Replace
//! takes the other list's questions, answers and settings, so the dialog
//! names each of them, not only the questions. Pure, so it is tested
//! natively.

use crate::content::{fill, Pack};
use crate::plural::questions_phrase;
use crate::state::State;

/// The sentences under "If you replace your list:": the questions (always),
/// the parts whose answers differ, the settings turned on and off, and that
/// it can be undone.
pub fn replace_changes(pack: &Pack, mine: &State, theirs: &State) -> Vec<String> {
    let mut lines = vec![fill(
        pack.ui("incoming_replace_list"),
        &[
            ("mine", &questions_phrase(pack, mine.list().len())),
            ("theirs", &questions_phrase(pack, theirs.list().len())),
        ],
    )];
    let (a, b) = (mine.answers(), theirs.answers());
    let parts: Vec<&str> = [
        (
            "step_goals",
            a.goals != b.goals || a.goals_other.trim() != b.goals_other.trim(),
        ),
        (
            "step_profile",
            a.factors != b.factors || mine.treatment_now().trim() != theirs.treatment_now().trim(),
        ),
        ("step_treatments", a.treatments != b.treatments),
        ("ready_heading", mine.readiness() != theirs.readiness()),
        ("visit_legend", mine.visit != theirs.visit),
    ]
    .into_iter()
    .filter(|(_, differs)| *differs)
    .map(|(key, _)| pack.ui(key))
    .collect();
    if !parts.is_empty() {
        lines.push(fill(
            pack.ui("incoming_replace_answers"),
            &[("parts", &parts.join(", "))],
        ));
    }
    let settings = [
        (
            "sensitive_toggle",
            mine.show_sensitive,
            theirs.show_sensitive,
        ),
        ("large_print", mine.large_print, theirs.large_print),
        ("print_qr_choice", mine.print_qr, theirs.print_qr),
    ];
    for (key, turned_on) in [
        ("incoming_replace_on", true),
        ("incoming_replace_off", false),
    ] {
        let named: Vec<&str> = settings
            .iter()
            .filter(|(_, was, will)| was != will && *will == turned_on)
            .map(|(name, _, _)| pack.ui(name))
            .collect();
        if !named.is_empty() {
            lines.push(fill(pack.ui(key), &[("settings", &named.join(", "))]));
        }
    }
    lines.push(pack.ui("incoming_replace_undo").to_owned());
    lines
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::answers::Rating;
    use crate::content::{builtin, Lang};
    use crate::state::Action;

    fn run(actions: Vec<Action>) -> State {
        actions
            .into_iter()
            .fold(State::default(), |s, a| s.apply(a))
    }

    #[test]
    fn the_dialog_names_questions_answers_and_settings_that_change() {
        let pack = builtin(Lang::En).expect("built-in English");
        let mine = run(vec![
            Action::AddOwn("Mine".into()),
            Action::AddOwn("Also mine".into()),
            Action::RateGoal {
                goal: "longer".into(),
                rating: Some(Rating::Very),
            },
            Action::SetLargePrint(true),
        ]);
        // A hostile link: one question, but it turns sensitive questions on.
        let theirs = run(vec![
            Action::AddOwn("Theirs".into()),
            Action::ShowSensitive(true),
        ]);
        assert_eq!(
            replace_changes(&pack, &mine, &theirs),
            [
                "Your list of 2 questions is replaced by this list of 1 question.",
                "Your answers change in: What matters most to me.",
                "It turns on: Show questions about the future and how long I may live.",
                "It turns off: Large print.",
                "You can undo this right after.",
            ]
        );
        // Nothing but the questions differs: only they are named.
        let same = replace_changes(&pack, &State::default(), &State::default());
        assert_eq!(
            same,
            [
                "Your list of 0 questions is replaced by this list of 0 questions.",
                "You can undo this right after.",
            ]
        );
    }

    #[test]
    fn the_visit_the_treatment_now_and_the_code_on_paper_are_named_too() {
        let pack = builtin(Lang::En).expect("built-in English");
        let mine = State::default();
        let theirs = run(vec![
            Action::SetVisit(Some(crate::state::Visit::SecondOpinion)),
            Action::SetTreatmentNow("Letrozole".into()),
            Action::SetPrintQr(!mine.print_qr),
        ]);
        let lines = replace_changes(&pack, &mine, &theirs);
        let answers = fill(
            pack.ui("incoming_replace_answers"),
            &[(
                "parts",
                &[pack.ui("step_profile"), pack.ui("visit_legend")].join(", "),
            )],
        );
        assert!(lines.contains(&answers), "{lines:?}");
        let setting = if theirs.print_qr {
            "incoming_replace_on"
        } else {
            "incoming_replace_off"
        };
        let named = fill(
            pack.ui(setting),
            &[("settings", pack.ui("print_qr_choice"))],
        );
        assert!(lines.contains(&named), "{lines:?}");
    }

    #[test]
    fn spanish_names_them_in_spanish() {
        let pack = builtin(Lang::Es).expect("built-in Spanish");
        let theirs = run(vec![
            Action::AddOwn("x".into()),
            Action::SetLargePrint(true),
        ]);
        let lines = replace_changes(&pack, &State::default(), &theirs);
        assert_eq!(
            lines[0],
            "Su lista de 0 preguntas se cambia por esta lista de 1 pregunta."
        );
        assert_eq!(lines[1], format!("Se activa: {}.", pack.ui("large_print")));
    }
}
