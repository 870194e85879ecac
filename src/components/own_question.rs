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
    // The new question appears in the list above this form and pushes it
    // down: after each add, bring the box (which keeps focus) back into view.
    let added = use_state_eq(|| 0u32);
    let input_ref = use_node_ref();
    {
        let input_ref = input_ref.clone();
        use_effect_with(*added, move |&n| {
            if n > 0 {
                if let Some(input) = input_ref.cast::<web_sys::HtmlElement>() {
                    let _ = input.focus();
                    input.scroll_into_view_with_bool(false);
                }
            }
        });
    }
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
        let added = added.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !draft.trim().is_empty() {
                on_action.emit(Action::AddOwn((*draft).clone()));
                draft.set(String::new());
                added.set(*added + 1);
            }
        })
    };
    html! {
        <section class="mbc-subsection" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ props.pack.ui("own_heading") }</h3>
            <form class="mbc-own" onsubmit={on_submit}>
                <div class="mbc-field">
                    <label for={input_id.clone()}>{ props.pack.ui("own_label") }</label>
                    <input type="text" id={input_id} class="mbc-input" value={(*draft).clone()} ref={input_ref}
                        oninput={on_input} maxlength="500" autocomplete="off" />
                </div>
                <button type="submit" class="mbc-button">{ props.pack.ui("own_add") }</button>
            </form>
        </section>
    }
}
