//! The review sheet: one printable HTML page holding everything a pack says
//! to patients, for a hospital's clinicians to read and sign off. Written by
//! `mbc-validate-pack --review-sheet FILE.html`.
//!
//! The page stands alone: its styles are inside it, and it loads nothing
//! (no fonts, scripts, images or links to follow), so it can be mailed,
//! kept in a record and printed offline. Every text from the pack is
//! escaped, so it shows as written. The framing words (headings, "Suggested
//! when") are English, for the committee; the pack's own words keep their
//! language, marked with `lang`.
//!
//! Order: the pack's title, language and dates; then every patient-facing
//! passage of the guide (the intro, "get help right away", goals, what a
//! plan depends on with every answer, kinds of treatment, living-with
//! topics, supportive and complementary care, second opinions), the
//! readiness check and the glossary; then every question by topic, with
//! its sources (title, publisher, address as text), its tailoring rule in
//! words and whether it is sensitive; then every source. Each row has an
//! empty sign-off cell.

use std::fmt::Write;

use super::{Pack, Rule, Source};
use crate::answers::{Mark, Rating};

/// The whole review sheet for `pack`, as an HTML document.
pub fn html(pack: &Pack) -> String {
    let mut page = Page {
        pack,
        out: String::new(),
    };
    page.head();
    page.passages();
    page.readiness();
    page.glossary();
    page.questions();
    page.sources();
    page.sign_off();
    page.out.push_str("</body>\n</html>\n");
    page.out
}

/// A tailoring rule in words, for reviewers: "Suggested when: the answer
/// to “What is your HER2 status?” is “Positive” and …", "Suggested to
/// everyone", or "Never suggested; found by browsing".
pub fn rule_in_words(pack: &Pack, rule: Option<&Rule>) -> String {
    match rule {
        None => "Never suggested; found by browsing".to_owned(),
        Some(Rule::Always(true)) => "Suggested to everyone".to_owned(),
        Some(Rule::Always(false)) => "Never suggested (switched off); found by browsing".to_owned(),
        Some(rule) => format!("Suggested when: {}", condition(pack, rule, false)),
    }
}

/// One condition in words; `nested` puts a group of several in brackets.
/// Several answers read "is one of “A”, “B”", so "or" and "and" only ever
/// join whole conditions.
fn condition(pack: &Pack, rule: &Rule, nested: bool) -> String {
    let quoted = |values: &[String], label: &dyn Fn(&str) -> String| {
        let labels: Vec<String> = values.iter().map(|v| format!("“{}”", label(v))).collect();
        match labels.len() {
            1 => labels.concat(),
            _ => format!("one of {}", labels.join(", ")),
        }
    };
    match rule {
        Rule::Always(true) => "anyone".to_owned(),
        Rule::Always(false) => "never".to_owned(),
        Rule::Factor { id, is } => {
            let factor = pack.factor(id);
            let title = factor.map_or(id.as_str(), |f| f.title.as_str());
            let label = |option: &str| {
                factor
                    .and_then(|f| f.options.iter().find(|o| o.id == option))
                    .map_or_else(|| option.to_owned(), |o| o.label.clone())
            };
            format!("the answer to “{title}” is {}", quoted(is, &label))
        }
        Rule::Goal { id, is } => {
            let label = |rating: &str| {
                Rating::ALL
                    .into_iter()
                    .find(|r| r.id() == rating)
                    .map_or_else(|| rating.to_owned(), |r| pack.ui(r.ui_key()).to_owned())
            };
            format!(
                "the goal “{}” is rated {}",
                pack.item_title(id),
                quoted(is, &label)
            )
        }
        Rule::Treatment { id, is } => {
            let label = |mark: &str| {
                Mark::ALL
                    .into_iter()
                    .find(|m| m.id() == mark)
                    .map_or_else(|| mark.to_owned(), |m| pack.ui(m.ui_key()).to_owned())
            };
            format!("“{}” is marked {}", pack.item_title(id), quoted(is, &label))
        }
        Rule::All(parts) | Rule::Any(parts) => {
            let all = matches!(rule, Rule::All(_));
            // `always` adds nothing to `all`; it makes `any` hold for anyone.
            if !all && parts.contains(&Rule::Always(true)) {
                return "anyone".to_owned();
            }
            let parts: Vec<String> = parts
                .iter()
                .filter(|p| !(all && **p == Rule::Always(true)))
                .map(|p| condition(pack, p, true))
                .collect();
            match parts.len() {
                0 if all => "anyone".to_owned(),
                0 => "never (an empty list)".to_owned(),
                1 => parts.join(""),
                _ => {
                    let joined = parts.join(if all { " and " } else { " or " });
                    if nested {
                        format!("({joined})")
                    } else {
                        joined
                    }
                }
            }
        }
    }
}

