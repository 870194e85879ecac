use yew::prelude::*;

use crate::content::Lang;

/// A visible switch between the languages we have packs for, labelled
/// `label` ("Language", in the current language). Each button names its
/// language in that language, and says so with `lang`. A plain view
/// function (see `expander_cue`).
pub fn language_switch(current: Lang, label: &str, on_change: &Callback<Lang>) -> Html {
    html! {
        <div class="mbc-lang" role="group" aria-label={label.to_owned()}>
            { for Lang::ALL.iter().map(|&lang| {
                let on_change = on_change.clone();
                let pressed = lang == current;
                html! {
                    <button type="button" class="mbc-button mbc-button--quiet" lang={lang.code()}
                        aria-pressed={pressed.to_string()}
                        onclick={move |_| on_change.emit(lang)}>
                        { lang.name() }
                    </button>
                }
            }) }
        </div>
    }
}
