use std::rc::Rc;

use yew::prelude::*;

use super::{MyList, OwnQuestion, QuestionBank, Suggestions};
use crate::content::Pack;
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

/// Step 4: suggestions for this person, the whole bank, their own
/// questions, and their list.
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
    html! {
        <div class="mbc-step">
            <div class="mbc-field mbc-sensitive">
                <p class="mbc-hint" id={format!("{sensitive_id}-note")}>{ pack.ui("sensitive_note") }</p>
                <label class="mbc-check">
                    <input type="checkbox" id={sensitive_id.clone()} checked={props.state.show_sensitive}
                        aria-describedby={format!("{sensitive_id}-note")} onchange={on_sensitive} />
                    { pack.ui("sensitive_toggle") }
                </label>
            </div>
            <Suggestions pack={pack.clone()} state={props.state.clone()} on_action={props.on_action.clone()} prefix={props.prefix.clone()} />
            <MyList pack={pack.clone()} state={props.state.clone()} moved={props.moved} on_action={props.on_action.clone()} prefix={props.prefix.clone()} />
            <OwnQuestion pack={pack.clone()} on_action={props.on_action.clone()} prefix={props.prefix.clone()} />
            <QuestionBank pack={pack.clone()} state={props.state.clone()} on_action={props.on_action.clone()} prefix={props.prefix.clone()} />
        </div>
    }
}
