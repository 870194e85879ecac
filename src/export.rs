//! The list as a file: plain text (to copy or download) and Markdown, both
//! written from a `Sheet`, so they hold exactly what the printout holds.
//!
//! The person's words are kept as typed, less control and bidi characters
//! (`text::clean`, again here, whatever state the sheet came from). In
//! plain text, a line of theirs that does not follow our own marker and
//! starts like structure (`#`, `-`, `*`, `>`, `|`, `1.`, a backtick…) gets a
//! `\` before it, so it cannot pass for one of our questions or headings,
//! here or pasted where Markdown is shown. In Markdown every character that
//! could start markup (`*`, `_`, `#`, `[`, `<`, `&`, a list marker at the
//! start of a line…) is escaped, so their text can never turn into a
//! heading, a link or HTML.

use std::fmt::Write;

use crate::content::Pack;
use crate::sheet::{self, Sheet, SheetQuestion};
use crate::state::State;

/// The blank a person writes their name (or the doctor's, or the date) on.
const BLANK: &str = "______________________________";

/// The sheet as plain text, ready to copy or to save as `.txt`.
pub fn plain_text(sheet: &Sheet) -> String {
    let labels = &sheet.labels;
    let mut out = String::new();
    underlined(&mut out, &sheet.title, '=');
    line(&mut out, &sheet.date_line);
    out.push('\n');
    for label in [&labels.patient, &labels.doctor, &labels.visit] {
        out.push_str(label);
        out.push_str(": ");
        line(&mut out, BLANK);
    }
    out.push('\n');
    line(&mut out, &sheet.to_team);
    for visit in pairs(sheet.visit.as_slice()) {
        line(&mut out, &visit);
    }

    let groups = std::iter::once((&labels.top, &sheet.top))
        .chain(sheet.groups.iter().map(|g| (&g.title, &g.questions)))
        .filter(|(_, questions)| !questions.is_empty());
    for (title, questions) in groups {
        out.push('\n');
        underlined(&mut out, title, '-');
        for question in questions {
            plain_question(&mut out, question, &labels.note);
        }
    }

    let goals_other = sheet.goals_other.iter().map(|t| indented(t, "  "));
    let treatment_now = pairs(sheet.treatment_now.as_slice()).map(|t| indented(&t, "  "));
    let sections = [
        (&labels.bring, sheet.bring.clone()),
        (
            &labels.goals,
            pairs(&sheet.goals).chain(goals_other).collect(),
        ),
        (
            &labels.profile,
            pairs(&sheet.profile).chain(treatment_now).collect(),
        ),
        (&labels.treatments, pairs(&sheet.treatments).collect()),
        (&labels.sources, sheet.sources.clone()),
    ];
    for (title, items) in sections {
        let items: Vec<String> = items;
        if items.is_empty() {
            continue;
        }
        out.push('\n');
        underlined(&mut out, title, '-');
        for item in items {
            out.push_str("- ");
            line(&mut out, &item);
        }
    }
    if let Some(urgent) = &sheet.urgent {
        out.push('\n');
        underlined(&mut out, &urgent.heading, '-');
        line(&mut out, &urgent.intro);
        for sign in &urgent.signs {
            out.push_str("- ");
            line(&mut out, &indented(sign, "  "));
        }
        line(&mut out, &urgent.action);
    }
    out.push('\n');
    line(&mut out, &sheet.reviewed);
    out
}

