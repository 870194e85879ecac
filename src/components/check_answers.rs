use std::rc::Rc;

use yew::prelude::*;

use super::TakeAwayRequest;
use crate::content::Pack;
use crate::sheet;
use crate::state::{Action, State, Step};

#[derive(Properties, PartialEq)]
pub struct CheckAnswersProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    /// Print (the one main action of the last step).
    pub on_take: Callback<TakeAwayRequest>,
    pub prefix: AttrValue,
}

/// "Check your answers", as in GOV.UK's pattern: every answer, as the sheet
/// will print it, with a "Change" button back to its step; then "Print my
/// questions". With no questions in the list, printing says what to do
/// first instead of printing an empty sheet.
#[component]
pub fn CheckAnswers(props: &CheckAnswersProps) -> Html {
    let pack = &props.pack;
    let state = &props.state;
    // Labels and answers exactly as the sheet words them (no date needed).
    let sheet = sheet::build(pack, state, "");
    let empty = use_state_eq(|| false);
    let empty_ref = use_node_ref();
    {
        let empty_ref = empty_ref.clone();
        use_effect_with(*empty, move |&shown| {
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
        let has_questions = !state.list.is_empty();
        move |_| {
            if has_questions {
                empty.set(false);
                on_take.emit(TakeAwayRequest::Print);
            } else {
                empty.set(true);
            }
        }
    };
    let heading = format!("{}-check", props.prefix);
    let change = |step: Step| {
        let on_action = props.on_action.clone();
        html! {
            <button type="button" class="mbc-link" onclick={move |_| on_action.emit(Action::GoTo(step))}>
                { pack.ui("change") }<span class="mbc-visually-hidden">{ ": " }{ pack.ui(step.ui_key()) }</span>
            </button>
        }
    };
    let rows = |rows: &[(String, String)], extra: Option<&String>| -> Html {
        if rows.is_empty() && extra.is_none() {
            return html! { <p class="mbc-hint">{ pack.ui("check_none") }</p> };
        }
        html! {
            <dl class="mbc-summary">
                { for rows.iter().map(|(k, v)| html! {
                    <div class="mbc-summary__row"><dt>{ k }</dt><dd>{ v }</dd></div>
                }) }
                if let Some(extra) = extra {
                    <div class="mbc-summary__row"><dt>{ pack.ui("goals_other_label") }</dt><dd>{ extra }</dd></div>
                }
            </dl>
        }
    };
    let group = |step: Step, body: Html| {
        html! {
            <div class="mbc-review__group">
                <div class="mbc-review__head">
                    <h4>{ pack.ui(step.ui_key()) }</h4>
                    { change(step) }
                </div>
                { body }
            </div>
        }
    };
    let count = crate::plural::list_count(pack, state.list.len(), state.top_count());
    let questions: Vec<&sheet::SheetQuestion> = sheet
        .top
        .iter()
        .chain(sheet.groups.iter().flat_map(|g| &g.questions))
        .collect();
    html! {
        <section class="mbc-subsection mbc-review no-print" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ pack.ui("check_heading") }</h3>
            { group(Step::Goals, rows(&sheet.goals, sheet.goals_other.as_ref())) }
            { group(Step::Profile, rows(&sheet.profile, None)) }
            { group(Step::Treatments, rows(&sheet.treatments, None)) }
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
            }) }
            <div class="mbc-print-action">
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
