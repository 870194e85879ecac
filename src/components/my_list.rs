use std::rc::Rc;

use yew::prelude::*;

use super::ListEntry;
use crate::content::Pack;
use crate::state::{Action, State, MAX_TOP};

#[derive(Properties, PartialEq)]
pub struct MyListProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    /// The entry that just moved, which way, and a count per move.
    #[prop_or_default]
    pub moved: Option<(u32, i32, u64)>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
    /// The list's heading, for the "My list (N)" bar to jump to.
    #[prop_or_default]
    pub heading_ref: NodeRef,
}

/// The person's own list: most important first, each with its note, and
/// buttons to move, mark, edit and remove. Reordering never needs dragging.
#[component]
pub fn MyList(props: &MyListProps) -> Html {
    let pack = &props.pack;
    let state = &props.state;
    let heading = format!("{}-list", props.prefix);
    let full_id = format!("{}-top-full", props.prefix);
    let top_full = state.top_count() >= MAX_TOP;
    let count = crate::plural::list_count(pack, state.list().len(), state.top_count());
    // A move made before this list was shown (step 4 left and entered
    // again) is not this list's to refocus: focus stays on the step's
    // heading.
    let moved_before = *use_mut_ref(|| props.moved).borrow();
    let moved = props.moved.filter(|&m| Some(m) != moved_before);
    // After "Remove" in the list, focus goes to "Undo", the one new thing on
    // screen. (An "Add" toggle pressed again keeps its own focus.)
    let undo_ref = use_node_ref();
    let removing = use_mut_ref(bool::default);
    {
        let undo_ref = undo_ref.clone();
        let removing = removing.clone();
        let removed = state.removed_id();
        use_effect_with(removed, move |removed| {
            if removed.is_some() && std::mem::take(&mut *removing.borrow_mut()) {
                if let Some(button) = undo_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let on_entry_action =
        use_callback(props.on_action.clone(), move |action: Action, on_action| {
            if matches!(action, Action::Remove(_)) {
                *removing.borrow_mut() = true;
            }
            on_action.emit(action);
        });
    let undo = {
        let on_action = props.on_action.clone();
        move |_| on_action.emit(Action::Undo)
    };
    html! {
        <section class="mbc-subsection mbc-list" aria-labelledby={heading.clone()}>
            <h3 id={heading.clone()} tabindex="-1" ref={props.heading_ref.clone()}>{ pack.ui("list_heading") }</h3>
            if state.removed_id().is_some() {
                <p class="mbc-undo">
                    { pack.ui("removed_announce") }{ " " }
                    <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" onclick={undo} ref={undo_ref}>{ pack.ui("undo") }</button>
                </p>
            }
            if state.list().is_empty() {
                <p>{ pack.ui("list_empty") }</p>
            } else {
                <p class="mbc-hint">
                    { count }
                    if top_full {
                        { " " }<span id={full_id.clone()}>{ pack.ui("top3_full") }</span>
                    }
                </p>
                // role="list": Safari drops the list role of a list styled
                // without markers (the numbers are the entries' own text).
                <ol class="mbc-entries" role="list" aria-labelledby={heading}>
                    { for state.list().iter().enumerate().map(|(index, entry)| {
                        let group_first = index == 0 || state.list().get(index - 1).map(|p| p.top) != Some(entry.top);
                        let group_last = state.list().get(index + 1).map(|n| n.top) != Some(entry.top);
                        html! {
                            <ListEntry key={entry.id} pack={pack.clone()} entry={entry.clone()} number={index + 1}
                                first={group_first} last={group_last}
                                top_full={top_full.then(|| AttrValue::from(full_id.clone()))}
                                moved={moved.filter(|m| m.0 == entry.id).map(|(_, by, n)| (by, n))}
                                on_action={on_entry_action.clone()} prefix={props.prefix.clone()} />
                        }
                    }) }
                </ol>
            }
        </section>
    }
}
