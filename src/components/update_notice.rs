use yew::prelude::*;

use crate::content::Pack;

/// "A new version is ready": shown when a new build has been fetched in the
/// background. Nothing reloads until the person chooses (`on_apply`), so an
/// update is never forced in the middle of an edit. A plain view function
/// (see `expander_cue`).
pub fn update_notice(pack: &Pack, on_apply: &Callback<()>) -> Html {
    let on_apply = on_apply.clone();
    html! {
        <div class="mbc-notice no-print" role="status">
            <p>{ pack.ui("update_ready") }</p>
            <button type="button" class="mbc-button mbc-button--small" onclick={move |_| on_apply.emit(())}>
                { pack.ui("update_reload") }
            </button>
        </div>
    }
}
