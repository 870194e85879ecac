use std::rc::Rc;

use yew::prelude::*;

use super::{use_effect_on, TakeAwayRequest};
use crate::content::Pack;
use crate::state::{Action, State, Step};
use crate::{about_me, sheet};

#[derive(Properties, PartialEq)]
pub struct CheckAnswersProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    /// Print (the one main action of the last step).
    pub on_take: Callback<TakeAwayRequest>,
    /// A "Change" was pressed: focus goes to the step's heading, even when
    /// the step is this one.
    #[prop_or_default]
    pub on_chosen: Callback<()>,
    pub prefix: AttrValue,
}

/// "Check your answers", as in GOV.UK's pattern: every answer, as the sheet
/// will print it (what I know as "About me" statements), each with a
/// "Change" button back to its step; then the choice of a code on paper and
/// "Print my questions". With no questions in the list, printing says what to do
/// first instead of printing an empty sheet.
#[component]
pub fn CheckAnswers(props: &CheckAnswersProps) -> Html {
    let pack = &props.pack;
    let state = &props.state;
    // Labels and answers exactly as the sheet words them (no date needed).
    let sheet = sheet::build(pack, state, "");
    let empty = use_state_eq(bool::default);
    let empty_ref = use_node_ref();
    {
        let empty_ref = empty_ref.clone();
        use_effect_on(*empty, move |&shown| {
            if shown {
                if let Some(p) = empty_ref.cast::<web_sys::HtmlElement>() {
                    let _ = p.focus();
                }
            }
        });
    }
    let print = {
        let empty = empty.clone();
        let on_take = props.on_take.clone();
        let has_questions = !state.list().is_empty();
        move |_| {
            if has_questions {
                empty.set(false);
                on_take.emit(TakeAwayRequest::Print);
            } else {
                empty.set(true);
            }
        }
    };
    let on_qr = {
        let on_action = props.on_action.clone();
        move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_action.emit(Action::SetPrintQr(input.checked()));
        }
    };
    let heading = format!("{}-check", props.prefix);
    // "Change" takes the person to the step that asks it, and focus to that
    // step's heading (the visit is asked first in this very step).
    let change = |step: Step, what: &str| {
        let on_action = props.on_action.clone();
        let on_chosen = props.on_chosen.clone();
        html! {
            <button type="button" class="mbc-link" onclick={move |_| {
                on_action.emit(Action::GoTo(step));
                on_chosen.emit(());
            }}>
                { pack.ui("change") }<span class="mbc-visually-hidden">{ " " }{ what.to_owned() }</span>
            </button>
        }
    };
    // The answers as the sheet's "About me" says them, one row each, each
    // with its own "Change".
    let rows = |step: Step, rows: &[(String, String)]| -> Html {
        if rows.is_empty() {
            return html! { <p class="mbc-hint">{ pack.ui("check_none") }</p> };
        }
        html! {
            <dl class="mbc-summary">
                { for rows.iter().map(|(k, v)| html! {
                    <div class="mbc-summary__row">
                        <dt>{ k }</dt>
                        <dd class="mbc-summary__value">{ v }</dd>
                        <dd class="mbc-summary__change">{ change(step, k) }</dd>
                    </div>
                }) }
            </dl>
        }
    };
    let group = |step: Step, body: Html, change_all: bool| {
        html! {
            <div class="mbc-review__group">
                <div class="mbc-review__head">
                    <h4>{ pack.ui(step.ui_key()) }</h4>
                    if change_all { { change(step, pack.ui(step.ui_key())) } }
                </div>
                { body }
            </div>
        }
    };
    let mut goals = sheet.goals.clone();
    if let Some(other) = &sheet.goals_other {
        goals.push((pack.ui("print_goals").to_owned(), other.clone()));
    }
    let mut facts = about_me::facts(pack, state);
    facts.extend(sheet.treatment_now.clone());
    let count = crate::plural::list_count(pack, state.list().len(), state.top_count());
    let questions: Vec<&sheet::SheetQuestion> = sheet
        .top
        .iter()
        .chain(sheet.groups.iter().flat_map(|g| &g.questions))
        .collect();
    html! {
        <section class="mbc-subsection mbc-review no-print" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ pack.ui("check_heading") }</h3>
            if let Some(visit) = &sheet.visit {
                { rows(Step::Ready, std::slice::from_ref(visit)) }
            }
            { group(Step::Goals, rows(Step::Goals, &goals), false) }
            { group(Step::Profile, rows(Step::Profile, &facts), false) }
            { group(Step::Treatments, rows(Step::Treatments, &sheet.treatments), false) }
            { group(Step::Questions, if questions.is_empty() {
                html! { <p class="mbc-hint">{ pack.ui("list_empty") }</p> }
            } else {
                html! {
                    <>
                        <p>{ count }</p>
                        <ol class="mbc-review__questions">
                            { for questions.iter().map(|q| html! {
                                <li>
                                    if q.top { <span aria-hidden="true">{ "★ " }</span> }
                                    { &q.text }
                                </li>
                            }) }
                        </ol>
                    </>
                }
            }, true) }
            <div class="mbc-print-action">
                <p class="mbc-field">
                    <label class="mbc-check">
                        <input type="checkbox" checked={state.print_qr} onchange={on_qr} />
                        { pack.ui("print_qr_choice") }
                    </label>
                </p>
                <button type="button" class="mbc-button mbc-button--start" onclick={print}>
                    { pack.ui("print_button") }
                </button>
                if *empty {
                    <div class="mbc-notice" role="alert">
                        <p tabindex="-1" ref={empty_ref}>{ pack.ui("print_empty") }</p>
                        { {
                            let on_action = props.on_action.clone();
                            html! {
                                <button type="button" class="mbc-button mbc-button--quiet"
                                    onclick={move |_| on_action.emit(Action::GoTo(Step::Questions))}>
                                    { pack.ui("check_add") }
                                </button>
                            }
                        } }
                    </div>
                }
            </div>
        </section>
    }
}
