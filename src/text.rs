//! The person's words as the widget keeps and writes them out: line ends are
//! `\n`, and there are no control characters (but `\n` and `\t`) and no
//! characters that reorder or hide text.
//!
//! Packs refuse these characters when they are checked; the person's words
//! come from typing, pasting, links and files, so they are cleaned on the
//! way in (`State::apply`, `State::normalise`, reading a save) and again on
//! the way out (`export`). U+202E, for one, shows a phone number or a
//! question backwards on screen and on paper; an escape sequence in a `.txt`
//! file is run by a terminal that shows it; a lone `\r` is a line end to
//! Markdown and to a terminal, but not to `str::lines`.

use std::borrow::Cow;

/// `true` for a character the person's words never keep: C0 and C1
/// controls (but `\n` and `\t`), DEL, the bidi embeddings, overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069), the direction marks (U+200E,
/// U+200F, U+061C), the zero-width space, the word joiner and a byte-order
/// mark (U+200B, U+2060, U+FEFF), and the line and paragraph separators
/// (U+2028, U+2029, read as line ends by some programs and not by others).
/// The zero-width joiner and non-joiner stay: emoji and some scripts need
/// them.
pub fn is_hidden(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        '\u{200e}' | '\u{200f}' | '\u{061c}' => true,
        '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

/// `text` with `\r\n` and a lone `\r` as `\n`, and every `is_hidden`
/// character taken out. Borrows when there is nothing to change (the usual
/// case), so cleaning on every keystroke costs one scan.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\r' || is_hidden(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.replace("\r\n", "\n")
            .chars()
            .map(|c| if c == '\r' { '\n' } else { c })
            .filter(|&c| !is_hidden(c))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_characters_go_and_line_ends_become_newlines() {
        assert_eq!(clean("plain words"), Cow::Borrowed("plain words"));
        assert_eq!(clean("call \u{202e}1-800\u{202c} now"), "call 1-800 now");
        assert_eq!(clean("\u{1b}[31mred\u{1b}[0m"), "[31mred[0m");
        assert_eq!(clean("a\r- b\r\nc\u{85}d"), "a\n- b\ncd");
        assert_eq!(clean("\u{2067}x\u{2069}\u{200f}\u{200b}\u{feff}"), "x");
        assert_eq!(clean("tab\tand\nline"), "tab\tand\nline");
        // Joiners in emoji stay: 👩‍⚕️.
        assert_eq!(clean("👩\u{200d}⚕\u{fe0f}"), "👩\u{200d}⚕\u{fe0f}");
    }
}