/// Text made safe to put in HTML, as text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
@page { margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 system-ui, -apple-system, 'Segoe UI', Arial, sans-serif; color: #000;
  background: #fff; margin: 0; padding: 12px; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 14pt; margin: 16pt 0 6pt; break-after: avoid; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
p, ul { margin: 0 0 4pt; }
ul { padding-left: 14pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #444; padding: 3pt 5pt; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
th { background: #eee; }
.dates td, .dates th { width: auto; }
.where { width: 17%; }
.src { width: 27%; font-size: 9pt; }
.rule { width: 22%; font-size: 9pt; }
.flag { width: 9%; font-size: 9pt; }
.sign { width: 12%; }
.qid { display: block; color: #444; font-size: 8.5pt; margin-top: 3pt; }
.url { font-family: ui-monospace, 'Courier New', monospace; font-size: 8.5pt; word-break: break-all; }
.missing { font-weight: bold; }
.lines p { border-bottom: 1px solid #000; height: 22pt; margin: 0 0 6pt; }
/* A hair of room, or print clips the tables' right border at the margin. */
@media print { body { padding: 0 2px; } }
";

struct Page<'p> {
    pack: &'p Pack,
    out: String,
}

impl Page<'_> {
    fn push(&mut self, html: &str) {
        self.out.push_str(html);
    }

    /// The pack's language on an element holding the pack's words.
    fn lang(&self) -> String {
        format!(" lang=\"{}\"", escape(&self.pack.lang))
    }

    fn head(&mut self) {
        let meta = &self.pack.meta;
        let title = escape(&meta.title);
        let lang = self.lang();
        let with_url = meta.sources.iter().filter(|s| s.url.is_some()).count();
        let date = |d: &str| {
            if d.trim().is_empty() {
                "<span class=\"missing\">not given</span>".to_owned()
            } else {
                escape(d)
            }
        };
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>Content review sheet: {title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
             <h1>Content review sheet: <span{lang}>{title}</span></h1>\n\
             <p{lang}>{}</p>\n\
             <table class=\"dates\"><tbody>\n\
             <tr><th scope=\"row\">Language</th><td>{}</td></tr>\n\
             <tr><th scope=\"row\">Last reviewed</th><td>{}</td></tr>\n\
             <tr><th scope=\"row\">Review by</th><td>{}</td></tr>\n\
             <tr><th scope=\"row\">Questions</th><td>{}</td></tr>\n\
             <tr><th scope=\"row\">Sources</th><td>{} ({with_url} with a web address)</td></tr>\n\
             </tbody></table>\n\
             <p>Everything this pack says to patients, with the sources it rests on and when \
             each question is suggested. Read each row; sign it off, or write what must change, \
             in its last column. Addresses are printed as text: type them to check a page.</p>\n",
            escape(&meta.tagline),
            escape(&self.pack.lang),
            date(&meta.last_reviewed),
            date(&meta.review_by),
            self.pack.questions.len(),
            meta.sources.len(),
        );
    }

    /// A table of passages: where, the words, the sources, sign-off.
    fn passages(&mut self) {
        let pack = self.pack;
        let g = &pack.guide;
        let mut rows: Vec<Row> = Vec::new();
        rows.push(Row::new(
            "Disclaimer",
            paragraph(&pack.meta.disclaimer),
            &[],
        ));
        let section = |rows: &mut Vec<Row>, s: &super::Section| {
            rows.push(Row::new(&s.heading, paragraphs(&s.paragraphs), &s.sources));
        };
        section(&mut rows, &g.intro);
        if let Some(u) = pack.urgent() {
            let html = format!(
                "{}{}{}",
                paragraph(&u.intro),
                list(&u.signs),
                paragraph(&u.action)
            );
            rows.push(Row::new(&u.heading, html, &u.sources));
        }
        let items = |rows: &mut Vec<Row>, s: &super::ItemSection| {
            rows.push(Row::new(&s.heading, paragraph(&s.intro), &s.sources));
            for item in &s.items {
                let mut html = paragraph(&item.text);
                if let Some(when) = &item.when {
                    html.push_str(&paragraph(when));
                }
                rows.push(Row::new(
                    &format!("{} › {}", s.heading, item.title),
                    html,
                    &item.sources,
                ));
            }
        };
        items(&mut rows, &g.goals);
        let f = &g.factors;
        rows.push(Row::new(&f.heading, paragraph(&f.intro), &f.sources));
        for factor in &f.items {
            let labels: Vec<String> = factor.options.iter().map(|o| o.label.clone()).collect();
            let html = format!(
                "{}<p>Answers{}:</p>{}<p>Reason shown: “{}”</p>",
                paragraph(&factor.text),
                if factor.multiple {
                    " (more than one may be chosen)"
                } else {
                    ""
                },
                list(&labels),
                escape(&factor.reason)
            );
            rows.push(Row::new(
                &format!("{} › {}", f.heading, factor.title),
                html,
                &[],
            ));
        }
        items(&mut rows, &g.treatments);
        if let Some(living) = pack.living() {
            items(&mut rows, living);
        }
        section(&mut rows, &g.supportive);
        section(&mut rows, &g.complementary);
        let so = &g.second_opinion;
        let html = format!("{}{}", paragraphs(&so.paragraphs), list(&so.bring));
        rows.push(Row::new(&so.heading, html, &so.sources));

        self.push("<h2>The guide</h2>\n");
        self.table(&["Where", "What it says", "Sources", "Sign-off"], &rows);
    }

    fn readiness(&mut self) {
        let pack = self.pack;
        let rows: Vec<Row> = pack
            .readiness
            .iter()
            .map(|r| {
                let helps: Vec<String> = r
                    .helps
                    .iter()
                    .map(|id| {
                        pack.question(id)
                            .map_or_else(|| id.clone(), |q| q.text.clone())
                    })
                    .collect();
                let mut html = paragraph(&r.text);
                if !helps.is_empty() {
                    html.push_str("<p>If the answer is no, it offers:</p>");
                    html.push_str(&list(&helps));
                }
                Row::new(&r.id, html, &r.sources)
            })
            .collect();
        self.push("<h2>Readiness check</h2>\n");
        self.table(&["Item", "What it asks", "Sources", "Sign-off"], &rows);
    }

    fn glossary(&mut self) {
        let lang = self.lang();
        self.push(
            "<h2>Words explained (glossary)</h2>\n<table>\n<thead><tr>\
            <th class=\"where\">Word</th><th>Explanation</th><th class=\"sign\">Sign-off</th>\
            </tr></thead>\n<tbody>\n",
        );
        for term in &self.pack.glossary {
            let forms = if term.forms.is_empty() {
                String::new()
            } else {
                format!("<br>also: {}", escape(&term.forms.join(", ")))
            };
            let _ = writeln!(
                self.out,
                "<tr><td{lang}>{}{forms}</td><td{lang}>{}</td><td></td></tr>",
                escape(&term.term),
                escape(&term.text)
            );
        }
        self.push("</tbody>\n</table>\n");
    }

    fn questions(&mut self) {
        let pack = self.pack;
        let lang = self.lang();
        self.push("<h2>Questions</h2>\n");
        let mut topics: Vec<(String, String)> = pack
            .topics
            .iter()
            .map(|t| (t.id.clone(), t.title.clone()))
            .collect();
        for q in &pack.questions {
            if !topics.iter().any(|(id, _)| *id == q.topic) {
                topics.push((q.topic.clone(), q.topic.clone()));
            }
        }
        for (topic, title) in topics {
            let questions: Vec<_> = pack.questions.iter().filter(|q| q.topic == topic).collect();
            if questions.is_empty() {
                continue;
            }
            let _ = write!(
                self.out,
                "<h3{lang}>{}</h3>\n<table>\n<thead><tr><th>Question</th>\
                 <th class=\"src\">Sources</th><th class=\"rule\">When it is suggested</th>\
                 <th class=\"flag\">Sensitive</th><th class=\"sign\">Sign-off</th></tr></thead>\n<tbody>\n",
                escape(&title)
            );
            for q in questions {
                let _ = writeln!(
                    self.out,
                    "<tr><td{lang}>{}<span class=\"qid\">{}</span></td><td class=\"src\">{}</td>\
                     <td class=\"rule\"{lang}>{}</td><td class=\"flag\">{}</td><td></td></tr>",
                    escape(&q.text),
                    escape(&q.id),
                    self.cited(&q.sources),
                    escape(&rule_in_words(pack, q.rule.as_ref())),
                    if q.sensitive {
                        "Yes: shown only if the person asks"
                    } else {
                        "No"
                    }
                );
            }
            self.push("</tbody>\n</table>\n");
        }
    }

    fn sources(&mut self) {
        let pack = self.pack;
        self.push(
            "<h2>Every source</h2>\n<table>\n<thead><tr><th class=\"flag\">Id</th>\
             <th>Source</th><th class=\"flag\">Cited</th><th class=\"sign\">Sign-off</th>\
             </tr></thead>\n<tbody>\n",
        );
        for s in &pack.meta.sources {
            let cited = cite_count(pack, &s.id);
            let _ = writeln!(
                self.out,
                "<tr><td>{}</td><td>{}</td><td>{cited}</td><td></td></tr>",
                escape(&s.id),
                source(s)
            );
        }
        self.push("</tbody>\n</table>\n");
    }

    fn sign_off(&mut self) {
        self.push(
            "<h2>Sign-off</h2>\n<div class=\"lines\">\n<p>Reviewed by (name and role):</p>\n\
             <p>Signature:</p>\n<p>Date:</p>\n<p>Changes asked for:</p>\n</div>\n",
        );
    }

    /// The sources cited, in full, or a warning when none are.
    fn cited(&self, ids: &[String]) -> String {
        if ids.is_empty() {
            return "<span class=\"missing\">No source cited</span>".to_owned();
        }
        let items: Vec<String> = ids
            .iter()
            .map(|id| match self.pack.source(id) {
                Some(s) => format!("<li>{}</li>", source(s)),
                None => format!(
                    "<li><span class=\"missing\">{}: not in the sources</span></li>",
                    escape(id)
                ),
            })
            .collect();
        format!("<ul>{}</ul>", items.concat())
    }

    fn table(&mut self, headings: &[&str; 4], rows: &[Row]) {
        let lang = self.lang();
        let _ = write!(
            self.out,
            "<table>\n<thead><tr><th class=\"where\">{}</th><th>{}</th><th class=\"src\">{}</th>\
             <th class=\"sign\">{}</th></tr></thead>\n<tbody>\n",
            headings[0], headings[1], headings[2], headings[3]
        );
        for row in rows {
            let _ = writeln!(
                self.out,
                "<tr><td{lang}>{}</td><td{lang}>{}</td><td class=\"src\">{}</td><td></td></tr>",
                escape(&row.place),
                row.html,
                if row.sources.is_empty() {
                    "—".to_owned()
                } else {
                    self.cited(&row.sources)
                }
            );
        }
        self.push("</tbody>\n</table>\n");
    }
}

/// One passage: where it is, its words as HTML, its sources.
struct Row {
    place: String,
    html: String,
    sources: Vec<String>,
}

impl Row {
    fn new(place: &str, html: String, sources: &[String]) -> Row {
        Row {
            place: place.to_owned(),
            html,
            sources: sources.to_vec(),
        }
    }
}

fn paragraph(text: &str) -> String {
    format!("<p>{}</p>", escape(text))
}

fn paragraphs(texts: &[String]) -> String {
    texts.iter().map(|p| paragraph(p)).collect()
}

fn list(items: &[String]) -> String {
    let items: String = items
        .iter()
        .map(|i| format!("<li>{}</li>", escape(i)))
        .collect();
    format!("<ul>{items}</ul>")
}

/// "Title — Publisher — https://… (checked 2026-11-30)", the address as
/// text, never a link.
fn source(s: &Source) -> String {
    let url = match &s.url {
        Some(url) => format!("<br><span class=\"url\">{}</span>", escape(url)),
        None => "<br><span class=\"missing\">No web address</span>".to_owned(),
    };
    let checked = match &s.checked {
        Some(date) => format!(" (checked {})", escape(date)),
        None => String::new(),
    };
    format!("{} — {}{url}{checked}", escape(&s.title), escape(&s.org))
}

/// How many places cite a source: questions, guide sections and items,
/// readiness items.
fn cite_count(pack: &Pack, id: &str) -> usize {
    pack.citations()
        .into_iter()
        .filter(|(_, list)| list.iter().any(|s| s == id))
        .count()
}
