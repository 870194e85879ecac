use yew::prelude::*;

use crate::content::Lang;

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    pub current: Lang,
    /// "Language", in the current language.
    pub label: AttrValue,
    pub on_change: Callback<Lang>,
}

/// A visible switch between the languages we have packs for. Each button
/// names its language in that language, and says so with `lang`.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    html! {
        <div class="mbc-lang" role="group" aria-label={props.label.clone()}>
            { for Lang::ALL.iter().map(|&lang| {
                let on_change = props.on_change.clone();
                let pressed = lang == props.current;
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
