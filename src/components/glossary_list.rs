use yew::prelude::*;

use super::expander_cue;
use crate::content::Pack;

/// Every glossary term with its explanation, as a description list. It
/// works with no script at all, and it prints. A plain view function (see
/// `expander_cue`).
pub fn glossary_list(pack: &Pack) -> Html {
    html! {
        <details class="mbc-glossary">
            <summary><h3>{ pack.ui("glossary_heading") }</h3>{ expander_cue(pack) }</summary>
            <dl>
                { for pack.glossary.iter().map(|t| html! {
                    <div class="mbc-glossary__item">
                        <dt>{ &t.term }</dt>
                        <dd>{ &t.text }</dd>
                    </div>
                }) }
            </dl>
        </details>
    }
}
