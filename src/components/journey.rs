use std::rc::Rc;

use yew::prelude::*;

use super::{
    goals_step, profile_step, questions_step, step_pager, take_away, treatments_step, CheckAnswers,
    QuestionsStepArgs, ReadyStep, StepNav, TakeAwayArgs, TakeAwayRequest,
};
use crate::content::Pack;
use crate::progress::has_started;
use crate::state::{Action, State, Step};

#[derive(Properties, PartialEq)]
pub struct JourneyProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    /// The entry that just moved (see `MyList`).
    #[prop_or_default]
    pub moved: Option<(u32, i32, u64)>,
    pub on_action: Callback<Action>,
    /// Print, copy, download or share the list (step 5).
    pub on_take: Callback<TakeAwayRequest>,
    /// A file the person picked to open (step 5).
    pub on_import: Callback<web_sys::File>,
    pub prefix: AttrValue,
    /// Render the current step itself; the takeover brings it a task after
    /// the rest of the journey.
    #[prop_or(true)]
    pub show_step: bool,
}

/// The start of the page and the five steps: what the person gets, one
/// "Start" (or "Continue") button, the step list, and the current step.
#[component]
pub fn Journey(props: &JourneyProps) -> Html {
    let pack = &props.pack;
    let state = &props.state;
    let prefix = &props.prefix;
    let step = state.step;
    let heading_id = format!("{prefix}-step-heading");

    // When the person moves to another step, presses Start or picks a step
    // from the list (the current one too), focus goes to the step's heading
    // so a screen reader starts reading there. Not on the first render, and
    // not when "Replace my list" brought another step: Undo takes focus then
    // (`ReplaceUndo`), and the long task of the replace does not also lay
    // out the page to scroll to a heading.
    let heading_ref = use_node_ref();
    // Step 4's list heading, where its "N questions in my list" bar jumps.
    let list_heading = use_node_ref();
    let starts = use_state_eq(u32::default);
    let first_render = use_mut_ref(|| true);
    {
        let heading_ref = heading_ref.clone();
        let just_replaced = state.can_undo_replace();
        let pressed_before = use_mut_ref(|| *starts);
        use_effect_with((step, *starts), move |&(_, pressed)| {
            let pressed_now =
                std::mem::replace(&mut *pressed_before.borrow_mut(), pressed) != pressed;
            if std::mem::replace(&mut *first_render.borrow_mut(), false)
                || (just_replaced && !pressed_now)
            {
                return;
            }
            if let Some(heading) = heading_ref.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
                heading.scroll_into_view_with_bool(true);
            }
        });
    }
    let start = {
        let starts = starts.clone();
        move |_| starts.set(*starts + 1)
    };
    let on_chosen = {
        let starts = starts.clone();
        Callback::from(move |()| starts.set(*starts + 1))
    };
    let start_key = if has_started(state) {
        "continue_button"
    } else {
        "start_button"
    };

    let common = (
        pack.clone(),
        state.clone(),
        props.on_action.clone(),
        prefix.clone(),
    );
    let step_body = {
        let (pack, state, on_action, prefix) = common;
        match step {
            Step::Goals => goals_step(&pack, &state, &on_action, &prefix),
            Step::Profile => profile_step(&pack, &state, &on_action, &prefix),
            Step::Treatments => treatments_step(&pack, &state, &on_action, &prefix),
            Step::Questions => questions_step(QuestionsStepArgs {
                pack: &pack,
                state: &state,
                moved: props.moved,
                on_action: &on_action,
                prefix: &prefix,
                list_heading: &list_heading,
            }),
            Step::Ready => html! {
                <>
                    <ReadyStep pack={pack.clone()} state={state.clone()} on_action={on_action.clone()} prefix={prefix.clone()} />
                    <CheckAnswers pack={pack.clone()} state={state.clone()} on_action={on_action.clone()}
                        on_take={props.on_take.clone()} on_chosen={on_chosen.clone()} prefix={prefix.clone()} />
                    { take_away(TakeAwayArgs {
                        pack: &pack,
                        on_request: &props.on_take,
                        on_import: &props.on_import,
                        prefix: &prefix,
                    }) }
                </>
            },
        }
    };

    html! {
        <>
            <div class="mbc-start no-print">
                <p class="mbc-start__lead">{ pack.ui("start_lead") }</p>
                <p>{ pack.ui("start_steps") }</p>
                <button type="button" class="mbc-button mbc-button--start" onclick={start}>
                    { pack.ui(start_key) }
                </button>
            </div>
            <section class="mbc-journey" aria-labelledby={heading_id.clone()}>
                <StepNav pack={pack.clone()} state={state.clone()} on_action={props.on_action.clone()} on_chosen={on_chosen.clone()}
                    prefix={prefix.clone()} />
                <h2 id={heading_id} ref={heading_ref} tabindex="-1" class="mbc-step-heading">
                    { pack.ui(step.ui_key()) }
                </h2>
                if let Some(key) = step.intro_key() {
                    <p class="mbc-step-intro">{ pack.ui(key) }</p>
                }
                if props.show_step {
                    { step_body }
                    { step_pager(pack, step, &props.on_action) }
                }
            </section>
        </>
    }
}
