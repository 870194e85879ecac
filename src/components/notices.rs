use yew::prelude::*;

use super::TakeAwayRequest;
use crate::content::Pack;
use crate::session::{LangFetch, RestoreNotice, Saving};

/// What `notices` shows.
pub struct NoticesArgs<'a> {
    pub pack: &'a Pack,
    pub saving: Saving,
    pub restore: Option<&'a RestoreNotice>,
    /// The host's own content pack could not be used.
    pub pack_error: bool,
    /// Another language's pack on its way, or not to be had.
    pub lang_fetch: Option<LangFetch>,
    /// Keep the damaged copy (true) or delete it (false).
    pub on_restore_choice: &'a Callback<bool>,
    /// A returning person's list was last saved a while ago
    /// (`dates::stale`): offer, once, to keep a copy.
    pub offer_copy: bool,
    /// The way to keep a copy the person chose, or `None` for "Not now".
    pub on_keep_copy: &'a Callback<Option<TakeAwayRequest>>,
}

/// Calm, plain messages about saving (storage blocked or full, or a saved
/// list that could be read only in part) and about content (the host's pack
/// not used, another language loading or not to be had), and the offer to
/// keep a copy of a list not seen for a while (print, download, a link, or
/// "Not now"; gone after any choice). A plain view function (see
/// `expander_cue`).
pub fn notices(args: NoticesArgs<'_>) -> Html {
    let pack = args.pack;
    let storage = match args.saving {
        Saving::Blocked => Some(pack.ui("storage_blocked")),
        Saving::Full => Some(pack.ui("storage_full")),
        Saving::Held => Some(pack.ui("storage_held")),
        Saving::On | Saving::Off => None,
    };
    // In the language asked for, whose pack is not at hand: built in.
    let language = args.lang_fetch.map(|f| match f {
        LangFetch::Loading(l) => (l.code(), l.loading_notice()),
        LangFetch::Failed(l) => (l.code(), l.failed_notice()),
    });
    let choose = |keep: bool| {
        let cb = args.on_restore_choice.clone();
        move |_| cb.emit(keep)
    };
    html! {
        <div class="mbc-notices" role="status">
            if args.pack_error {
                <p class="mbc-notice">{ pack.ui("pack_error") }</p>
            }
            if let Some((lang, text)) = language {
                <p class="mbc-notice" lang={lang}>{ text }</p>
            }
            if let Some(text) = storage {
                <p class="mbc-notice">{ text }</p>
            }
            if args.offer_copy {
                <div class="mbc-notice no-print">
                    <p>{ pack.ui("keep_copy_offer") }</p>
                    <div class="mbc-actions">
                        { for [
                            ("print_button", Some(TakeAwayRequest::Print)),
                            ("download_txt", Some(TakeAwayRequest::DownloadText)),
                            ("share_button", Some(TakeAwayRequest::Share)),
                            ("not_now", None),
                        ].into_iter().map(|(key, request)| {
                            let cb = args.on_keep_copy.clone();
                            html! {
                                <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" onclick={move |_| cb.emit(request)}>
                                    { pack.ui(key) }
                                </button>
                            }
                        }) }
                    </div>
                </div>
            }
            if args.restore.is_some() {
                <div class="mbc-notice">
                    <p>{ pack.ui("restore_notice") }</p>
                    <div class="mbc-actions">
                        <button type="button" class="mbc-button mbc-button--small" onclick={choose(true)}>
                            { pack.ui("restore_keep") }
                        </button>
                        <button type="button" class="mbc-button mbc-button--quiet mbc-button--small" onclick={choose(false)}>
                            { pack.ui("restore_discard") }
                        </button>
                    </div>
                </div>
            }
        </div>
    }
}
