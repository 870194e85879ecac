use std::rc::Rc;

use yew::prelude::*;

use super::{Prose, SourceNote};
use crate::content::{Item, ItemSection, Pack, Section};

#[derive(Properties, PartialEq)]
pub struct GuideProps {
    pub pack: Rc<Pack>,
    /// How many of the three sections (intro, goals, kinds of treatment) to
    /// render, from the top: the app's takeover brings them a task apart.
    #[prop_or(3)]
    pub sections: usize,
}

/// The opening of the treatment-options guide: what metastatic breast
/// cancer treatment is for, and the kinds of treatment. This is the first
/// screen, and it is prerendered, so it must read well with no script.
#[component]
pub fn Guide(props: &GuideProps) -> Html {
    let pack = &props.pack;
    let guide = &pack.guide;
    html! {
        <div class="mbc-guide">
            { section(pack, &guide.intro, "mbc-intro") }
            if props.sections >= 2 {
                { item_section(pack, &guide.goals, "mbc-goals") }
            }
            if props.sections >= 3 {
                { item_section(pack, &guide.treatments, "mbc-treatments") }
            }
        </div>
    }
}

/// A heading, paragraphs and their sources.
pub(super) fn section(pack: &Rc<Pack>, section: &Section, id: &'static str) -> Html {
    let heading = format!("{id}-heading");
    html! {
        <section class="mbc-section" aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ &section.heading }</h2>
            { for section.paragraphs.iter().map(|p| html! { <p><Prose pack={pack.clone()} text={p.clone()} /></p> }) }
            <SourceNote pack={pack.clone()} ids={section.sources.clone()} />
        </section>
    }
}

fn item_section(pack: &Rc<Pack>, section: &ItemSection, id: &'static str) -> Html {
    let heading = format!("{id}-heading");
    html! {
        <section class="mbc-section" aria-labelledby={heading.clone()}>
            <h2 id={heading.clone()}>{ &section.heading }</h2>
            <p><Prose pack={pack.clone()} text={section.intro.clone()} /></p>
            <ul class="mbc-cards" aria-labelledby={heading}>
                { for section.items.iter().map(|i| item(pack, i)) }
            </ul>
            <SourceNote pack={pack.clone()} ids={section.sources.clone()} />
        </section>
    }
}

fn item(pack: &Rc<Pack>, item: &Item) -> Html {
    html! {
        <li class="mbc-card">
            <h3 class="mbc-card__title">{ &item.title }</h3>
            <p><Prose pack={pack.clone()} text={item.text.clone()} /></p>
            if let Some(when) = &item.when {
                <p><Prose pack={pack.clone()} text={when.clone()} /></p>
            }
        </li>
    }
}
