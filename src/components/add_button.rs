use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct AddButtonProps {
    pub pack: Rc<Pack>,
    pub question_id: AttrValue,
    /// Already in the person's list.
    pub added: bool,
    /// The id of the element holding the question's text.
    pub describedby: AttrValue,
    pub on_action: Callback<Action>,
}

/// One tap adds a bank question to the list. Once added, a plain status of
/// the same size takes its place, so nothing below it moves.
#[component]
pub fn AddButton(props: &AddButtonProps) -> Html {
    if props.added {
        return html! {
            <span class="mbc-added">{ "✓ " }{ props.pack.ui("added") }</span>
        };
    }
    let on_action = props.on_action.clone();
    let id = props.question_id.to_string();
    html! {
        <button type="button" class="mbc-button mbc-button--small" aria-describedby={props.describedby.clone()}
            onclick={move |_| on_action.emit(Action::AddQuestion(id.clone()))}>
            { props.pack.ui("add_question") }
        </button>
    }
}
