use std::rc::Rc;

use yew::prelude::*;

use super::{use_share_link, AppProps, EdgeHandle, ShareLink, TakeAwayRequest};
use crate::content::Pack;
use crate::state::State;
use crate::{export, sheet};

/// The ways to take the list away, and the share dialog.
pub struct Taking {
    /// "Print", "Copy", "Download", "Move to another device".
    pub on_take: Callback<TakeAwayRequest>,
    /// The share dialog is open.
    pub sharing: bool,
    /// The share link and its QR code, only while the dialog is open (and
    /// once the browser has compressed it).
    pub link: Option<Rc<ShareLink>>,
    /// This browser cannot make links: the dialog offers the text instead.
    pub unsupported: bool,
    pub on_share_copy: Callback<()>,
    pub on_share_close: Callback<()>,
}

/// Copies, downloads and share links of `current` (dated `app.today`,
/// leading to `app.page_url`), each made when asked; `print` prints. The
/// live region (`say`) says whether a copy worked.
#[hook]
pub fn use_take_away(
    edge: &EdgeHandle,
    pack: &Rc<Pack>,
    current: &Rc<State>,
    app: &AppProps,
    print: &Callback<()>,
    say: UseStateSetter<String>,
) -> Taking {
    let edge = edge.clone();
    let unsupported = !edge.can_share();
    let sharing = use_state_eq(bool::default);
    // The link and its QR code cost a compression and an encoding: only
    // while the share dialog is open.
    let link = use_share_link(&edge, (*sharing).then(|| current.clone()), &app.page_url);
    let on_take = {
        let (edge, print, sharing, say) =
            (edge.clone(), print.clone(), sharing.setter(), say.clone());
        let (today, page_url) = (app.today.clone(), app.page_url.clone());
        // The same callback until the list or the language changes: a new one
        // on every render of the app (a dialog opening, an announcement) would
        // render the steps again (issue 17 item 4).
        use_callback(
            (pack.clone(), current.clone()),
            move |request: TakeAwayRequest, (pack, current)| match request {
                TakeAwayRequest::Print => print.emit(()),
                TakeAwayRequest::Share => sharing.set(true),
                TakeAwayRequest::CopyText => {
                    let text = export::plain_text(&sheet::build(pack, current, &today));
                    copy_and_say(&edge, pack, text, &say);
                }
                TakeAwayRequest::DownloadText => {
                    let (edge2, pack, current, today) =
                        (edge.clone(), pack.clone(), current.clone(), today.clone());
                    edge.share_link(
                        &page_url,
                        &current.clone(),
                        Callback::from(move |link: Option<String>| {
                            let file =
                                export::text_download(&pack, &current, &today, link.as_deref());
                            edge2.download(file);
                        }),
                    );
                }
            },
        )
    };
    let on_share_copy = {
        let (link, pack) = (link.clone(), pack.clone());
        Callback::from(move |()| {
            if let Some(text) = link.as_ref().and_then(|l| l.link.clone()) {
                copy_and_say(&edge, &pack, text, &say);
            }
        })
    };
    let on_share_close = {
        let sharing = sharing.setter();
        Callback::from(move |()| sharing.set(false))
    };
    Taking {
        on_take,
        sharing: *sharing,
        link,
        unsupported,
        on_share_copy,
        on_share_close,
    }
}

/// Copies `text`, then says whether it worked.
fn copy_and_say(edge: &EdgeHandle, pack: &Pack, text: String, say: &UseStateSetter<String>) {
    let say = say.clone();
    let (copied, failed) = (
        pack.ui("copied").to_owned(),
        pack.ui("copy_failed").to_owned(),
    );
    edge.copy(
        text,
        Callback::from(move |ok: bool| say.set(if ok { copied.clone() } else { failed.clone() })),
    );
}
