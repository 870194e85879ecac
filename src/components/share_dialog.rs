use yew::prelude::*;

use super::qr_figure;

use crate::content::Pack;
use crate::qr::Qr;

/// What `share_dialog` shows and where it reports.
pub struct ShareDialogArgs<'a> {
    pub pack: &'a Pack,
    /// The `use_modal` ref that opens it (a hook of `App`'s).
    pub dialog: &'a NodeRef,
    pub open: bool,
    /// The link that carries the whole list in its fragment; empty while
    /// the browser is still compressing it.
    pub link: &'a str,
    pub qr: Option<&'a Qr>,
    /// This browser cannot make links (no `CompressionStream`): the dialog
    /// says so and offers the list's text to copy or save instead.
    pub unsupported: bool,
    pub on_copy: &'a Callback<()>,
    /// Copy the list as text, or save it as a text file (when unsupported).
    pub on_copy_text: &'a Callback<()>,
    pub on_download_text: &'a Callback<()>,
    pub on_close: &'a Callback<()>,
    pub prefix: &'a str,
}

/// "Move my list to another device": the link and its QR code. The list
/// travels inside the link (after the #), so it is never sent to a server.
/// A plain view function (see `expander_cue`).
pub fn share_dialog(args: ShareDialogArgs<'_>) -> Html {
    let pack = args.pack;
    let heading = format!("{}-share-title", args.prefix);
    let text_id = format!("{}-share-text", args.prefix);
    let link_id = format!("{}-share-link", args.prefix);
    let close = {
        let cb = args.on_close.clone();
        move |_: MouseEvent| cb.emit(())
    };
    let on_cancel = {
        let cb = args.on_close.clone();
        move |_: Event| cb.emit(())
    };
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        move |_: MouseEvent| cb.emit(())
    };
    html! {
        <dialog ref={args.dialog.clone()} class="mbc-dialog" aria-labelledby={heading.clone()}
            aria-describedby={text_id.clone()} oncancel={on_cancel}>
            <h2 id={heading}>{ pack.ui("share_button") }</h2>
            if args.unsupported {
                <p id={text_id}>{ pack.ui("share_unsupported") }</p>
                <div class="mbc-actions">
                    <button type="button" class="mbc-button" onclick={emit(args.on_copy_text)}>{ pack.ui("copy_text") }</button>
                    <button type="button" class="mbc-button" onclick={emit(args.on_download_text)}>{ pack.ui("download_txt") }</button>
                    <button type="button" class="mbc-button mbc-button--quiet" onclick={close}>{ pack.ui("close") }</button>
                </div>
            } else {
            <p id={text_id}>{ pack.ui("share_text") }</p>
            if args.open {
                <div class="mbc-field">
                    <label for={link_id.clone()}>{ pack.ui("share_link_label") }</label>
                    <textarea id={link_id} class="mbc-textarea mbc-share__link" rows="3" readonly=true
                        value={args.link.to_owned()} />
                </div>
                if let Some(qr) = args.qr {
                    { qr_figure(qr, pack.ui("share_qr_label"), "mbc-share__qr", None) }
                } else if !args.link.is_empty() {
                    <p>{ pack.ui("share_too_long") }</p>
                }
            }
            <div class="mbc-actions">
                <button type="button" class="mbc-button" onclick={emit(args.on_copy)}>{ pack.ui("share_copy") }</button>
                <button type="button" class="mbc-button mbc-button--quiet" onclick={close}>{ pack.ui("close") }</button>
            </div>
            }
        </dialog>
    }
}
