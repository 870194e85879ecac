use std::rc::Rc;

use yew::prelude::*;

use super::TakeAwayRequest;
use crate::content::Pack;

#[derive(Properties, PartialEq)]
pub struct KeepCopyProps {
    pub pack: Rc<Pack>,
    /// A returning person's list, last saved a while ago (`dates::stale`).
    pub offer: bool,
    pub on_request: Callback<TakeAwayRequest>,
}

/// Once, when a returning person's list was last saved a while ago: an
/// offer to keep a copy (print, download, or a link to another device),
/// with "Not now". Gone after any choice, until the next visit after a long
/// gap.
#[component]
pub fn KeepCopy(props: &KeepCopyProps) -> Html {
    let pack = &props.pack;
    let open = use_state_eq(|| true);
    if !props.offer || !*open {
        return html! {};
    }
    let choose = |request: Option<TakeAwayRequest>| {
        let (open, on_request) = (open.clone(), props.on_request.clone());
        move |_| {
            open.set(false);
            if let Some(request) = request {
                on_request.emit(request);
            }
        }
    };
    html! {
        <div class="mbc-notice no-print">
            <p>{ pack.ui("keep_copy_offer") }</p>
            <div class="mbc-actions">
                <button type="button" class="mbc-button mbc-button--small" onclick={choose(Some(TakeAwayRequest::Print))}>
                    { pack.ui("print_button") }
                </button>
                <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" onclick={choose(Some(TakeAwayRequest::DownloadText))}>
                    { pack.ui("download_txt") }
                </button>
                <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" onclick={choose(Some(TakeAwayRequest::Share))}>
                    { pack.ui("share_button") }
                </button>
                <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" onclick={choose(None)}>
                    { pack.ui("not_now") }
                </button>
            </div>
        </div>
    }
}