/// The sheet as Markdown (CommonMark with GitHub's task-list boxes).
pub fn markdown(sheet: &Sheet) -> String {
    let labels = &sheet.labels;
    let mut out = String::new();
    md_heading(&mut out, 1, &sheet.title);
    md_paragraph(&mut out, &sheet.date_line);
    let blank = md_escape_line(BLANK);
    for label in [&labels.patient, &labels.doctor, &labels.visit] {
        let _ = writeln!(out, "- {}: {blank}", md_escape_line(label));
    }
    out.push('\n');
    md_paragraph(&mut out, &sheet.to_team);
    for visit in pairs(sheet.visit.as_slice()) {
        md_paragraph(&mut out, &visit);
    }

    let groups = std::iter::once((&labels.top, &sheet.top))
        .chain(sheet.groups.iter().map(|g| (&g.title, &g.questions)))
        .filter(|(_, questions)| !questions.is_empty());
    for (title, questions) in groups {
        md_heading(&mut out, 2, title);
        for question in questions {
            md_question(&mut out, question, &labels.note);
        }
        out.push('\n');
    }

    let goals_other = sheet.goals_other.iter().map(|t| md_escape(t, "  "));
    let md_pairs = |list: &[(String, String)]| -> Vec<String> {
        pairs(list).map(|p| md_escape(&p, "  ")).collect()
    };
    let mut goals = md_pairs(&sheet.goals);
    goals.extend(goals_other);
    let mut profile = md_pairs(&sheet.profile);
    profile.extend(md_pairs(sheet.treatment_now.as_slice()));
    let sections = [
        (
            &labels.bring,
            sheet.bring.iter().map(|b| md_escape(b, "  ")).collect(),
        ),
        (&labels.goals, goals),
        (&labels.profile, profile),
        (&labels.treatments, md_pairs(&sheet.treatments)),
        (
            &labels.sources,
            sheet.sources.iter().map(|s| md_escape(s, "  ")).collect(),
        ),
    ];
    for (title, items) in sections {
        if items.is_empty() {
            continue;
        }
        md_heading(&mut out, 2, title);
        for item in items {
            let _ = writeln!(out, "- {item}");
        }
        out.push('\n');
    }
    if let Some(urgent) = &sheet.urgent {
        md_heading(&mut out, 2, &urgent.heading);
        md_paragraph(&mut out, &urgent.intro);
        for sign in &urgent.signs {
            let _ = writeln!(out, "- {}", md_escape(sign, "  "));
        }
        out.push('\n');
        md_paragraph(&mut out, &urgent.action);
    }
    md_paragraph(&mut out, &sheet.reviewed);
    // One newline at the end, not a blank line.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// A file to save on the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    pub name: String,
    pub text: String,
    /// Its media type.
    pub mime: &'static str,
}

/// "Download as text": the sheet as plain text, then a sentence saying how
/// to reopen the list, then its share `link`, so "Open a list from a file"
/// can read the file back. Named `my-questions-<today>.txt`. Without a link
/// (a browser that cannot compress one), the sheet alone.
pub fn text_download(pack: &Pack, state: &State, today: &str, link: Option<&str>) -> Download {
    let sheet = plain_text(&sheet::build(pack, state, today));
    Download {
        name: file_name(pack.ui("file_stem"), today, "txt"),
        text: {
            let mut text = sheet;
            text.push('\n');
            if let Some(link) = link {
                line(&mut text, pack.ui("export_reopen"));
                line(&mut text, link);
            }
            text
        },
        mime: "text/plain;charset=utf-8",
    }
}

/// The name a downloaded file gets: `my-questions-2026-11-29.txt`, its
/// stem from the pack (`ui.file_stem`: "mis-preguntas" in Spanish) and the
/// ISO date. Only ASCII letters, digits and `-` of each part are used, so
/// the name is safe on every system; a stem with nothing left is
/// "mbc-guide".
pub fn file_name(stem: &str, date: &str, ext: &str) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect()
    };
    let (stem, date, ext) = (safe(stem), safe(date), safe(ext));
    let stem = if stem.trim_matches('-').is_empty() {
        "mbc-guide"
    } else {
        &stem
    };
    let mut name = stem.to_owned();
    for (mark, part) in [('-', date), ('.', ext)] {
        if !part.is_empty() {
            name.push(mark);
            name.push_str(&part);
        }
    }
    name
}

// Plain text

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

fn underlined(out: &mut String, text: &str, mark: char) {
    line(out, text);
    let width = text.chars().count().max(3);
    line(out, &mark.to_string().repeat(width));
}

/// "Title: value", or "Title? value" when the title is a question.
fn pairs(list: &[(String, String)]) -> impl Iterator<Item = String> + '_ {
    list.iter().map(|(title, value)| {
        let mut pair = pair_label(title);
        pair.push_str(value);
        pair
    })
}

/// What goes before a value on the sheet: "Title: ", or "Title? " when the
/// title is a question (or already ends with a colon), so a question never
/// reads "?:" in any language. The print view uses it too.
pub fn pair_label(title: &str) -> String {
    let mut label = title.to_owned();
    label.push_str(if title.ends_with(['?', ':']) {
        " "
    } else {
        ": "
    });
    label
}

/// `text`, cleaned, with every line after the first indented by `indent`,
/// so a multi-line note stays under its question, and `\` before a line
/// that starts like structure (`starts_structure`). The first line follows
/// our own marker or label, so it cannot start structure.
fn indented(text: &str, indent: &str) -> String {
    let text = crate::text::clean(text);
    let mut out = String::with_capacity(text.len());
    for (at, line) in text.lines().enumerate() {
        if at > 0 {
            out.push('\n');
            out.push_str(indent);
            if starts_structure(line) {
                out.push('\\');
                out.push_str(line.trim_start());
                continue;
            }
        }
        out.push_str(line);
    }
    out
}

