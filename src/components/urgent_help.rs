use std::rc::Rc;

use yew::prelude::*;

use super::{expander_cue, source_note, Prose};
use crate::content::Pack;

/// "Get help right away": the signs that need a call to the care team now.
/// It sits at the top of the page, under the title, in every step: its
/// heading is always in view as a button that opens the box (a native
/// `<details>`, so it works with no script and in the prerendered page),
/// with the same chevron and "Show"/"Hide" cue as every other expander.
/// Closed at first, so the first screen stays calm. The printed sheet
/// carries the same box (`sheet::SheetUrgent`). Nothing when the pack has
/// no such box. `prefix` starts element ids, unique per widget on a page.
/// A plain view function (see `expander_cue`).
pub fn urgent_help(pack: &Rc<Pack>, prefix: &str) -> Html {
    let Some(urgent) = pack.urgent() else {
        return html! {};
    };
    let id = format!("{prefix}-urgent");
    let heading = format!("{id}-heading");
    html! {
        <details class="mbc-urgent no-print" id={id}>
            <summary><h2 id={heading}>{ &urgent.heading }</h2>{ expander_cue(pack) }</summary>
            <p><Prose pack={pack.clone()} text={urgent.intro.clone()} /></p>
            <ul class="mbc-urgent__signs">
                { for urgent.signs.iter().map(|s| html! { <li><Prose pack={pack.clone()} text={s.clone()} /></li> }) }
            </ul>
            <p class="mbc-urgent__action"><strong><Prose pack={pack.clone()} text={urgent.action.clone()} /></strong></p>
            { source_note(pack, &urgent.sources) }
        </details>
    }
}
