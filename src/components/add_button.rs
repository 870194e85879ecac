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
    let status = use_node_ref();
    let pressed = use_mut_ref(|| false);
    {
        // The pressed button is gone once the question is added: focus goes
        // to the status in its place, not back to the top of the page.
        let (status, pressed) = (status.clone(), pressed.clone());
        use_effect_with(props.added, move |&added| {
            if added && std::mem::take(&mut *pressed.borrow_mut()) {
                if let Some(status) = status.cast::<web_sys::HtmlElement>() {
                    let _ = status.focus();
                }
            }
        });
    }
    if props.added {
        return html! {
            <span class="mbc-added" tabindex="-1" ref={status}>{ "✓ " }{ props.pack.ui("added") }</span>
        };
    }
    let on_action = props.on_action.clone();
    let id = props.question_id.to_string();
    html! {
        <button type="button" class="mbc-button mbc-button--small" aria-describedby={props.describedby.clone()}
            onclick={move |_| {
                *pressed.borrow_mut() = true;
                on_action.emit(Action::AddQuestion(id.clone()));
            }}>
            { props.pack.ui("add_question") }
        </button>
    }
}
