use std::rc::Rc;

use yew::prelude::*;

use super::ExpanderCue;
use crate::content::Pack;

#[derive(Properties, PartialEq)]
pub struct GlossaryListProps {
    pub pack: Rc<Pack>,
}

/// Every glossary term with its explanation, as a description list. It
/// works with no script at all, and it prints.
#[component]
pub fn GlossaryList(props: &GlossaryListProps) -> Html {
    let pack = &props.pack;
    html! {
        <details class="mbc-glossary">
            <summary><h3>{ pack.ui("glossary_heading") }</h3><ExpanderCue pack={pack.clone()} /></summary>
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
