use std::rc::Rc;

use yew::prelude::*;

use super::{MyList, OwnQuestion, QuestionBank, Suggestions};
use crate::content::{fill, Pack};
use crate::state::{Action, State};

/// What `questions_step` shows.
pub struct QuestionsStepArgs<'a> {
    pub pack: &'a Rc<Pack>,
    pub state: &'a Rc<State>,
    /// The entry that just moved (see `MyList`).
    pub moved: Option<(u32, i32, u64)>,
    pub on_action: &'a Callback<Action>,
    pub prefix: &'a AttrValue,
    /// The list's heading, where the bar's button takes focus (a hook of
    /// `Journey`'s).
    pub list_heading: &'a NodeRef,
}

/// Step 4: suggestions for this person, their own question, their list, and
/// the whole bank (folded). A bar pinned to the top of the screen while the
/// step is in view says how many questions the list holds and jumps to it.
///
/// The folded bank's body comes in later tasks (`QuestionBank`); the rest is
/// here at once, so the list is in place when the takeover shows the step
/// (and a print right after has it). A plain view function (see
/// `goals_step`).
pub fn questions_step(args: QuestionsStepArgs<'_>) -> Html {
    let pack = args.pack;
    let sensitive_id = format!("{}-sensitive", args.prefix);
    let on_sensitive = {
        let on_action = args.on_action.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_action.emit(Action::ShowSensitive(input.checked()));
        })
    };
    let to_list = {
        let list_heading = args.list_heading.clone();
        move |_| {
            if let Some(heading) = list_heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
                heading.scroll_into_view_with_bool(true);
            }
        }
    };
    let count = args.state.list().len().to_string();
    let in_list = super::in_list(args.state);
    let show_sensitive = args.state.show_sensitive;
    html! {
        <div class="mbc-step mbc-step--questions">
            <div class="mbc-listbar no-print">
                <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" onclick={to_list}>
                    { fill(pack.ui("list_bar"), &[("count", &count)]) }
                </button>
            </div>
            <Suggestions pack={pack.clone()} answers={args.state.answers().clone()} {show_sensitive} in_list={in_list.clone()}
                on_action={args.on_action.clone()} prefix={args.prefix.clone()} />
            <div class="mbc-field mbc-sensitive">
                <p class="mbc-hint" id={format!("{sensitive_id}-note")}>{ pack.ui("sensitive_note") }</p>
                <label class="mbc-check">
                    <input type="checkbox" id={sensitive_id.clone()} checked={args.state.show_sensitive}
                        aria-describedby={format!("{sensitive_id}-note")} onchange={on_sensitive} />
                    { pack.ui("sensitive_toggle") }
                </label>
            </div>
            <OwnQuestion pack={pack.clone()} on_action={args.on_action.clone()} prefix={args.prefix.clone()} />
            <MyList pack={pack.clone()} state={args.state.clone()} moved={args.moved} on_action={args.on_action.clone()}
                prefix={args.prefix.clone()} heading_ref={args.list_heading.clone()} />
            <QuestionBank pack={pack.clone()} {in_list} {show_sensitive} on_action={args.on_action.clone()} prefix={args.prefix.clone()} />
        </div>
    }
}
