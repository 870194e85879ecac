use yew::prelude::*;

use super::use_effect_on;

/// Opens and closes a native `<dialog>` as a modal when `open` changes: the
/// browser then keeps focus inside, closes it on Escape (the `cancel`
/// event) and returns focus to what opened it. Returns the ref to put on
/// the `<dialog>`. Effects never run while prerendering.
#[hook]
pub fn use_modal(open: bool) -> NodeRef {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_on(open, move |&open| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                if open && !d.open() {
                    let _ = d.show_modal();
                } else if !open && d.open() {
                    d.close();
                }
            }
        });
    }
    dialog
}
