//! What the polite live region says after a change: adds, removes, moves
//! and saves, in the person's language. Pure, so it is tested natively.

use crate::content::{fill, Pack};
use crate::plural::list_count;
use crate::state::{Action, State};

/// The sentence to announce for `action` applied to `before`, if any.
pub fn announce(pack: &Pack, before: &State, action: &Action) -> Option<String> {
    // Removing everything is said even when the list was empty: it also
    // removes what this device kept.
    if matches!(action, Action::Clear) {
        return Some(pack.ui("clear_done").to_owned());
    }
    // Most changes (a tick, a typed character) say nothing: decide that
    // before copying the whole state to apply the action.
    let speaks = matches!(
        action,
        Action::AddQuestion(_)
            | Action::AddQuestions(_)
            | Action::AddOwn(_)
            | Action::Undo
            | Action::Merge(_)
            | Action::ReplaceMine(_)
            | Action::UndoReplace
            | Action::Remove(_)
            | Action::SetTop { .. }
            | Action::Move { .. }
            | Action::Edit { .. }
    );
    if !speaks {
        return None;
    }
    let after = before.apply(action.clone());
    if after == *before {
        return None;
    }
    let count = || list_count(pack, after.list().len(), after.top_count());
    let with_count = |key: &str| Some(format!("{} {}", pack.ui(key), count()));
    match action {
        Action::AddQuestion(_)
        | Action::AddQuestions(_)
        | Action::AddOwn(_)
        | Action::Undo
        | Action::Merge(_) => with_count("added_announce"),
        Action::Remove(_) => with_count("removed_announce"),
        Action::ReplaceMine(_) => with_count("replaced_announce"),
        Action::UndoReplace => with_count("replace_undone"),
        Action::SetTop { .. } => Some(count()),
        Action::Move { id, .. } => {
            let position = after.list().iter().position(|e| e.id == *id)? + 1;
            Some(fill(
                pack.ui("moved_announce"),
                &[("position", &position.to_string())],
            ))
        }
        Action::Edit { .. } => Some(pack.ui("saved_announce").to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{builtin, Lang};

    fn pack() -> Pack {
        builtin(Lang::En).expect("built-in English")
    }

    fn with(ids: &[&str]) -> State {
        ids.iter().fold(State::default(), |s, id| {
            s.apply(Action::AddQuestion((*id).into()))
        })
    }

    #[test]
    fn replacing_the_list_and_undoing_it_say_so() {
        let pack = pack();
        let mine = with(&["a", "b"]);
        let said = announce(&pack, &mine, &Action::ReplaceMine(Box::new(with(&["c"]))));
        assert_eq!(
            said.as_deref(),
            Some("Your list was replaced. 1 question, 0 marked most important.")
        );
        let replaced = mine.apply(Action::ReplaceMine(Box::new(with(&["c"]))));
        let said = announce(&pack, &replaced, &Action::UndoReplace);
        assert_eq!(
            said.as_deref(),
            Some("Your list is back as it was. 2 questions, 0 marked most important.")
        );
    }

    #[test]
    fn adding_a_question_says_so_with_the_counts() {
        let pack = pack();
        let said = announce(&pack, &with(&["a"]), &Action::AddQuestion("b".into()));
        let expected = format!(
            "{} {}",
            pack.ui("added_announce"),
            "2 questions, 0 marked most important."
        );
        assert_eq!(said, Some(expected));
    }

    #[test]
    fn removing_and_marking_say_so() {
        let pack = pack();
        let removed = announce(&pack, &with(&["a", "b"]), &Action::Remove(0)).unwrap_or_default();
        assert!(
            removed.starts_with(pack.ui("removed_announce")),
            "{removed}"
        );
        let marked = announce(&pack, &with(&["a"]), &Action::SetTop { id: 0, top: true });
        assert_eq!(
            marked.as_deref(),
            Some("1 question, 1 marked most important.")
        );
    }

    #[test]
    fn removing_everything_says_so_even_from_an_empty_list() {
        let p = pack();
        let said = Some(p.ui("clear_done").to_owned());
        assert_eq!(announce(&p, &with(&["a"]), &Action::Clear), said);
        assert_eq!(announce(&p, &State::default(), &Action::Clear), said);
    }

    #[test]
    fn a_move_says_the_new_place() {
        let pack = pack();
        let said = announce(
            &pack,
            &with(&["a", "b", "c"]),
            &Action::Move { id: 2, by: -1 },
        );
        assert_eq!(
            said,
            Some(fill(pack.ui("moved_announce"), &[("position", "2")]))
        );
    }

    #[test]
    fn typing_ticking_and_changes_that_change_nothing_say_nothing() {
        let pack = pack();
        let list = with(&["a"]);
        assert_eq!(
            announce(
                &pack,
                &list,
                &Action::SetNote {
                    id: 0,
                    note: "x".into()
                }
            ),
            None
        );
        assert_eq!(announce(&pack, &list, &Action::ShowSensitive(true)), None);
        assert_eq!(
            announce(&pack, &list, &Action::AddQuestion("a".into())),
            None,
            "already there"
        );
        assert_eq!(
            announce(&pack, &list, &Action::Move { id: 0, by: -1 }),
            None,
            "already first"
        );
    }
}
