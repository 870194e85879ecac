use yew::prelude::*;

use crate::content::Pack;

/// "Sources: Mayo Clinic; National Cancer Institute": where a section or a
/// question comes from (`ids` are source ids from the pack). The full
/// titles are in the footer. A plain view function (see `expander_cue`).
pub fn source_note(pack: &Pack, ids: &[String]) -> Html {
    let mut orgs: Vec<&str> = Vec::new();
    for source in ids.iter().filter_map(|id| pack.source(id)) {
        if !orgs.contains(&source.org.as_str()) {
            orgs.push(&source.org);
        }
    }
    if orgs.is_empty() {
        return html! {};
    }
    html! {
        <p class="mbc-source">{ pack.ui("sources_heading") }{ ": " }{ orgs.join("; ") }</p>
    }
}
