use std::rc::Rc;

use yew::prelude::*;

use super::{use_staged, GlossaryList, Prose, SourceNote};
use crate::content::Pack;

#[derive(Properties, PartialEq)]
pub struct GuideMoreProps {
    pub pack: Rc<Pack>,
}

/// The rest of the guide, folded so the page stays short: what a plan
/// depends on, supportive and complementary care, second opinions, and the
/// words to know. Native `<details>`, so it works with no script. In the
/// browser the folded bodies come one per task after the first render
/// (`use_staged`); the prerendered page has them all.
#[component]
pub fn GuideMore(props: &GuideMoreProps) -> Html {
    let pack = &props.pack;
    let guide = &pack.guide;
    // Factors, supportive, complementary, second opinion, then the glossary.
    let stage = use_staged(5);
    let paragraphs = |ps: &[String]| -> Html {
        html! { { for ps.iter().map(|p| html! { <p><Prose pack={pack.clone()} text={p.clone()} /></p> }) } }
    };
    html! {
        <div class="mbc-guide-more">
            <details class="mbc-more">
                <summary><h2>{ &guide.factors.heading }</h2></summary>
                if stage > 0 {
                    <p><Prose pack={pack.clone()} text={guide.factors.intro.clone()} /></p>
                    <dl class="mbc-factors">
                        { for guide.factors.items.iter().map(|f| html! {
                            <div>
                                <dt>{ &f.title }</dt>
                                <dd><Prose pack={pack.clone()} text={f.text.clone()} /></dd>
                            </div>
                        }) }
                    </dl>
                    <SourceNote pack={pack.clone()} ids={guide.factors.sources.clone()} />
                }
            </details>
            { for [&guide.supportive, &guide.complementary].into_iter().enumerate().map(|(i, s)| html! {
                <details class="mbc-more">
                    <summary><h2>{ &s.heading }</h2></summary>
                    if stage > 1 + i {
                        { paragraphs(&s.paragraphs) }
                        <SourceNote pack={pack.clone()} ids={s.sources.clone()} />
                    }
                </details>
            }) }
            <details class="mbc-more">
                <summary><h2>{ &guide.second_opinion.heading }</h2></summary>
                if stage > 3 {
                    { paragraphs(&guide.second_opinion.paragraphs) }
                    <ul>
                        { for guide.second_opinion.bring.iter().map(|b| html! { <li><Prose pack={pack.clone()} text={b.clone()} /></li> }) }
                    </ul>
                    <SourceNote pack={pack.clone()} ids={guide.second_opinion.sources.clone()} />
                }
            </details>
            if stage > 4 {
                <GlossaryList pack={pack.clone()} />
            }
        </div>
    }
}
