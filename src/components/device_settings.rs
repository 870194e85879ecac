use yew::prelude::*;

use crate::content::{fill, Pack};
use crate::session::Saving;

/// What `device_settings` shows.
pub struct DeviceSettingsArgs<'a> {
    pub pack: &'a Pack,
    pub saving: Saving,
    /// When the list was last saved here (an ISO date), if ever.
    pub saved_on: Option<&'a str>,
    /// "Don't save on this device" turned on (true) or off.
    pub on_dont_save: &'a Callback<bool>,
    /// "Remove everything from this device" (it asks first).
    pub on_clear: &'a Callback<()>,
    pub prefix: &'a str,
}

/// "This device": whether answers are kept here, when they were last saved
/// and that the browser may delete them, and removing them. A plain view
/// function (see `expander_cue`).
pub fn device_settings(args: DeviceSettingsArgs<'_>) -> Html {
    let pack = args.pack;
    let heading = format!("{}-device", args.prefix);
    let on_dont_save = args.on_dont_save.clone();
    let on_clear = args.on_clear.clone();
    html! {
        <section class="mbc-device no-print" aria-labelledby={heading.clone()}>
            <h2 id={heading.clone()}>{ pack.ui("device_heading") }</h2>
            if args.saving == Saving::On {
                <p class="mbc-hint">
                    if let Some(date) = args.saved_on {
                        { fill(pack.ui("saved_when"), &[("date", &crate::dates::long(pack.language(), date))]) }{ " " }
                    }
                    { pack.ui("saved_may_clear") }
                </p>
            }
            <p>
                <label class="mbc-check">
                    // An id, so a tick on the prerendered page is kept (`web::reveal`).
                    <input type="checkbox" id={format!("{heading}-dont-save")} checked={args.saving == Saving::Off}
                        disabled={matches!(args.saving, Saving::Blocked)}
                        onchange={move |e: Event| {
                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                            on_dont_save.emit(input.checked());
                        }} />
                    { pack.ui("dont_save") }
                </label>
            </p>
            <button type="button" class="mbc-button mbc-button--quiet" onclick={move |_| on_clear.emit(())}>
                { pack.ui("clear_button") }
            </button>
        </section>
    }
}
