use std::rc::Rc;

use yew::prelude::*;

use crate::content::{Item, ItemSection, Pack, Section};

#[derive(Properties, PartialEq)]
pub struct GuideProps {
    pub pack: Rc<Pack>,
}

/// The treatment-options guide: what metastatic breast cancer treatment is
/// for, and the kinds of treatment. This is the first screen, and it is
/// prerendered, so it must read well with no script at all.
#[component]
pub fn Guide(props: &GuideProps) -> Html {
    let guide = &props.pack.guide;
    html! {
        <div class="mbc-guide">
            { section(&guide.intro, "mbc-intro") }
            { item_section(&guide.goals, "mbc-goals") }
            { item_section(&guide.treatments, "mbc-treatments") }
        </div>
    }
}

fn section(section: &Section, id: &'static str) -> Html {
    let heading = format!("{id}-heading");
    html! {
        <section class="mbc-section" aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ &section.heading }</h2>
            { for section.paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
        </section>
    }
}

fn item_section(section: &ItemSection, id: &'static str) -> Html {
    let heading = format!("{id}-heading");
    html! {
        <section class="mbc-section" aria-labelledby={heading.clone()}>
            <h2 id={heading.clone()}>{ &section.heading }</h2>
            <p>{ &section.intro }</p>
            <ul class="mbc-cards" aria-labelledby={heading}>
                { for section.items.iter().map(item) }
            </ul>
        </section>
    }
}

fn item(item: &Item) -> Html {
    html! {
        <li class="mbc-card">
            <h3 class="mbc-card__title">{ &item.title }</h3>
            <p>{ &item.text }</p>
            if let Some(when) = &item.when {
                <p>{ when }</p>
            }
        </li>
    }
}
