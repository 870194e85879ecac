use yew::prelude::*;

use crate::content::Pack;
use crate::state::{Action, Step};

/// "Back" and "Next step" at the foot of each step. A plain view function
/// (see `expander_cue`).
pub fn step_pager(pack: &Pack, step: Step, on_action: &Callback<Action>) -> Html {
    let index = step.number() - 1;
    let prev = index.checked_sub(1).and_then(|i| Step::ALL.get(i)).copied();
    let next = Step::ALL.get(index + 1).copied();
    let go = |step: Step| {
        let on_action = on_action.clone();
        move |_| on_action.emit(Action::GoTo(step))
    };
    html! {
        <div class="mbc-pager no-print">
            if let Some(step) = prev {
                <button type="button" class="mbc-button mbc-button--quiet" onclick={go(step)}>
                    { pack.ui("prev_step") }
                </button>
            }
            if let Some(step) = next {
                <button type="button" class="mbc-button" onclick={go(step)}>
                    { pack.ui("next_step") }
                </button>
            }
        </div>
    }
}
