use std::rc::Rc;

use yew::prelude::*;

use crate::content::{fill, Pack};
use crate::session::Saving;

#[derive(Properties, PartialEq)]
pub struct SavedStatusProps {
    pub pack: Rc<Pack>,
    pub saving: Saving,
    /// When the list was last saved on this device (an ISO date), if ever.
    #[prop_or_default]
    pub saved_on: Option<AttrValue>,
}

/// Under "Your answers on this device", while saving is on: when the list
/// was last saved, and that the browser may delete it unless the page is
/// installed (Safari's 7-day cap, or a full disk).
#[component]
pub fn SavedStatus(props: &SavedStatusProps) -> Html {
    let pack = &props.pack;
    if props.saving != Saving::On {
        return html! {};
    }
    html! {
        <p class="mbc-hint">
            if let Some(date) = &props.saved_on {
                { fill(pack.ui("saved_when"), &[("date", &crate::dates::long(pack.language(), date))]) }{ " " }
            }
            { pack.ui("saved_may_clear") }
        </p>
    }
}
