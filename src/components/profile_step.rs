use std::rc::Rc;

use yew::prelude::*;

use super::Prose;
use crate::content::{Factor, Pack};
use crate::progress::profile_factors;
use crate::state::{Action, State, MAX_TREATMENT_NOW_CHARS};

/// Step 2: the things a treatment plan depends on (all but "what matters
/// to me", which step 1 asks). Each is a group of answers with a "not sure";
/// some allow several answers.
///
/// After the treatments the person has had (or at the end, in a pack without
/// that question) comes an optional box for the treatment they have now, in
/// their own words, for the sheet's "About me". A plain view function (see
/// `goals_step`).
pub fn profile_step(
    pack: &Rc<Pack>,
    state: &State,
    on_action: &Callback<Action>,
    prefix: &str,
) -> Html {
    let factors: Vec<&Factor> = profile_factors(pack).collect();
    let after = factors
        .iter()
        .rposition(|f| TREATMENT_FACTORS.contains(&f.id.as_str()))
        .unwrap_or(factors.len().saturating_sub(1));
    html! {
        <div class="mbc-step">
            { for factors.iter().enumerate().map(|(i, f)| html! {
                <>
                    { factor(pack, state, on_action, prefix, f) }
                    if i == after { { treatment_now(pack, state, on_action, prefix) } }
                </>
            }) }
            if factors.is_empty() { { treatment_now(pack, state, on_action, prefix) } }
        </div>
    }
}

/// The questions about treatments had; the box for the treatment now
/// follows the last of them.
const TREATMENT_FACTORS: [&str; 2] = ["past_treatments", "grew_on"];

/// "The treatment I have now (optional)": a short box of the person's own
/// words, not spellchecked or remembered by the browser (see
/// tests/private_fields.rs).
fn treatment_now(pack: &Pack, state: &State, on_action: &Callback<Action>, prefix: &str) -> Html {
    let id = format!("{prefix}-treatment-now");
    let hint = format!("{id}-hint");
    let on_input = {
        let on_action = on_action.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            on_action.emit(Action::SetTreatmentNow(area.value()));
        })
    };
    html! {
        <div class="mbc-field">
            <label for={id.clone()}>{ pack.ui("treatment_now_label") }</label>
            <p class="mbc-hint" id={hint.clone()}>{ pack.ui("treatment_now_hint") }</p>
            <textarea {id} class="mbc-textarea" rows="2" aria-describedby={hint}
                maxlength={MAX_TREATMENT_NOW_CHARS.to_string()} spellcheck="false" autocomplete="off"
                value={state.treatment_now().to_owned()} oninput={on_input} />
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
        .answers()
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
