use std::rc::Rc;

use yew::prelude::*;

use super::GlossaryTerm;
use crate::content::glossary::{segments_with, Segment};
use crate::content::Pack;

#[derive(Properties, PartialEq)]
pub struct ProseProps {
    pub pack: Rc<Pack>,
    pub text: AttrValue,
}

/// Text with each glossary term it contains explained in place.
#[component]
pub fn Prose(props: &ProseProps) -> Html {
    let pack = &props.pack;
    html! {
        <>
            { for segments_with(&props.text, pack.glossary_forms(), pack.glossary.len()).into_iter().map(|segment| match segment {
                Segment::Text(text) => html! { { text.to_owned() } },
                Segment::Term { text, term } => match pack.glossary.get(term) {
                    Some(entry) => html! {
                        <GlossaryTerm word={text.to_owned()} meaning={entry.text.clone()}
                            show_label={pack.ui("glossary_show").to_owned()} />
                    },
                    None => html! { { text.to_owned() } },
                },
            }) }
        </>
    }
}
