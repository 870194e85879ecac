use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct OwnQuestionProps {
    pub pack: Rc<Pack>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

/// A form to write a question in the person's own words.
#[component]
pub fn OwnQuestion(props: &OwnQuestionProps) -> Html {
    let draft = use_state_eq(String::new);
    let heading = format!("{}-own", props.prefix);
    let input_id = format!("{}-own-text", props.prefix);
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            draft.set(input.value());
        })
    };
    let on_submit = {
        let draft = draft.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !draft.trim().is_empty() {
                on_action.emit(Action::AddOwn((*draft).clone()));
                draft.set(String::new());
            }
        })
    };
    html! {
        <section class="mbc-subsection" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ props.pack.ui("own_heading") }</h3>
            <form class="mbc-own" onsubmit={on_submit}>
                <div class="mbc-field">
                    <label for={input_id.clone()}>{ props.pack.ui("own_label") }</label>
                    <input type="text" id={input_id} class="mbc-input" value={(*draft).clone()}
                        oninput={on_input} maxlength="500" autocomplete="off" />
                </div>
                <button type="submit" class="mbc-button">{ props.pack.ui("own_add") }</button>
            </form>
        </section>
    }
}
