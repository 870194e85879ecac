use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct AddButtonProps {
    pub pack: Rc<Pack>,
    pub question_id: AttrValue,
    /// The list entry holding this question, if it is in the list.
    pub entry: Option<u32>,
    /// The id of the element holding the question's text.
    pub describedby: AttrValue,
    pub on_action: Callback<Action>,
}

/// The list entry that holds a bank question, if any: what an `AddButton`
/// needs to know.
pub fn entry_for(state: &State, question_id: &str) -> Option<u32> {
    state
        .list
        .iter()
        .find(|e| e.question.as_deref() == Some(question_id))
        .map(|e| e.id)
}

/// "Add to my list" as a toggle: pressed once the question is in the list;
/// pressing it again takes it out. It keeps its place and its focus.
#[component]
pub fn AddButton(props: &AddButtonProps) -> Html {
    let on_action = props.on_action.clone();
    let id = props.question_id.to_string();
    let entry = props.entry;
    html! {
        <button type="button" class="mbc-button mbc-button--quiet mbc-button--small mbc-add"
            aria-pressed={entry.is_some().to_string()} aria-describedby={props.describedby.clone()}
            onclick={move |_| on_action.emit(match entry {
                Some(entry) => Action::Remove(entry),
                None => Action::AddQuestion(id.clone()),
            })}>
            <span class="mbc-add__mark" aria-hidden="true">{ if entry.is_some() { "✓" } else { "+" } }</span>
            { props.pack.ui("add_question") }
        </button>
    }
}
