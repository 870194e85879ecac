use std::rc::Rc;

use yew::prelude::*;

use super::Prose;
use crate::answers::{extra_treatment_keys, Mark, EXTRA_TREATMENTS};
use crate::content::Pack;
use crate::state::{Action, State};

/// Step 3: for each kind of treatment, plus supportive care and
/// complementary medicine, where the person stands. Each is explained in its
/// own group: this is the one place the kinds of treatment are described.
/// A plain view function (see `goals_step`).
pub fn treatments_step(
    pack: &Rc<Pack>,
    state: &State,
    on_action: &Callback<Action>,
    prefix: &str,
) -> Html {
    let items = pack
        .guide
        .treatments
        .items
        .iter()
        .map(|t| {
            (
                t.id.as_str(),
                t.title.as_str(),
                t.text.as_str(),
                t.when.as_deref(),
            )
        })
        .chain(EXTRA_TREATMENTS.iter().map(|&id| {
            let hint = extra_treatment_keys(id).map_or("", |(_, hint)| pack.ui(hint));
            (id, pack.item_title(id), hint, None)
        }));
    html! {
        <div class="mbc-step">
            { for items.map(|(id, title, text, when)| {
                let chosen = state.answers().treatments.get(id).copied();
                let name = format!("{prefix}-treatment-{id}");
                let hint = format!("{name}-hint");
                html! {
                    <fieldset class="mbc-fieldset" aria-describedby={hint.clone()}>
                        <legend>{ title }</legend>
                        <div class="mbc-hint" id={hint}>
                            <p><Prose pack={pack.clone()} text={text.to_owned()} /></p>
                            if let Some(when) = when {
                                <p><Prose pack={pack.clone()} text={when.to_owned()} /></p>
                            }
                        </div>
                        <div class="mbc-options">
                            { for Mark::ALL.iter().map(|&mark| {
                                let on_action = on_action.clone();
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
