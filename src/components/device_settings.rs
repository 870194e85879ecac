use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;
use crate::session::Saving;

#[derive(Properties, PartialEq)]
pub struct DeviceSettingsProps {
    pub pack: Rc<Pack>,
    pub saving: Saving,
    /// When the list was last saved here (an ISO date), if ever.
    #[prop_or_default]
    pub saved_on: Option<AttrValue>,
    /// "Don't save on this device" turned on (true) or off.
    pub on_dont_save: Callback<bool>,
    /// "Remove everything from this device" (it asks first).
    pub on_clear: Callback<()>,
    pub prefix: AttrValue,
}

/// "This device": whether answers are kept here, when they were last saved
/// and that the browser may delete them, and removing them.
#[component]
pub fn DeviceSettings(props: &DeviceSettingsProps) -> Html {
    let pack = &props.pack;
    let heading = format!("{}-device", props.prefix);
    let on_dont_save = props.on_dont_save.clone();
    let on_clear = props.on_clear.clone();
    html! {
        <section class="mbc-device no-print" aria-labelledby={heading.clone()}>
            <h2 id={heading.clone()}>{ pack.ui("device_heading") }</h2>
            <super::SavedStatus pack={pack.clone()} saving={props.saving} saved_on={props.saved_on.clone()} />
            <p>
                <label class="mbc-check">
                    // An id, so a tick on the prerendered page is kept (`web::reveal`).
                    <input type="checkbox" id={format!("{heading}-dont-save")} checked={props.saving == Saving::Off}
                        disabled={matches!(props.saving, Saving::Blocked)}
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