/// Does this line start like structure, in our plain text or in Markdown:
/// a heading, a list item, a quote, a table, a code fence, a rule, a box?
fn starts_structure(line: &str) -> bool {
    let line = line.trim_start();
    matches!(
        line.as_bytes().first(),
        Some(b'#' | b'-' | b'*' | b'+' | b'>' | b'|' | b'`' | b'~' | b'=' | b'_' | b'[')
    ) || numbered(line)
}

/// Does the line start with a number and `.` or `)`, like a numbered item?
fn numbered(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
}

fn plain_question(out: &mut String, question: &SheetQuestion, note_label: &str) {
    let marker = format!("{}. [ ] ", question.number);
    let indent = " ".repeat(marker.chars().count());
    out.push_str(&marker);
    line(out, &indented(question.text.trim(), &indent));
    if !question.note.trim().is_empty() {
        out.push_str(&indent);
        out.push_str(note_label);
        out.push_str(": ");
        line(out, &indented(question.note.trim(), &indent));
    }
}

// Markdown

fn md_heading(out: &mut String, level: usize, text: &str) {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let _ = writeln!(out, "{} {}\n", "#".repeat(level), md_escape_line(&flat));
}

fn md_paragraph(out: &mut String, text: &str) {
    let _ = writeln!(out, "{}\n", md_escape(text, ""));
}

fn md_question(out: &mut String, question: &SheetQuestion, note_label: &str) {
    let marker = format!("{}. [ ] ", question.number);
    // Continuation lines sit under the text, inside the list item.
    let indent = " ".repeat(marker.len() - 4);
    out.push_str(&marker);
    out.push_str(&md_escape(question.text.trim(), &indent));
    if !question.note.trim().is_empty() {
        let _ = write!(
            out,
            "\\\n{indent}*{}:* {}",
            md_escape_line(note_label),
            md_escape(question.note.trim(), &indent)
        );
    }
    out.push('\n');
}

/// Escapes text of one or more lines. Line ends become hard breaks (a `\`
/// at the end of the line) followed by `indent`; blank lines are dropped,
/// since in Markdown they would end the list item.
fn md_escape(text: &str, indent: &str) -> String {
    let text = crate::text::clean(text);
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(md_escape_line)
        .collect();
    lines.join(&format!("\\\n{indent}"))
}

/// Escapes one line of text so that Markdown shows it as it is.
///
/// Characters that are markup anywhere in a line are escaped everywhere.
/// Characters that are markup only at the start of a line (`-`, `+`, `=`
/// for lists and headings; `1.` or `1)` for numbered lists) are escaped
/// there. Other punctuation (`.`, `'`, `(`, `:`) is left alone so the
/// Markdown stays readable as text.
fn md_escape_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let text = text.trim_start();
    // A run of digits at the start, then `.` or `)`, would start a list.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = numbered(text);
    if matches!(text.as_bytes().first(), Some(b'-' | b'+' | b'=')) {
        out.push('\\');
    }
    for (at, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '$' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if numbered && at == digits => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push(' '),
            c if crate::text::is_hidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_the_date_and_nothing_unsafe() {
        let stem = "my-questions";
        assert_eq!(
            file_name(stem, "2026-11-29", "txt"),
            "my-questions-2026-11-29.txt"
        );
        assert_eq!(
            file_name(stem, "2026-11-29", "md"),
            "my-questions-2026-11-29.md"
        );
        assert_eq!(file_name(stem, "../../etc", ".txt"), "my-questions-etc.txt");
        assert_eq!(file_name(stem, "", "md"), "my-questions.md");
        assert_eq!(
            file_name("mis-preguntas", "2026-11-29", "md"),
            "mis-preguntas-2026-11-29.md"
        );
        assert_eq!(
            file_name("../ñ/", "2026-11-29", "md"),
            "mbc-guide-2026-11-29.md"
        );
    }

    #[test]
    fn markdown_markup_in_text_is_shown_as_text() {
        assert_eq!(md_escape_line("*bold* _it_"), "\\*bold\\* \\_it\\_");
        assert_eq!(md_escape_line("# not a heading"), "\\# not a heading");
        assert_eq!(md_escape_line("1. not a list"), "1\\. not a list");
        assert_eq!(md_escape_line("- not a list"), "\\- not a list");
        assert_eq!(
            md_escape_line("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(
            md_escape_line("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(md_escape_line("&lt;"), "\\&lt;");
        assert_eq!(
            md_escape_line("HER2-low, e.g. 3.5 cm"),
            "HER2-low, e.g. 3.5 cm"
        );
        assert_eq!(md_escape_line("trailing \\"), "trailing \\\\");
    }

    #[test]
    fn a_note_of_several_lines_stays_in_its_list_item() {
        let text = md_escape("first\n\n---\n2) two", "   ");
        assert_eq!(text, "first\\\n   \\---\\\n   2\\) two");
    }
}
