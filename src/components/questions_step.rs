use std::rc::Rc;

use yew::prelude::*;

use super::{MyList, OwnQuestion, QuestionBank, Suggestions};
use crate::content::{fill, Pack};
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct QuestionsStepProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    /// The entry that just moved (see `MyList`).
    #[prop_or_default]
    pub moved: Option<(u32, i32, u64)>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

/// Step 4: suggestions for this person, their own question, their list, and
/// the whole bank (folded). A bar pinned to the top of the screen while the
/// step is in view says how many questions the list holds and jumps to it.
#[component]
pub fn QuestionsStep(props: &QuestionsStepProps) -> Html {
    let pack = &props.pack;
    let sensitive_id = format!("{}-sensitive", props.prefix);
    let on_sensitive = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_action.emit(Action::ShowSensitive(input.checked()));
        })
    };
    let list_heading = use_node_ref();
    let to_list = {
        let list_heading = list_heading.clone();
        move |_| {
            if let Some(heading) = list_heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
                heading.scroll_into_view_with_bool(true);
            }
        }
    };
    let count = props.state.list().len().to_string();
    let in_list = super::in_list(&props.state);
    let show_sensitive = props.state.show_sensitive;
    html! {
        <div class="mbc-step mbc-step--questions">
            <div class="mbc-listbar no-print">
                <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" onclick={to_list}>
                    { fill(pack.ui("list_bar"), &[("count", &count)]) }
                </button>
            </div>
            <Suggestions pack={pack.clone()} answers={props.state.answers().clone()} {show_sensitive} in_list={in_list.clone()}
                on_action={props.on_action.clone()} prefix={props.prefix.clone()} />
            <div class="mbc-field mbc-sensitive">
                <p class="mbc-hint" id={format!("{sensitive_id}-note")}>{ pack.ui("sensitive_note") }</p>
                <label class="mbc-check">
                    <input type="checkbox" id={sensitive_id.clone()} checked={props.state.show_sensitive}
                        aria-describedby={format!("{sensitive_id}-note")} onchange={on_sensitive} />
                    { pack.ui("sensitive_toggle") }
                </label>
            </div>
            <OwnQuestion pack={pack.clone()} on_action={props.on_action.clone()} prefix={props.prefix.clone()} />
            <MyList pack={pack.clone()} state={props.state.clone()} moved={props.moved} on_action={props.on_action.clone()}
                prefix={props.prefix.clone()} heading_ref={list_heading} />
            <QuestionBank pack={pack.clone()} {in_list} {show_sensitive} on_action={props.on_action.clone()} prefix={props.prefix.clone()} />
        </div>
    }
}
