use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;
use crate::state::{Action, State, Visit};

#[derive(Properties, PartialEq)]
pub struct VisitChoiceProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

/// "What is the visit for?": a second opinion or a visit with my own team.
/// Asked at the start of the last step, where the person readies the sheet:
/// the answer opens the sheet's "About me", and a second opinion adds
/// "What to bring". Optional; not asked again anywhere.
#[component]
pub fn VisitChoice(props: &VisitChoiceProps) -> Html {
    let pack = &props.pack;
    let name = format!("{}-visit", props.prefix);
    let hint = format!("{name}-hint");
    html! {
        <fieldset class="mbc-fieldset mbc-visit" aria-describedby={hint.clone()}>
            <legend>{ pack.ui("visit_legend") }</legend>
            <p class="mbc-hint" id={hint}>{ pack.ui("visit_hint") }</p>
            <div class="mbc-options">
                { for Visit::ALL.into_iter().map(|visit| {
                    let on_action = props.on_action.clone();
                    html! {
                        <label class="mbc-option">
                            <input type="radio" name={name.clone()} value={visit.id()}
                                checked={props.state.visit == Some(visit)}
                                onchange={move |_| on_action.emit(Action::SetVisit(Some(visit)))} />
                            <span>{ pack.ui(visit.ui_key()) }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}
