use std::rc::Rc;

use yew::prelude::*;

use super::expander_cue;
use crate::content::{fill, Pack};
use crate::progress::{completed, status};
use crate::state::{Action, State, Step};

#[derive(Properties, PartialEq)]
pub struct StepNavProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    /// A step was chosen (the current one too): its heading takes focus,
    /// since on a phone the folded list hides the pressed button.
    #[prop_or_default]
    pub on_chosen: Callback<()>,
    pub prefix: AttrValue,
}

/// The five steps, each one a button with its status (Completed, Started,
/// Not started, as in GOV.UK's task list), and where the person is. Any step
/// can be opened at any time. On a phone the list folds into one line,
/// "Step 2 of 5…", with a button that opens it.
#[component]
pub fn StepNav(props: &StepNavProps) -> Html {
    let pack = &props.pack;
    let state = &props.state;
    let current = state.step;
    let open = use_state_eq(bool::default);
    let total = Step::ALL.len().to_string();
    let progress = fill(
        pack.ui("progress"),
        &[
            ("current", &current.number().to_string()),
            ("total", &total),
            ("done", &completed(pack, state).to_string()),
        ],
    );
    let list_id = format!("{}-steps-list", props.prefix);
    let toggle = {
        let open = open.clone();
        move |_| open.set(!*open)
    };
    html! {
        <nav class="mbc-steps no-print" aria-label={pack.ui("steps_label").to_owned()}>
            <div class="mbc-steps__bar">
                <p class="mbc-progress">{ progress }</p>
                <button type="button" class="mbc-steps__toggle mbc-expander" aria-expanded={open.to_string()}
                    aria-controls={list_id.clone()} onclick={toggle}>
                    { pack.ui("steps_all") }{ expander_cue(pack) }
                </button>
            </div>
            <ol id={list_id} class={classes!("mbc-steps__list", open.then_some("mbc-steps__list--open"))}>
                { for Step::ALL.iter().map(|&step| {
                    let on_action = props.on_action.clone();
                    let on_chosen = props.on_chosen.clone();
                    let open = open.clone();
                    let is_current = step == current;
                    let tag = status(pack, state, step);
                    let tag_id = format!("{}-status-{}", props.prefix, step.id());
                    html! {
                        <li class="mbc-steps__item">
                            <button type="button"
                                class={classes!("mbc-steps__button", is_current.then_some("mbc-steps__button--current"))}
                                aria-current={is_current.then_some("step")} aria-describedby={tag_id.clone()}
                                onclick={move |_| {
                                    open.set(false);
                                    on_action.emit(Action::GoTo(step));
                                    on_chosen.emit(());
                                }}>
                                <span class="mbc-steps__number" aria-hidden="true">{ step.number() }</span>
                                { pack.ui(step.ui_key()) }
                            </button>
                            <strong id={tag_id} class={classes!("mbc-tag", format!("mbc-tag--{}", tag.ui_key()))}>
                                { pack.ui(tag.ui_key()) }
                            </strong>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
