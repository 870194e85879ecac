use std::rc::Rc;

use yew::prelude::*;

use super::{AppProps, EdgeHandle, TakeAwayRequest};
use crate::content::Pack;
use crate::qr::Qr;
use crate::state::State;
use crate::{export, qr, share, sheet};

/// The ways to take the list away, and the share dialog.
pub struct Taking {
    /// "Print", "Copy", "Download", "Move to another device".
    pub on_take: Callback<TakeAwayRequest>,
    /// The share dialog is open.
    pub sharing: bool,
    /// The share link and its QR code, only while the dialog is open.
    pub link: Rc<Option<(String, Option<Qr>)>>,
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
    let sharing = use_state_eq(|| false);
    // The link and its QR code cost a compression and an encoding: only
    // when the share dialog is open.
    let link = use_memo(
        ((*sharing).then(|| current.clone()), app.page_url.clone()),
        |(state, base)| {
            state.as_ref().map(|s| {
                let link = share::link(base, s);
                let code = qr::qr(&link);
                (link, code)
            })
        },
    );
    let on_take = {
        let (edge, print, sharing, say) =
            (edge.clone(), print.clone(), sharing.setter(), say.clone());
        let (pack, current) = (pack.clone(), current.clone());
        let (today, page_url) = (app.today.clone(), app.page_url.clone());
        Callback::from(move |request: TakeAwayRequest| match request {
            TakeAwayRequest::Print => print.emit(()),
            TakeAwayRequest::Share => sharing.set(true),
            TakeAwayRequest::CopyText => {
                let text = export::plain_text(&sheet::build(&pack, &current, &today));
                copy_and_say(&edge, &pack, text, &say);
            }
            TakeAwayRequest::DownloadText => {
                edge.download(export::text_download(&pack, &current, &today, &page_url))
            }
        })
    };
    let on_share_copy = {
        let (link, pack) = (link.clone(), pack.clone());
        Callback::from(move |()| {
            if let Some((text, _)) = link.as_ref() {
                copy_and_say(&edge, &pack, text.clone(), &say);
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
