//! Plural forms: which form of a counted phrase a language uses for a
//! number ("1 question", "3 questions"; "1 pregunta", "3 preguntas").
//!
//! A counted phrase is a pair of interface keys in the pack: `key` holds the
//! form for [`Plural::Other`] and `key_one` the form for [`Plural::One`],
//! each with the number as a placeholder (`{count}`, `{top}`…). The rule
//! that picks the form is code, per language, below.
//!
//! Adding a language: add its arm to [`category`], with the rule from the
//! CLDR plural rules for cardinal numbers
//! (<https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html>),
//! counting whole numbers only (the widget counts questions and steps). A
//! language that needs more forms than `One` and `Other` (Polish "few" and
//! "many", Arabic "two"…) adds the variant here, a key suffix in
//! [`Plural::suffix`], and those keys to `content::ui_keys::COUNTED`'s
//! check.

use crate::content::{fill, Lang, Pack};

/// The plural form a number takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// The singular: "1 question".
    One,
    /// Every other number, zero included: "0 questions", "3 questions".
    Other,
}

impl Plural {
    /// The suffix of the interface key holding this form's text.
    pub fn suffix(self) -> &'static str {
        match self {
            Plural::One => "_one",
            Plural::Other => "",
        }
    }
}

/// The plural form `n` takes in `lang`.
///
/// - English (CLDR `one`: i = 1 and v = 0): one for 1, other for everything
///   else, 0 included ("0 questions").
/// - Spanish (CLDR `one`: n = 1): one for 1, other for 0 and every other
///   number ("0 preguntas"). CLDR's Spanish `many` ("1 millón de
///   preguntas") only concerns millions written in words, which the widget
///   never writes.
pub fn category(lang: Lang, n: usize) -> Plural {
    match lang {
        Lang::En | Lang::Es => {
            if n == 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
    }
}

impl Pack {
    /// The language this pack is in (English for a code we do not know,
    /// which `read_pack_file` and the validator refuse anyway).
    pub fn language(&self) -> Lang {
        Lang::from_code(&self.lang).unwrap_or(Lang::En)
    }

    /// The template of the counted phrase `key` for the number `n`: the
    /// `key_one` text when `n` takes the singular and the pack has it, else
    /// `key`.
    pub fn ui_counted<'a>(&'a self, key: &'a str, n: usize) -> &'a str {
        let suffix = category(self.language(), n).suffix();
        if suffix.is_empty() {
            return self.ui(key);
        }
        self.ui
            .get(&format!("{key}{suffix}"))
            .map(String::as_str)
            .unwrap_or_else(|| self.ui(key))
    }
}

/// "3 questions, 1 marked most important.": the list's size, as the list
/// shows it and the live region says it.
pub fn list_count(pack: &Pack, questions: usize, top: usize) -> String {
    fill(
        pack.ui_counted("count_announce", top),
        &[
            ("questions", &questions_phrase(pack, questions)),
            ("top", &top.to_string()),
        ],
    )
}

/// "This list has 3 questions. 1 is marked most important.": a shared list,
/// before the person takes it in.
pub fn incoming_count(pack: &Pack, questions: usize, top: usize) -> String {
    fill(
        pack.ui_counted("incoming_text", top),
        &[
            ("questions", &questions_phrase(pack, questions)),
            ("top", &top.to_string()),
        ],
    )
}

/// "1 question", "3 preguntas".
pub fn questions_phrase(pack: &Pack, n: usize) -> String {
    fill(
        pack.ui_counted("questions_count", n),
        &[("count", &n.to_string())],
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::content::builtin;

    #[test]
    fn one_is_singular_and_zero_is_plural_in_both_languages() {
        for lang in Lang::ALL {
            assert_eq!(category(lang, 1), Plural::One);
            for n in [0, 2, 3, 11, 21, 101] {
                assert_eq!(category(lang, n), Plural::Other, "{lang:?} {n}");
            }
        }
    }

    /// Goldens: what a person reads for 0, 1 and 3, in both languages.
    #[test]
    fn counted_phrases_agree_with_their_number() {
        let en = builtin(Lang::En).unwrap();
        let es = builtin(Lang::Es).unwrap();
        assert_eq!(questions_phrase(&en, 1), "1 question");
        assert_eq!(questions_phrase(&en, 0), "0 questions");
        assert_eq!(questions_phrase(&en, 3), "3 questions");
        assert_eq!(questions_phrase(&es, 1), "1 pregunta");
        assert_eq!(questions_phrase(&es, 0), "0 preguntas");
        assert_eq!(questions_phrase(&es, 3), "3 preguntas");

        assert_eq!(
            list_count(&en, 1, 1),
            "1 question, 1 marked most important."
        );
        assert_eq!(
            list_count(&en, 3, 0),
            "3 questions, 0 marked most important."
        );
        assert_eq!(
            list_count(&es, 1, 1),
            "1 pregunta, 1 entre las más importantes."
        );
        assert_eq!(
            list_count(&es, 3, 2),
            "3 preguntas, 2 entre las más importantes."
        );

        assert_eq!(
            incoming_count(&en, 1, 1),
            "This list has 1 question. 1 is marked most important. Nothing changes until you choose."
        );
        assert_eq!(
            incoming_count(&en, 4, 3),
            "This list has 4 questions. 3 are marked most important. Nothing changes until you choose."
        );
        assert_eq!(
            incoming_count(&es, 1, 1),
            "Esta lista tiene 1 pregunta. 1 está entre las más importantes. Nada cambia hasta que usted elija."
        );
        assert_eq!(
            incoming_count(&es, 5, 0),
            "Esta lista tiene 5 preguntas. 0 están entre las más importantes. Nada cambia hasta que usted elija."
        );
    }

    #[test]
    fn a_pack_without_the_singular_uses_its_plural() {
        let mut en = builtin(Lang::En).unwrap();
        en.ui.remove("questions_count_one");
        assert_eq!(questions_phrase(&en, 1), "1 questions");
    }
}
