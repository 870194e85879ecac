use yew::prelude::*;

use crate::content::Pack;

/// The cue every expander shows after its name: a chevron and "Show" (or
/// "Hide" once open). Only for the eye: the control already says whether it
/// is open. The stylesheet picks the word from the open state, so it works
/// with no script in a `<details>` too.
///
/// A plain view function, not a component: it has no state, and each
/// component costs the wasm its own copy of Yew's lifecycle code
/// (docs/SIZE.md, session 3).
pub fn expander_cue(pack: &Pack) -> Html {
    html! {
        <span class="mbc-cue" aria-hidden="true">
            <span class="mbc-cue__show">{ pack.ui("show") }</span>
            <span class="mbc-cue__hide">{ pack.ui("hide") }</span>
        </span>
    }
}
