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
}

/// The person's own list: most important first, each with its note, and
/// buttons to move, mark, edit and remove. Reordering never needs dragging.
#[component]
pub fn MyList(props: &MyListProps) -> Html {
    let pack = &props.pack;
    let state = &props.state;
    let heading = format!("{}-list", props.prefix);
    let top_full = state.top_count() >= MAX_TOP;
    let count = crate::plural::list_count(pack, state.list.len(), state.top_count());
    // After a removal, focus goes to "Undo", the one new thing on screen.
    let undo_ref = use_node_ref();
    {
        let undo_ref = undo_ref.clone();
        let removed = state.undo.as_ref().map(|(_, e)| e.id);
        use_effect_with(removed, move |removed| {
            if removed.is_some() {
                if let Some(button) = undo_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let undo = {
        let on_action = props.on_action.clone();
        move |_| on_action.emit(Action::Undo)
    };
    html! {
        <section class="mbc-subsection mbc-list" aria-labelledby={heading.clone()}>
            <h3 id={heading.clone()}>{ pack.ui("list_heading") }</h3>
            if state.undo.is_some() {
                <p class="mbc-undo">
                    { pack.ui("removed_announce") }{ " " }
                    <button type="button" class="mbc-button mbc-button--small" onclick={undo} ref={undo_ref}>{ pack.ui("undo") }</button>
                </p>
            }
            if state.list.is_empty() {
                <p>{ pack.ui("list_empty") }</p>
            } else {
                <p class="mbc-hint">{ count }</p>
                <ol class="mbc-entries" aria-labelledby={heading}>
                    { for state.list.iter().enumerate().map(|(index, entry)| {
                        let group_first = index == 0 || state.list.get(index - 1).map(|p| p.top) != Some(entry.top);
                        let group_last = state.list.get(index + 1).map(|n| n.top) != Some(entry.top);
                        html! {
                            <ListEntry key={entry.id} pack={pack.clone()} entry={entry.clone()}
                                first={group_first} last={group_last} top_full={top_full}
                                moved={props.moved.filter(|m| m.0 == entry.id).map(|(_, by, n)| (by, n))}
                                on_action={props.on_action.clone()} prefix={props.prefix.clone()} />
                        }
                    }) }
                </ol>
            }
        </section>
    }
}
