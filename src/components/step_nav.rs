use std::rc::Rc;

use yew::prelude::*;

use crate::content::{fill, Pack};
use crate::state::{Action, State, Step};

#[derive(Properties, PartialEq)]
pub struct StepNavProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

/// The five steps, each one a button, with where the person is and how much
/// is done. Any step can be opened at any time.
#[component]
pub fn StepNav(props: &StepNavProps) -> Html {
    let pack = &props.pack;
    let current = props.state.step;
    let total = Step::ALL.len().to_string();
    let progress = fill(
        pack.ui("progress"),
        &[
            ("current", &current.number().to_string()),
            ("total", &total),
            ("done", &props.state.steps_with_answers().to_string()),
        ],
    );
    html! {
        <nav class="mbc-steps no-print" aria-label={pack.ui("steps_label").to_owned()}>
            <p class="mbc-progress">{ progress }</p>
            <ol class="mbc-steps__list">
                { for Step::ALL.iter().map(|&step| {
                    let on_action = props.on_action.clone();
                    let is_current = step == current;
                    html! {
                        <li>
                            <button type="button"
                                class={classes!("mbc-steps__button", is_current.then_some("mbc-steps__button--current"))}
                                aria-current={is_current.then_some("step")}
                                onclick={move |_| on_action.emit(Action::GoTo(step))}>
                                <span class="mbc-steps__number" aria-hidden="true">{ step.number() }</span>
                                { pack.ui(step.ui_key()) }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
