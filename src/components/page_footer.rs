use std::rc::Rc;

use yew::prelude::*;

use crate::content::{fill, Pack};

#[derive(Properties, PartialEq)]
pub struct PageFooterProps {
    pub pack: Rc<Pack>,
}

/// What the content rests on: the not-advice statement, the review date and
/// every source.
#[component]
pub fn PageFooter(props: &PageFooterProps) -> Html {
    let pack = &props.pack;
    let reviewed = fill(
        pack.ui("last_reviewed"),
        &[("date", &pack.meta.last_reviewed)],
    );
    html! {
        <footer class="mbc-footer">
            <p class="mbc-disclaimer">{ &pack.meta.disclaimer }</p>
            <p>{ reviewed }</p>
            <details class="mbc-sources">
                <summary>{ pack.ui("sources_heading") }</summary>
                <ul>
                    { for pack.meta.sources.iter().map(|s| html! {
                        <li id={format!("source-{}", s.id)}>
                            { format!("{}: {}", s.org, s.title) }
                            if let Some(url) = &s.url {
                                { " " }<span class="mbc-url">{ url }</span>
                            }
                        </li>
                    }) }
                </ul>
            </details>
        </footer>
    }
}
