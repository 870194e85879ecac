use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;

#[derive(Properties, PartialEq)]
pub struct SourceNoteProps {
    pub pack: Rc<Pack>,
    /// Source ids from the pack.
    pub ids: Vec<String>,
}

/// "Sources: Mayo Clinic; National Cancer Institute": where a section or a
/// question comes from. The full titles are in the footer.
#[component]
pub fn SourceNote(props: &SourceNoteProps) -> Html {
    let mut orgs: Vec<&str> = Vec::new();
    for source in props.ids.iter().filter_map(|id| props.pack.source(id)) {
        if !orgs.contains(&source.org.as_str()) {
            orgs.push(&source.org);
        }
    }
    if orgs.is_empty() {
        return html! {};
    }
    html! {
        <p class="mbc-source">{ props.pack.ui("sources_heading") }{ ": " }{ orgs.join("; ") }</p>
    }
}
