//! Finding glossary terms in text, so the interface can explain each medical
//! word where it appears. Pure: components render the segments.

use super::Term;

/// A piece of text: plain, or a glossary term (by index into the pack's
/// glossary).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Term { text: &'a str, term: usize },
}

/// Folds a character for matching: ASCII and the accented letters of
/// Spanish and other Western European languages, without the full Unicode
/// tables (which would cost kilobytes in the wasm).
pub fn fold(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        _ => c,
    }
}

/// Lower-cases text with `fold`, for search.
pub fn folded(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// A letter of English, Spanish or another Western European language:
/// ASCII, Latin-1 and Latin Extended-A, without the full Unicode tables
/// (the packs are English and Spanish).
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'À'..='ž' if c != '×' && c != '÷')
}

fn is_word(c: char) -> bool {
    is_letter(c) || c.is_ascii_digit()
}

/// Text as search compares it: folded, and with the accents of Latin-1
/// letters taken off, so "medico" finds "médico" and "CANCER" finds
/// "cáncer".
pub fn search_key(text: &str) -> String {
    text.chars()
        .map(|c| match fold(c) {
            'à'..='å' => 'a',
            'ç' => 'c',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ñ' => 'n',
            'ò'..='ö' => 'o',
            'ù'..='ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c => c,
        })
        .collect()
}

/// If `text` starts with `form` (folded, whole word), the byte length it
/// covers in `text`.
fn match_at(text: &str, form: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    let mut end = 0;
    for want in form.chars() {
        let (i, got) = chars.next()?;
        if fold(got) != fold(want) {
            return None;
        }
        end = i + got.len_utf8();
    }
    match text.get(end..).and_then(|rest| rest.chars().next()) {
        Some(next) if is_word(next) => None,
        _ => Some(end),
    }
}

/// Splits `text` into plain text and glossary terms. Each term is marked
/// only at its first appearance in the text, and the longest form wins
/// ("HER2-low" over "HER2"), so a paragraph is not a wall of links.
pub fn segments<'a>(text: &'a str, glossary: &[Term]) -> Vec<Segment<'a>> {
    segments_with(text, &forms(glossary), glossary.len())
}

/// Every form of every term (the term itself and its other forms) with the
/// term's index, longest first, so the longest form wins.
pub fn forms(glossary: &[Term]) -> Vec<(String, usize)> {
    let forms: Vec<(String, usize)> = glossary
        .iter()
        .enumerate()
        .flat_map(|(i, t)| {
            std::iter::once(&t.term)
                .chain(&t.forms)
                .map(move |f| (f.clone(), i))
        })
        .filter(|(f, _)| !f.trim().is_empty())
        .collect();
    // Stable (ties keep the pack's order) without the standard library's
    // stable sort, whose every use costs the wasm about 4 kB (`by_id`).
    let length: Vec<usize> = forms.iter().map(|(f, _)| f.chars().count()).collect();
    crate::by_id::stable_order(forms.len(), &|a, b| length[a] > length[b])
        .into_iter()
        .map(|i| forms[i].clone())
        .collect()
}

/// `segments`, with the forms worked out already (`forms`, or
/// `Pack::glossary_forms`) for a glossary of `terms` terms.
pub fn segments_with<'a>(
    text: &'a str,
    forms: &[(String, usize)],
    terms: usize,
) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut used = vec![false; terms];
    let mut plain_from = 0;
    let mut at = 0;
    let mut previous: Option<char> = None;
    while at < text.len() {
        let rest = &text[at..];
        let starts_word = previous.is_none_or(|p| !is_word(p));
        let found = if starts_word {
            forms
                .iter()
                .filter(|(_, i)| !used.get(*i).copied().unwrap_or(true))
                .find_map(|(form, i)| match_at(rest, form).map(|len| (len, *i)))
        } else {
            None
        };
        if let Some((len, term)) = found {
            if plain_from < at {
                out.push(Segment::Text(&text[plain_from..at]));
            }
            out.push(Segment::Term {
                text: &text[at..at + len],
                term,
            });
            if let Some(u) = used.get_mut(term) {
                *u = true;
            }
            previous = text[..at + len].chars().next_back();
            at += len;
            plain_from = at;
        } else {
            let Some(c) = rest.chars().next() else { break };
            previous = Some(c);
            at += c.len_utf8();
        }
    }
    if plain_from < text.len() {
        out.push(Segment::Text(&text[plain_from..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_case_and_accents() {
        assert_eq!(
            search_key("Médico CÁNCER Niño Über"),
            "medico cancer nino uber"
        );
        assert_eq!(search_key("HER2-low?"), "her2-low?");
    }

    #[test]
    fn letters_are_those_of_english_and_spanish() {
        for c in ['a', 'Z', 'ñ', 'É', 'ü', 'ž'] {
            assert!(is_letter(c), "{c}");
        }
        for c in ['×', '÷', '1', ' ', '-', '¿', '“'] {
            assert!(!is_letter(c), "{c}");
        }
    }

    fn term(id: &str, term: &str, forms: &[&str]) -> Term {
        Term {
            id: id.into(),
            term: term.into(),
            forms: forms.iter().map(|f| (*f).into()).collect(),
            text: "x".into(),
        }
    }

    #[test]
    fn marks_whole_words_once_and_prefers_the_longest_form() {
        let glossary = [
            term("her2", "HER2", &["HER2-low"]),
            term("biopsy", "biopsy", &["biopsies"]),
        ];
        let found = segments(
            "Is it HER2-low? A her2 test and a biopsy, then biopsies.",
            &glossary,
        );
        assert_eq!(
            found,
            vec![
                Segment::Text("Is it "),
                Segment::Term {
                    text: "HER2-low",
                    term: 0
                },
                Segment::Text("? A her2 test and a "),
                Segment::Term {
                    text: "biopsy",
                    term: 1
                },
                Segment::Text(", then biopsies."),
            ]
        );
    }

    #[test]
    fn does_not_match_inside_other_words() {
        let glossary = [term("trial", "trial", &[])];
        assert_eq!(
            segments("industrial trials", &glossary),
            vec![Segment::Text("industrial trials")]
        );
    }

    #[test]
    fn matches_spanish_accents_in_any_case() {
        let glossary = [term("metastasis", "metástasis", &[])];
        let found = segments("La METÁSTASIS ósea.", &glossary);
        assert_eq!(
            found[1],
            Segment::Term {
                text: "METÁSTASIS",
                term: 0
            }
        );
        assert_eq!(folded("ÁÉÍÓÚÑÜ"), "áéíóúñü");
    }

    #[test]
    fn text_with_no_terms_is_one_segment_and_empty_text_none() {
        assert_eq!(
            segments("plain words", &[]),
            vec![Segment::Text("plain words")]
        );
        assert!(segments("", &[]).is_empty());
    }
}
