use std::rc::Rc;

use yew::prelude::*;

use super::EdgeHandle;
use crate::content::{Lang, Library, Pack};
use crate::session::LangFetch;

/// The language the widget is in, and how to change it.
pub struct Language {
    /// The pack of the language shown.
    pub pack: Rc<Pack>,
    /// A language shows only once its pack is at hand.
    pub shown: Lang,
    /// A language's pack on its way, or one that could not be fetched.
    pub fetch: Option<LangFetch>,
    /// The person picked a language.
    pub on_change: Callback<Lang>,
}

/// The language shown, starting in `lang`. A language the wasm does not
/// hold is fetched first (through the edge); the switch happens when it
/// arrives, and a failure is said, in the language shown. The edge hears of
/// the language and page title on start and on every switch.
#[hook]
pub fn use_language(
    edge: &EdgeHandle,
    library: Rc<Library>,
    lang: Lang,
    fetch: Option<LangFetch>,
) -> Language {
    let edge = edge.clone();
    let library = use_state_eq(|| library);
    let lang = use_state_eq(|| lang);
    let lang_fetch = use_state_eq(|| fetch);
    let shown = if library.pack(*lang).is_some() {
        *lang
    } else {
        Lang::En
    };
    let pack = library.pack_or_english(shown);
    {
        let edge = edge.clone();
        let title = AttrValue::from(pack.ui("page_title").to_owned());
        use_effect_with((shown, title), move |(lang, title)| {
            edge.lang_shown(*lang, title)
        });
    }
    let on_change = {
        let lang_fetch = lang_fetch.clone();
        Callback::from(move |l: Lang| {
            if library.pack(l).is_some() {
                lang_fetch.set(None);
                lang.set(l);
                return;
            }
            if *lang_fetch == Some(LangFetch::Loading(l)) {
                return;
            }
            lang_fetch.set(Some(LangFetch::Loading(l)));
            let (lang, library, lang_fetch) = (lang.clone(), library.clone(), lang_fetch.clone());
            edge.fetch_pack(
                l,
                Callback::from(move |got: Result<Pack, String>| match got {
                    Ok(pack) => {
                        library.set(Rc::new(library.with_pack(pack)));
                        lang_fetch.set(None);
                        lang.set(l);
                    }
                    Err(_) => lang_fetch.set(Some(LangFetch::Failed(l))),
                }),
            );
        })
    };
    Language {
        pack,
        shown,
        fetch: *lang_fetch,
        on_change,
    }
}
