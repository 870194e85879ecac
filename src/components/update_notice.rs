use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;

#[derive(Properties, PartialEq)]
pub struct UpdateNoticeProps {
    pub pack: Rc<Pack>,
    /// The person chose to update now.
    pub on_apply: Callback<()>,
}

/// "A new version is ready": shown when a new build has been fetched in the
/// background. Nothing reloads until the person chooses, so an update is
/// never forced in the middle of an edit.
#[component]
pub fn UpdateNotice(props: &UpdateNoticeProps) -> Html {
    let on_apply = props.on_apply.clone();
    html! {
        <div class="mbc-notice no-print" role="status">
            <p>{ props.pack.ui("update_ready") }</p>
            <button type="button" class="mbc-button mbc-button--small" onclick={move |_| on_apply.emit(())}>
                { props.pack.ui("update_reload") }
            </button>
        </div>
    }
}
