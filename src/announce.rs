//! What the polite live region says after a change: adds, removes, moves
//! and saves, in the person's language. Pure, so it is tested natively.

use crate::content::{fill, Pack};
use crate::state::{Action, State};

/// The sentence to announce for `action` applied to `before`, if any.
pub fn announce(pack: &Pack, before: &State, action: &Action) -> Option<String> {
    let after = before.apply(action.clone());
    if after == *before {
        return None;
    }
    let count = || {
        fill(
            pack.ui("count_announce"),
            &[
                ("count", &after.list.len().to_string()),
                ("top", &after.top_count().to_string()),
            ],
        )
    };
    let with_count = |key: &str| Some(format!("{} {}", pack.ui(key), count()));
    match action {
        Action::AddQuestion(_)
        | Action::AddQuestions(_)
        | Action::AddOwn(_)
        | Action::Undo
        | Action::Merge(_) => with_count("added_announce"),
        Action::Remove(_) => with_count("removed_announce"),
        Action::SetTop { .. } => Some(count()),
        Action::Move { id, .. } => {
            let position = after.list.iter().position(|e| e.id == *id)? + 1;
            Some(fill(
                pack.ui("moved_announce"),
                &[("position", &position.to_string())],
            ))
        }
        Action::Edit { .. } => Some(pack.ui("saved_announce").to_owned()),
        _ => None,
    }
}
