use std::rc::Rc;

use yew::prelude::*;

use crate::content::Pack;
use crate::session::Saving;

#[derive(Properties, PartialEq)]
pub struct DeviceSettingsProps {
    pub pack: Rc<Pack>,
    pub saving: Saving,
    /// "Don't save on this device" turned on (true) or off.
    pub on_dont_save: Callback<bool>,
    /// "Remove everything from this device" (it asks first).
    pub on_clear: Callback<()>,
    pub prefix: AttrValue,
}

/// "This device": whether answers are kept here, and removing them.
#[component]
pub fn DeviceSettings(props: &DeviceSettingsProps) -> Html {
    let pack = &props.pack;
    let heading = format!("{}-device", props.prefix);
    let on_dont_save = props.on_dont_save.clone();
    let on_clear = props.on_clear.clone();
    html! {
        <section class="mbc-device no-print" aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ pack.ui("device_heading") }</h2>
            <p>
                <label class="mbc-check">
                    <input type="checkbox" checked={props.saving == Saving::Off}
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
