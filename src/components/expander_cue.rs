use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;

#[derive(Properties, PartialEq)]
pub struct ExpanderCueProps {
    pub pack: Rc<Pack>,
}

/// The cue every expander shows after its name: a chevron and "Show" (or
/// "Hide" once open). Only for the eye: the control already says whether it
/// is open. The stylesheet picks the word from the open state, so it works
/// with no script in a `<details>` too.
#[component]
pub fn ExpanderCue(props: &ExpanderCueProps) -> Html {
    html! {
        <span class="mbc-cue" aria-hidden="true">
            <span class="mbc-cue__show">{ props.pack.ui("show") }</span>
            <span class="mbc-cue__hide">{ props.pack.ui("hide") }</span>
        </span>
    }
}
