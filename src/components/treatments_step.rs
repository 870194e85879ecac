use std::rc::Rc;

use yew::prelude::*;

use super::Prose;
use crate::answers::{Mark, EXTRA_TREATMENTS};
use crate::content::Pack;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct TreatmentsStepProps {
    pub pack: Rc<Pack>,
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    pub prefix: AttrValue,
}

/// Step 3: for each kind of treatment, plus supportive care and
/// complementary medicine, where the person stands.
#[component]
pub fn TreatmentsStep(props: &TreatmentsStepProps) -> Html {
    let pack = &props.pack;
    let items = pack
        .guide
        .treatments
        .items
        .iter()
        .map(|t| (t.id.as_str(), t.title.as_str(), Some(t.text.as_str())))
        .chain(
            EXTRA_TREATMENTS
                .iter()
                .map(|&id| (id, pack.item_title(id), None)),
        );
    html! {
        <div class="mbc-step">
            { for items.map(|(id, title, text)| {
                let chosen = props.state.answers.treatments.get(id).copied();
                let name = format!("{}-treatment-{id}", props.prefix);
                let hint = format!("{name}-hint");
                html! {
                    <fieldset class="mbc-fieldset" aria-describedby={text.map(|_| hint.clone())}>
                        <legend>{ title }</legend>
                        if let Some(text) = text {
                            <p class="mbc-hint" id={hint.clone()}><Prose pack={pack.clone()} text={text.to_owned()} /></p>
                        }
                        <div class="mbc-options">
                            { for Mark::ALL.iter().map(|&mark| {
                                let on_action = props.on_action.clone();
                                let treatment = id.to_owned();
                                html! {
                                    <label class="mbc-option">
                                        <input type="radio" name={name.clone()} value={mark.id()}
                                            checked={chosen == Some(mark)}
                                            onchange={move |_| on_action.emit(Action::MarkTreatment { treatment: treatment.clone(), mark: Some(mark) })} />
                                        <span>{ pack.ui(mark.ui_key()) }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
        </div>
    }
}
