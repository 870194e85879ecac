use std::rc::Rc;

use yew::prelude::*;

use super::{expander_cue, glossary_list, source_note, use_staged, Prose};
use crate::content::{Item, ItemSection, Pack, Section};

#[derive(Properties, PartialEq)]
pub struct GuideMoreProps {
    pub pack: Rc<Pack>,
    #[prop_or(AttrValue::Static("mbc"))]
    pub prefix: AttrValue,
}

/// "Learn more": the background reading, one tap away and after the steps,
/// never in front of them: what metastatic breast cancer means, supportive
/// and complementary care, second opinions, the guide's other topics, and
/// the words to know. Native `<details>`, so it works with no script. In the
/// browser the folded bodies come one per task after the first render
/// (`use_staged`); the prerendered page has them all.
///
/// The goals and the kinds of treatment are described in the steps that ask
/// about them, once. A reader with no script sees only step 1, so the
/// prerendered page also carries the kinds of treatment inside
/// `<noscript>`, which a browser running the widget never shows.
#[component]
pub fn GuideMore(props: &GuideMoreProps) -> Html {
    let pack = &props.pack;
    let guide = &pack.guide;
    let living = &guide.living.items;
    // The intro, supportive, complementary, second opinion, each topic of
    // living with it, then the glossary.
    let stage = use_staged(5 + living.len());
    let folded = |at: usize, title: &str, body: Html| {
        html! {
            <details class="mbc-more">
                <summary><h3>{ title.to_owned() }</h3>{ expander_cue(pack) }</summary>
                if stage > at {
                    { body }
                }
            </details>
        }
    };
    let heading = format!("{}-learn-more", props.prefix);
    html! {
        <section class="mbc-guide-more" aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ pack.ui("learn_more") }</h2>
            { folded(0, &guide.intro.heading, section_body(pack, &guide.intro)) }
            { folded(1, &guide.supportive.heading, section_body(pack, &guide.supportive)) }
            { folded(2, &guide.complementary.heading, section_body(pack, &guide.complementary)) }
            { folded(3, &guide.second_opinion.heading, html! {
                <>
                    { paragraphs(pack, &guide.second_opinion.paragraphs) }
                    <ul>
                        { for guide.second_opinion.bring.iter().map(|b| html! { <li><Prose pack={pack.clone()} text={b.clone()} /></li> }) }
                    </ul>
                    { source_note(pack, &guide.second_opinion.sources) }
                </>
            }) }
            { for living.iter().enumerate().map(|(i, item)| folded(4 + i, &item.title, item_body(pack, item))) }
            if stage > 4 + living.len() {
                { glossary_list(pack) }
            }
            if cfg!(not(target_arch = "wasm32")) {
                <noscript>{ item_section(pack, &guide.treatments, &format!("{}-treatments", props.prefix)) }</noscript>
            }
        </section>
    }
}

fn paragraphs(pack: &Rc<Pack>, ps: &[String]) -> Html {
    html! { { for ps.iter().map(|p| html! { <p><Prose pack={pack.clone()} text={p.clone()} /></p> }) } }
}

/// A section's paragraphs and sources.
fn section_body(pack: &Rc<Pack>, section: &Section) -> Html {
    html! {
        <>
            { paragraphs(pack, &section.paragraphs) }
            { source_note(pack, &section.sources) }
        </>
    }
}

fn item_body(pack: &Rc<Pack>, item: &Item) -> Html {
    html! {
        <>
            <p><Prose pack={pack.clone()} text={item.text.clone()} /></p>
            if let Some(when) = &item.when {
                <p><Prose pack={pack.clone()} text={when.clone()} /></p>
            }
            { source_note(pack, &item.sources) }
        </>
    }
}

/// A heading, an intro and a card per item (for readers with no script).
fn item_section(pack: &Rc<Pack>, section: &ItemSection, id: &str) -> Html {
    let heading = format!("{id}-heading");
    html! {
        <section class="mbc-section" aria-labelledby={heading.clone()}>
            <h3 id={heading.clone()}>{ &section.heading }</h3>
            <p><Prose pack={pack.clone()} text={section.intro.clone()} /></p>
            <ul class="mbc-cards" aria-labelledby={heading}>
                { for section.items.iter().map(|i| html! {
                    <li class="mbc-card">
                        <h4 class="mbc-card__title">{ &i.title }</h4>
                        { item_body(pack, i) }
                    </li>
                }) }
            </ul>
            { source_note(pack, &section.sources) }
        </section>
    }
}
