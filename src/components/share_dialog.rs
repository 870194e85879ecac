use std::rc::Rc;

use yew::prelude::*;

use super::{qr_figure, use_modal};

use crate::content::Pack;
use crate::qr::Qr;

#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    pub pack: Rc<Pack>,
    pub open: bool,
    /// The link that carries the whole list in its fragment.
    pub link: AttrValue,
    pub qr: Option<Qr>,
    pub on_copy: Callback<()>,
    pub on_close: Callback<()>,
    pub prefix: AttrValue,
}

/// "Move my list to another device": the link and its QR code. The list
/// travels inside the link (after the #), so it is never sent to a server.
#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let dialog = use_modal(props.open);
    let pack = &props.pack;
    let heading = format!("{}-share-title", props.prefix);
    let text_id = format!("{}-share-text", props.prefix);
    let link_id = format!("{}-share-link", props.prefix);
    let close = {
        let cb = props.on_close.clone();
        move |_: MouseEvent| cb.emit(())
    };
    let on_cancel = {
        let cb = props.on_close.clone();
        move |_: Event| cb.emit(())
    };
    let copy = {
        let cb = props.on_copy.clone();
        move |_: MouseEvent| cb.emit(())
    };
    html! {
        <dialog ref={dialog} class="mbc-dialog" aria-labelledby={heading.clone()}
            aria-describedby={text_id.clone()} oncancel={on_cancel}>
            <h2 id={heading}>{ pack.ui("share_button") }</h2>
            <p id={text_id}>{ pack.ui("share_text") }</p>
            if props.open {
                <div class="mbc-field">
                    <label for={link_id.clone()}>{ pack.ui("share_link_label") }</label>
                    <textarea id={link_id} class="mbc-textarea mbc-share__link" rows="3" readonly=true
                        value={props.link.clone()} />
                </div>
                if let Some(qr) = &props.qr {
                    { qr_figure(qr, pack.ui("share_qr_label"), "mbc-share__qr", None) }
                } else {
                    <p>{ pack.ui("share_too_long") }</p>
                }
            }
            <div class="mbc-actions">
                <button type="button" class="mbc-button" onclick={copy}>{ pack.ui("share_copy") }</button>
                <button type="button" class="mbc-button mbc-button--quiet" onclick={close}>{ pack.ui("close") }</button>
            </div>
        </dialog>
    }
}
