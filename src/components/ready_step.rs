use std::rc::Rc;

use yew::prelude::*;

use super::{source_note, use_effect_on};
use crate::content::Pack;
use crate::progress::readiness_items;
use crate::state::{Action, State, Visit};

#[derive(Properties, PartialEq)]
pub struct ReadyStepProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

/// The first part of step 5: what the visit is for (a second opinion or my
/// own team: asked here, where the person readies the sheet, because the
/// answer opens the sheet's "About me" and a second opinion adds "What to
/// bring"; optional), then yes/no questions on how ready the person feels,
/// after the SURE test (all but "what matters to me", which step 1 asks).
/// Each "no" points to the questions that help.
#[component]
pub fn ReadyStep(props: &ReadyStepProps) -> Html {
    let pack = &props.pack;
    let state = &props.state;
    // "Add these questions" goes away once they are added; focus moves to
    // the words above the list it added, not back to the top of the page.
    let helps_ref = use_node_ref();
    let added_from = use_mut_ref(|| None::<String>);
    {
        let (helps_ref, added_from) = (helps_ref.clone(), added_from.clone());
        use_effect_on(state.list().len(), move |_| {
            if added_from.borrow_mut().take().is_some() {
                if let Some(p) = helps_ref.cast::<web_sys::HtmlElement>() {
                    let _ = p.focus();
                }
            }
        });
    }
    // One note for the step: the items share their source (the SURE test).
    let mut sources: Vec<String> = Vec::new();
    for id in readiness_items(pack).flat_map(|r| &r.sources) {
        if !sources.contains(id) {
            sources.push(id.clone());
        }
    }
    let visit_name = format!("{}-visit", props.prefix);
    let visit_hint = format!("{visit_name}-hint");
    html! {
        <div class="mbc-step">
            <fieldset class="mbc-fieldset mbc-visit" aria-describedby={visit_hint.clone()}>
                <legend>{ pack.ui("visit_legend") }</legend>
                <p class="mbc-hint" id={visit_hint}>{ pack.ui("visit_hint") }</p>
                <div class="mbc-options">
                    { for Visit::ALL.into_iter().map(|visit| {
                        let on_action = props.on_action.clone();
                        html! {
                            <label class="mbc-option">
                                <input type="radio" name={visit_name.clone()} value={visit.id()}
                                    checked={state.visit == Some(visit)}
                                    onchange={move |_| on_action.emit(Action::SetVisit(Some(visit)))} />
                                <span>{ pack.ui(visit.ui_key()) }</span>
                            </label>
                        }
                    }) }
                </div>
            </fieldset>
            <h3>{ pack.ui("ready_heading") }</h3>
            <p>{ pack.ui("ready_intro") }</p>
            { for readiness_items(pack).map(|item| {
                let answer = state.readiness().get(&item.id).copied();
                let name = format!("{}-ready-{}", props.prefix, item.id);
                let choice = |yes: bool, key: &'static str| {
                    let on_action = props.on_action.clone();
                    let id = item.id.clone();
                    html! {
                        <label class="mbc-option">
                            <input type="radio" name={name.clone()} value={if yes { "yes" } else { "no" }}
                                checked={answer == Some(yes)}
                                onchange={move |_| on_action.emit(Action::AnswerReadiness { item: id.clone(), yes: Some(yes) })} />
                            <span>{ pack.ui(key) }</span>
                        </label>
                    }
                };
                let helps: Vec<_> = item.helps.iter().filter_map(|id| pack.question(id)).collect();
                let missing: Vec<String> = helps.iter()
                    .filter(|q| !state.contains_question(&q.id))
                    .map(|q| q.id.clone()).collect();
                let add_all = {
                    let on_action = props.on_action.clone();
                    let missing = missing.clone();
                    let added_from = added_from.clone();
                    let id = item.id.clone();
                    move |_| {
                        *added_from.borrow_mut() = Some(id.clone());
                        on_action.emit(Action::AddQuestions(missing.clone()));
                    }
                };
                let pressed = added_from.borrow().as_deref() == Some(item.id.as_str());
                html! {
                    <fieldset class="mbc-fieldset" key={item.id.clone()}>
                        <legend>{ &item.text }</legend>
                        <div class="mbc-options">
                            { choice(true, "ready_yes") }
                            { choice(false, "ready_no") }
                        </div>
                        if answer == Some(false) && !helps.is_empty() {
                            <div class="mbc-helps">
                                <p tabindex="-1" ref={if pressed { helps_ref.clone() } else { NodeRef::default() }}>
                                    { pack.ui("ready_helps") }
                                </p>
                                <ul>
                                    { for helps.iter().map(|q| html! {
                                        <li>
                                            { &q.text }
                                            if state.contains_question(&q.id) {
                                                { " " }<span class="mbc-added">{ "✓ " }{ pack.ui("added") }</span>
                                            }
                                        </li>
                                    }) }
                                </ul>
                                if !missing.is_empty() {
                                    <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" onclick={add_all}>
                                        { pack.ui("add_all") }
                                    </button>
                                }
                            </div>
                        }
                    </fieldset>
                }
            }) }
            <p class="mbc-hint">{ pack.ui("ready_source") }</p>
            { source_note(pack, &sources) }
        </div>
    }
}
