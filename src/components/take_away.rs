use yew::prelude::*;

use super::expander_cue;
use crate::content::Pack;

/// What the person asked the edge to do with their list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TakeAwayRequest {
    Print,
    CopyText,
    DownloadText,
    Share,
}

/// What `take_away` shows and where it reports.
pub struct TakeAwayArgs<'a> {
    pub pack: &'a Pack,
    pub on_request: &'a Callback<TakeAwayRequest>,
    /// A file the person picked to open (an export or a saved list).
    pub on_import: &'a Callback<web_sys::File>,
    pub prefix: &'a str,
}

/// The other ways to keep the list, after "Print my questions": copy it,
/// download it as text, move it to another device, or open one from a file.
/// Folded, so printing stays the one main action. A plain view function
/// (see `expander_cue`).
pub fn take_away(args: TakeAwayArgs<'_>) -> Html {
    let pack = args.pack;
    let heading = format!("{}-take", args.prefix);
    let import_id = format!("{}-import", args.prefix);
    let ask = |request: TakeAwayRequest| {
        let cb = args.on_request.clone();
        move |_| cb.emit(request)
    };
    let on_file = {
        let on_import = args.on_import.clone();
        move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_import.emit(file);
            }
            input.set_value("");
        }
    };
    html! {
        <details class="mbc-more mbc-take no-print">
            <summary><h3 id={heading}>{ pack.ui("other_ways") }</h3>{ expander_cue(pack) }</summary>
            <div class="mbc-actions">
                <button type="button" class="mbc-button mbc-button--quiet" onclick={ask(TakeAwayRequest::CopyText)}>
                    { pack.ui("copy_text") }
                </button>
                <button type="button" class="mbc-button mbc-button--quiet" onclick={ask(TakeAwayRequest::DownloadText)}>
                    { pack.ui("download_txt") }
                </button>
                <button type="button" class="mbc-button mbc-button--quiet" onclick={ask(TakeAwayRequest::Share)}>
                    { pack.ui("share_button") }
                </button>
            </div>
            // The browser's own file button speaks the browser's language:
            // the input is hidden and its label, in the page's language, is
            // the button.
            <div class="mbc-file">
                <input type="file" id={import_id.clone()} class="mbc-file__input"
                    accept=".txt,.md,.json,text/plain,application/json" onchange={on_file} />
                <label for={import_id} class="mbc-button mbc-button--quiet">{ pack.ui("import_label") }</label>
            </div>
        </details>
    }
}
