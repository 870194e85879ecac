use std::rc::Rc;

use yew::prelude::*;

use super::profile_step::factor;
use super::Prose;
use crate::answers::Rating;
use crate::content::Pack;
use crate::progress::values_factor;
use crate::state::{Action, State, MAX_NOTE_CHARS};

/// Step 1: how important each goal of treatment is to the person (each goal
/// explained in its own group: this is the one place it is described),
/// whether they know what matters most to them, and anything else that
/// matters, in their own words. A plain view function (see `expander_cue`):
/// the state changes with every answer, so a component's props check would
/// skip nothing.
pub fn goals_step(
    pack: &Rc<Pack>,
    state: &State,
    on_action: &Callback<Action>,
    prefix: &str,
) -> Html {
    let answers = state.answers();
    let other_id = format!("{prefix}-goals-other");
    let on_other = {
        let on_action = on_action.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            on_action.emit(Action::SetGoalsOther(area.value()));
        })
    };
    html! {
        <div class="mbc-step">
            { for pack.guide.goals.items.iter().map(|goal| {
                let chosen = answers.goals.get(&goal.id).copied();
                let name = format!("{prefix}-goal-{}", goal.id);
                let hint = format!("{name}-hint");
                html! {
                    <fieldset class="mbc-fieldset" aria-describedby={hint.clone()}>
                        <legend>{ &goal.title }</legend>
                        <p class="mbc-hint" id={hint}><Prose pack={pack.clone()} text={goal.text.clone()} /></p>
                        <div class="mbc-options">
                            { for Rating::ALL.iter().map(|&rating| {
                                let on_action = on_action.clone();
                                let goal_id = goal.id.clone();
                                html! {
                                    <label class="mbc-option">
                                        <input type="radio" name={name.clone()} value={rating.id()}
                                            checked={chosen == Some(rating)}
                                            onchange={move |_| on_action.emit(Action::RateGoal { goal: goal_id.clone(), rating: Some(rating) })} />
                                        <span>{ pack.ui(rating.ui_key()) }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
            if let Some(values) = values_factor(pack) {
                { factor(pack, state, on_action, prefix, values) }
            }
            <div class="mbc-field">
                <label for={other_id.clone()}>{ pack.ui("goals_other_label") }</label>
                <textarea id={other_id} class="mbc-textarea" rows="3"
                    spellcheck="false" autocomplete="off" maxlength={MAX_NOTE_CHARS.to_string()}
                    value={answers.goals_other.clone()} oninput={on_other} />
            </div>
        </div>
    }
}
