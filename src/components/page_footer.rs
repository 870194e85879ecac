use yew::prelude::*;

use crate::config::Config;
use crate::content::{fill, Pack};

/// Who to contact (from the host's settings), then what the content rests
/// on: the not-advice statement, the review dates (last and next) and
/// every source. `config` holds the host's contact details. A plain view
/// function (see `expander_cue`).
pub fn page_footer(pack: &Pack, config: &Config) -> Html {
    let reviewed = crate::dates::reviewed_line(pack);
    let org = config.org_name.as_deref();
    let call = match (org, config.phone.as_deref()) {
        (Some(org), Some(phone)) => Some((
            fill(pack.ui("contact_phone"), &[("org", org), ("phone", phone)]),
            phone,
        )),
        _ => None,
    };
    let tel = |phone: &str| {
        format!(
            "tel:{}",
            phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect::<String>()
        )
    };
    html! {
        <footer class="mbc-footer">
            <section class="mbc-contact" aria-label={pack.ui("contact_heading").to_owned()}>
                <h2>{ pack.ui("contact_heading") }</h2>
                if let Some((sentence, phone)) = &call {
                    <p><a href={tel(phone)}>{ sentence }</a></p>
                } else if let Some(phone) = &config.phone {
                    <p><a href={tel(phone)}>{ phone }</a></p>
                }
                if let Some(hours) = &config.hours {
                    <p>{ fill(pack.ui("contact_hours"), &[("hours", hours)]) }</p>
                }
                if let Some(url) = &config.second_opinion_url {
                    <p><a href={url.clone()}>{
                        match org {
                            Some(org) => fill(pack.ui("contact_second_opinion"), &[("org", org)]),
                            None => url.clone(),
                        }
                    }</a></p>
                }
                if call.is_none() && config.phone.is_none() && config.second_opinion_url.is_none() {
                    <p>{ pack.ui("contact_default") }</p>
                }
            </section>
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
