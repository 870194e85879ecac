use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;
use crate::state::{Action, MAX_QUESTION_CHARS};

#[derive(Properties, PartialEq)]
pub struct OwnQuestionProps {
    pub pack: Rc<Pack>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

/// For a multi-line box that holds one question: Enter sends it (as in a
/// one-line box), Shift+Enter starts a new line.
pub(super) fn enter_submits(submit: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" && !e.shift_key() && !e.is_composing() {
            e.prevent_default();
            submit.emit(());
        }
    })
}

/// A form to write a question in the person's own words, in a box tall
/// enough to see all of it.
#[component]
pub fn OwnQuestion(props: &OwnQuestionProps) -> Html {
    let draft = use_state_eq(String::new);
    // The new question appears in the list below this form: after each add,
    // the box keeps focus and stays in view.
    let added = use_state_eq(u32::default);
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
            let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            draft.set(input.value());
        })
    };
    let add = {
        let draft = draft.clone();
        let added = added.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |()| {
            if !draft.trim().is_empty() {
                on_action.emit(Action::AddOwn((*draft).clone()));
                draft.set(String::new());
                added.set(*added + 1);
            }
        })
    };
    let on_submit = {
        let add = add.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            add.emit(());
        })
    };
    html! {
        <section class="mbc-subsection" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ props.pack.ui("own_heading") }</h3>
            <form class="mbc-own" onsubmit={on_submit}>
                <div class="mbc-field">
                    <label for={input_id.clone()}>{ props.pack.ui("own_label") }</label>
                    <textarea id={input_id} class="mbc-textarea" rows="2" spellcheck="false" autocomplete="off" value={(*draft).clone()} ref={input_ref}
                        oninput={on_input} onkeydown={enter_submits(add.clone())} maxlength={MAX_QUESTION_CHARS.to_string()} autocomplete="off" />
                </div>
                // A plain button, not a form submission: a sandboxed iframe
                // without allow-forms never submits a form.
                <button type="button" class="mbc-button mbc-button--quiet" onclick={move |_| add.emit(())}>
                    { props.pack.ui("own_add") }
                </button>
            </form>
        </section>
    }
}
