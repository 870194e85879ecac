use std::rc::Rc;

use yew::prelude::*;

use super::{ExpanderCue, Prose, SourceNote};
use crate::content::Pack;

#[derive(Properties, PartialEq)]
pub struct UrgentHelpProps {
    pub pack: Rc<Pack>,
    /// Prefix for element ids, unique per widget on a page.
    pub prefix: AttrValue,
}

/// "Get help right away": the signs that need a call to the care team now.
/// It sits at the top of the page, under the title, in every step: its
/// heading is always in view as a button that opens the box (a native
/// `<details>`, so it works with no script and in the prerendered page),
/// with the same chevron and "Show"/"Hide" cue as every other expander.
/// Closed at first, so the first screen stays calm. The printed sheet
/// carries the same box (`sheet::SheetUrgent`). Nothing when the pack has
/// no such box.
#[component]
pub fn UrgentHelp(props: &UrgentHelpProps) -> Html {
    let pack = &props.pack;
    let Some(urgent) = pack.urgent() else {
        return html! {};
    };
    let id = format!("{}-urgent", props.prefix);
    let heading = format!("{id}-heading");
    html! {
        <details class="mbc-urgent no-print" id={id}>
            <summary><h2 id={heading}>{ &urgent.heading }</h2><ExpanderCue pack={pack.clone()} /></summary>
            <p><Prose pack={pack.clone()} text={urgent.intro.clone()} /></p>
            <ul class="mbc-urgent__signs">
                { for urgent.signs.iter().map(|s| html! { <li><Prose pack={pack.clone()} text={s.clone()} /></li> }) }
            </ul>
            <p class="mbc-urgent__action"><strong><Prose pack={pack.clone()} text={urgent.action.clone()} /></strong></p>
            <SourceNote pack={pack.clone()} ids={urgent.sources.clone()} />
        </details>
    }
}
