use std::rc::Rc;

use yew::prelude::*;

use crate::announce::announce;
use crate::content::Pack;
use crate::state::{Action, State};

/// Which entry changed place, which of its buttons takes focus back (0:
/// "most important"), and a count so the same move twice is a change.
pub type Moved = Option<(u32, i32, u64)>;

/// The one way every change goes: the reducer decides, and the live region
/// says what happened (`say`). Returns that callback, and the entry that
/// last moved.
///
/// The callback is the same for the whole life of the app: children compare
/// their props, and a new callback on every render would re-render all 300
/// entries of a long list on each keystroke. It reads the latest state and
/// pack through a ref.
#[hook]
pub fn use_actions(
    state: &UseReducerHandle<State>,
    current: &Rc<State>,
    pack: &Rc<Pack>,
    say: UseStateSetter<String>,
) -> (Callback<Action>, Moved) {
    let moved = use_state_eq(|| None::<(u32, i32, u64)>);
    let latest = use_mut_ref(|| (current.clone(), pack.clone(), *moved));
    *latest.borrow_mut() = (current.clone(), pack.clone(), *moved);
    let on_action = (*use_memo((), {
        let dispatcher = state.dispatcher();
        let set_moved = moved.setter();
        move |_| {
            Callback::from(move |action: Action| {
                let (state, pack, moved) = latest.borrow().clone();
                if let Some(message) = announce(&pack, &state, &action) {
                    say.set(message);
                }
                // An entry that changes place loses focus: say which entry,
                // and which of its buttons takes it back.
                let refocus = match &action {
                    Action::Move { id, by } => Some((*id, *by)),
                    Action::SetTop { id, .. } => Some((*id, 0)),
                    Action::Undo => state.removed_id().map(|id| (id, 0)),
                    _ => None,
                };
                if let Some((id, by)) = refocus {
                    let count = moved.map_or(0, |m| m.2) + 1;
                    set_moved.set(Some((id, by, count)));
                }
                dispatcher.dispatch(action);
            })
        }
    }))
    .clone();
    (on_action, *moved)
}
