use std::rc::Rc;

use yew::prelude::*;

use super::{expander_cue, source_note};
use crate::content::Pack;

#[derive(Properties, PartialEq)]
pub struct WhyThisProps {
    pub pack: Rc<Pack>,
    /// The id of the element this explains, unique on the page.
    pub id: AttrValue,
    /// Why it was picked ("We picked this for you because…"), if it was.
    #[prop_or_default]
    pub reason: Option<AttrValue>,
    /// Source ids from the pack.
    pub sources: Vec<String>,
}

/// "Why this?": the reason a question was picked and where it comes from,
/// folded behind one disclosure button so a card stays short. Once open, it
/// is read like the rest of the card.
#[component]
pub fn WhyThis(props: &WhyThisProps) -> Html {
    let open = use_state_eq(bool::default);
    let toggle = {
        let open = open.clone();
        move |_| open.set(!*open)
    };
    let body = format!("{}-why", props.id);
    html! {
        <>
            <button type="button" class="mbc-expander mbc-why" aria-expanded={open.to_string()}
                aria-controls={body.clone()} onclick={toggle}>
                { props.pack.ui("why_this") }{ expander_cue(&props.pack) }
            </button>
            <div class="mbc-why__body" id={body} hidden={!*open}>
                if *open {
                    if let Some(reason) = &props.reason {
                        <p class="mbc-hint">{ reason.clone() }</p>
                    }
                    { source_note(&props.pack, &props.sources) }
                }
            </div>
        </>
    }
}
