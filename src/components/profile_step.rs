use std::rc::Rc;

use yew::prelude::*;

use super::Prose;
use crate::content::{Factor, Pack};
use crate::progress::profile_factors;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct ProfileStepProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

/// Step 2: the things a treatment plan depends on (all but "what matters
/// to me", which step 1 asks). Each is a group of answers with a "not sure";
/// some allow several answers.
#[component]
pub fn ProfileStep(props: &ProfileStepProps) -> Html {
    html! {
        <div class="mbc-step">
            { for profile_factors(&props.pack).map(|f| factor(&props.pack, &props.state, &props.on_action, &props.prefix, f)) }
        </div>
    }
}

/// One factor as a group of answers, its meaning as the group's hint.
pub(super) fn factor(
    pack: &Rc<Pack>,
    state: &State,
    on_action: &Callback<Action>,
    prefix: &str,
    factor: &Factor,
) -> Html {
    let chosen: &[String] = state
        .answers
        .factors
        .get(&factor.id)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let name = format!("{prefix}-factor-{}", factor.id);
    let hint = format!("{name}-hint");
    let kind = if factor.multiple { "checkbox" } else { "radio" };
    html! {
        <fieldset class="mbc-fieldset" aria-describedby={hint.clone()}>
            <legend>{ &factor.title }</legend>
            <p class="mbc-hint" id={hint}><Prose pack={pack.clone()} text={factor.text.clone()} /></p>
            <div class="mbc-options">
                { for factor.options.iter().map(|option| {
                    let on_action = on_action.clone();
                    let factor_id = factor.id.clone();
                    let option_id = option.id.clone();
                    let multiple = factor.multiple;
                    let checked = chosen.contains(&option.id);
                    html! {
                        <label class="mbc-option">
                            <input type={kind} name={name.clone()} value={option.id.clone()} {checked}
                                onchange={move |e: Event| {
                                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                    on_action.emit(Action::ChooseFactor {
                                        factor: factor_id.clone(),
                                        option: option_id.clone(),
                                        multiple,
                                        chosen: input.checked(),
                                    });
                                }} />
                            <span>{ &option.label }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}
