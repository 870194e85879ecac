//! Everything a content pack must be before it ships, checked, and each
//! problem reported with where it is and what to do about it.
//!
//! `validate_pack` checks an already-parsed pack, in plain Rust.
//! `mbc-validate-pack --compile` runs it before a hospital's pack ships; the
//! widget does not run it, only the smaller guard in
//! `content::read_pack_file`.
//! `validate_text` (native only, for the `mbc-validate-pack` command and
//! tests) also reports text that is not JSON, or not of the pack's shape, by
//! `file:line:col`, and object keys written twice.
//!
//! Errors stop a pack from shipping; warnings ask a person to look. Problems
//! found after parsing are located by JSON path, e.g.
//! `questions[3].rule.factor.id`; `locate` turns a path into a line.
//!
//! Length limits, in characters (a limit is a prompt to split or simplify,
//! not a layout constraint):
//!
//! | text                                              | limit |
//! |---------------------------------------------------|-------|
//! | titles, headings, topic names, answer labels      | 120   |
//! | a factor's `reason` template                      | 200   |
//! | questions, ui words, tagline, readiness, bring,   | 300   |
//! | urgent warning signs                              |       |
//! | glossary explanations                             | 400   |
//! | paragraphs, intros, item texts, the disclaimer    | 900   |
//!
//! Packs are shown as plain text, never as HTML, so `<` before a letter,
//! `/` or `!` is an error: it is either a mistake or an attempt at markup.
//! Control characters, bidirectional overrides and zero-width characters
//! are errors everywhere, ids included, because they hide or reorder text.
//! In English packs, a string above grade 8 (see `readability`) is a
//! warning, as is a median above grade 6.
//!
//! Sources and dates. Every source needs an https address (an error
//! otherwise). Our own packs (`Options::builtin`) must also give each
//! source the date it was `checked`, a `review_by` date, the publisher
//! allowlist, the "get help right away" box and the living-with topics;
//! a hospital's pack that leaves these out gets a warning, so a pack made
//! before they existed still compiles. A publisher outside the allowlist,
//! a source nothing cites, two sources with one address, a `review_by`
//! more than 12 months after `last_reviewed` or already past (given
//! `Options::today`) are warnings.

use super::model::{Pack, Rule, PACK_SCHEMA};
use super::readability::{self, TextKind};
use super::ui_keys;
use crate::answers::{Mark, Rating, EXTRA_TREATMENTS};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Whether a problem stops a pack from shipping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with a pack.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    /// `file:line:col` for text that could not be read as a pack, otherwise
    /// a JSON path such as `questions[3].rule.factor.id`.
    pub location: String,
    /// What is wrong and what to do, as a sentence for a content editor.
    pub message: String,
}

impl Problem {
    pub fn error(location: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            location: location.into(),
            message: message.into(),
        }
    }

    pub fn warning(location: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            location: location.into(),
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}: {}: {}", self.location, self.message)
    }
}

/// Goal ids the code relies on.
pub const FIXED_GOALS: [&str; 3] = ["shrink", "quality", "longer"];
/// Factor ids the code relies on (the saved format migrates answers into
/// `grew_on`, and the rules of every pack name them).
pub const FIXED_FACTORS: [&str; 10] = [
    "hormone_receptor",
    "her2",
    "spread",
    "history",
    "past_treatments",
    "grew_on",
    "symptoms",
    "overall_health",
    "menopause",
    "preferences",
];
/// The factors added with "what it grew on" and "came back or found
/// spread": the validator requires them, but the run-time guard
/// (`content::read_pack_file`) lets a pack compiled before them load; the
/// person then simply cannot answer them.
pub const NEWER_FACTORS: [&str; 2] = ["history", "grew_on"];
/// Answers old saves are migrated into (`stored::split_hormonal_grew`):
/// the factor must offer them, or those saves lose that answer.
pub const MIGRATED_ANSWERS: [(&str, &str); 2] =
    [("past_treatments", "hormonal"), ("grew_on", "hormonal")];
/// Treatment ids the code relies on.
pub const FIXED_TREATMENTS: [&str; 6] = [
    "hormonal",
    "chemo",
    "targeted",
    "radiation",
    "surgery",
    "trials",
];
/// Readiness ids (the four SURE domains).
pub const FIXED_READINESS: [&str; 4] = ["sure", "understand", "values", "support"];

/// The hardest an English string may read, as a Flesch-Kincaid grade.
pub const MAX_GRADE: f64 = 8.0;
/// The hardest the median English string may read.
pub const MAX_MEDIAN_GRADE: f64 = 6.0;

/// Interface keys the code may use beyond `ui_keys::REQUIRED`: allowed, but
/// not yet required of every pack.
const OPTIONAL_UI_KEYS: [&str; 2] = ["reason_goal", "reason_treatment"];

/// Placeholders an interface word must contain for the code to fill it.
const UI_PLACEHOLDERS: [(&str, &[&str]); 4] = [
    ("because", &["reason"]),
    ("review_dates", &["reviewed", "review_by"]),
    ("reason_goal", &["goal", "rating"]),
    ("reason_treatment", &["treatment", "mark"]),
];

/// The most characters a kind of text may have.
pub fn length_limit(kind: TextKind) -> usize {
    match kind {
        TextKind::Label => 120,
        TextKind::Reason => 200,
        TextKind::Ui
        | TextKind::Tagline
        | TextKind::Question
        | TextKind::Readiness
        | TextKind::Bring
        | TextKind::Sign => 300,
        TextKind::Glossary => 400,
        TextKind::Paragraph => 900,
    }
}

fn kind_name(kind: TextKind) -> &'static str {
    match kind {
        TextKind::Label => "title or label",
        TextKind::Ui => "interface word",
        TextKind::Tagline => "tagline",
        TextKind::Question => "question",
        TextKind::Reason => "reason",
        TextKind::Readiness => "readiness question",
        TextKind::Bring => "thing to bring",
        TextKind::Sign => "warning sign",
        TextKind::Glossary => "glossary explanation",
        TextKind::Paragraph => "paragraph",
    }
}

/// What to check a pack as.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    /// The English pack, when checking a translation of it.
    pub reference: Option<&'a Pack>,
    /// One of our own packs (content/*.json): what a hospital pack may
    /// leave out (see the module notes) is an error here.
    pub builtin: bool,
    /// Today, as an ISO date, to warn when `review_by` has passed. `None`
    /// leaves that check out (tests, and the widget at run time).
    pub today: Option<&'a str>,
}

/// Checks a parsed pack as a hospital's pack (see `validate_pack_with`).
pub fn validate_pack(pack: &Pack, reference: Option<&Pack>) -> Vec<Problem> {
    validate_pack_with(
        pack,
        &Options {
            reference,
            ..Options::default()
        },
    )
}

/// Checks a parsed pack: ids, references, sources, dates, rules, interface
/// words, text and, when `options.reference` (the English pack) is given,
/// that this pack translates exactly the same ids.
pub fn validate_pack_with(pack: &Pack, options: &Options) -> Vec<Problem> {
    let mut c = Checker {
        pack,
        problems: Vec::new(),
        builtin: options.builtin,
        today: options.today,
    };
    c.header();
    c.dates();
    c.unique_ids();
    c.sources();
    c.questions();
    c.guide();
    c.readiness();
    c.ui();
    c.texts();
    if is_english(pack) {
        c.readability();
    }
    if let Some(reference) = options.reference {
        c.translation(reference);
    }
    c.problems
}

fn is_english(pack: &Pack) -> bool {
    super::Lang::from_code(&pack.lang) == Some(super::Lang::En)
}

struct Checker<'a> {
    pack: &'a Pack,
    problems: Vec<Problem>,
    builtin: bool,
    today: Option<&'a str>,
}

impl<'a> Checker<'a> {
    fn error(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::error(location, message));
    }

    /// An error in our own packs, a warning in a hospital's.
    fn required(&mut self, location: impl Into<String>, message: impl Into<String>) {
        if self.builtin {
            self.error(location, message);
        } else {
            self.warning(location, message);
        }
    }

    fn warning(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::warning(location, message));
    }

    fn header(&mut self) {
        let pack = self.pack;
        if pack.schema != PACK_SCHEMA {
            self.error(
                "schema",
                format!(
                    "The pack says format version {}, but this build reads version {PACK_SCHEMA}. \
                     Set \"schema\": {PACK_SCHEMA}, and check the pack against docs/CONTENT.md.",
                    pack.schema
                ),
            );
        }
        if pack.lang.trim().is_empty() {
            self.error("lang", "The language tag is empty. Write \"en\" or \"es\".");
        }
        if !is_iso_date(&pack.meta.last_reviewed) {
            self.error(
                "meta.last_reviewed",
                format!(
                    "\"{}\" is not a date in the form YYYY-MM-DD. Write the date of the last \
                     review like 2026-11-29.",
                    pack.meta.last_reviewed
                ),
            );
        }
    }

    /// `review_by`: there, a date, after `last_reviewed`, at most 12 months
    /// after it, and not yet past.
    fn dates(&mut self) {
        let meta = &self.pack.meta;
        let (reviewed, by) = (meta.last_reviewed.as_str(), meta.review_by.as_str());
        if by.trim().is_empty() {
            self.required(
                "meta.review_by",
                "There is no review_by date. Add the date by which the pack must be reviewed \
                 again, at most 12 months after last_reviewed, like \"2027-05-31\".",
            );
            return;
        }
        if !is_iso_date(by) {
            self.error(
                "meta.review_by",
                format!("\"{by}\" is not a date in the form YYYY-MM-DD. Write it like 2027-05-31."),
            );
            return;
        }
        if !is_iso_date(reviewed) {
            return;
        }
        if by <= reviewed {
            self.error(
                "meta.review_by",
                format!(
                    "review_by ({by}) is not after last_reviewed ({reviewed}). Set the date of \
                     the next review, at most 12 months after the last."
                ),
            );
        } else if by > one_year_after(reviewed).as_str() {
            self.warning(
                "meta.review_by",
                format!(
                    "review_by ({by}) is more than 12 months after last_reviewed ({reviewed}). \
                     Medical advice moves fast: set it at most 12 months after the review."
                ),
            );
        }
        if let Some(today) = self.today.filter(|t| is_iso_date(t)) {
            if today > by {
                self.warning(
                    "meta.review_by",
                    format!(
                        "The review was due by {by} and today is {today}. Have the pack \
                         reviewed, then update last_reviewed and review_by."
                    ),
                );
            }
        }
    }

    /// Reports every id used twice in one list, at the second use.
    fn unique(&mut self, what: &str, ids: Vec<(String, &str)>) {
        let mut seen: BTreeMap<&str, String> = BTreeMap::new();
        for (path, id) in ids {
            if id.trim().is_empty() {
                self.error(
                    path,
                    format!("This {what} has an empty id. Give it a short, stable id."),
                );
            } else if let Some(first) = seen.get(id) {
                self.error(
                    path,
                    format!(
                        "The {what} id `{id}` is already used at {first}. Ids must be unique: \
                         give this one a new id (never one that was used before)."
                    ),
                );
            } else {
                seen.insert(id, path.trim_end_matches(".id").to_owned());
            }
        }
    }

    fn unique_ids(&mut self) {
        let p = self.pack;
        let g = &p.guide;
        self.unique("question", ids(&p.questions, "questions", |q| &q.id));
        self.unique("topic", ids(&p.topics, "topics", |t| &t.id));
        self.unique("glossary", ids(&p.glossary, "glossary", |t| &t.id));
        self.unique("source", ids(&p.meta.sources, "meta.sources", |s| &s.id));
        self.unique("goal", ids(&g.goals.items, "guide.goals.items", |i| &i.id));
        self.unique(
            "treatment",
            ids(&g.treatments.items, "guide.treatments.items", |i| &i.id),
        );
        self.unique(
            "factor",
            ids(&g.factors.items, "guide.factors.items", |f| &f.id),
        );
        self.unique("readiness", ids(&p.readiness, "readiness", |r| &r.id));
        self.unique(
            "living topic",
            ids(&g.living.items, "guide.living.items", |i| &i.id),
        );
        for (i, factor) in g.factors.items.iter().enumerate() {
            let at = format!("guide.factors.items[{i}].options");
            self.unique("answer", ids(&factor.options, &at, |o| &o.id));
        }
    }

    /// Checks a list of cited source ids: at least one, each in
    /// meta.sources.
    fn cites(&mut self, path: &str, what: &str, sources: &[String]) {
        if sources.is_empty() {
            self.error(
                path,
                format!("This {what} cites no source. Add at least one id from meta.sources."),
            );
        }
        self.resolve(path, sources);
    }

    /// Checks that each cited id is in meta.sources.
    fn resolve(&mut self, path: &str, sources: &[String]) {
        for (j, id) in sources.iter().enumerate() {
            if self.pack.source(id).is_none() {
                self.error(
                    format!("{path}[{j}]"),
                    format!(
                        "The source `{id}` is not in meta.sources. Use one of {}, or add it there.",
                        list(self.pack.meta.sources.iter().map(|s| s.id.as_str()))
                    ),
                );
            }
        }
    }

    /// Every source list of the guide, by path, and whether it must cite
    /// at least one source: every section's and living-with topic's must;
    /// a goal's or a treatment's own list may be empty (its section cites).
    /// The urgent box and the living-with topics only when the pack has
    /// them.
    fn guide_citations(&self) -> Vec<(String, &'a [String], Citation)> {
        let p = self.pack;
        p.citations()
            .into_iter()
            .filter(|(path, _)| path.starts_with("guide."))
            .filter(|(path, _)| !path.starts_with("guide.urgent.") || p.urgent().is_some())
            .filter(|(path, _)| !path.starts_with("guide.living.") || p.living().is_some())
            .map(|(path, sources)| {
                let own = path.starts_with("guide.goals.items")
                    || path.starts_with("guide.treatments.items");
                let citation = if own {
                    Citation::Optional
                } else {
                    Citation::Required
                };
                (path, sources, citation)
            })
            .collect()
    }

    fn sources(&mut self) {
        let p = self.pack;
        let g = &p.guide;
        let citations = self.guide_citations();
        for (path, sources, citation) in &citations {
            match citation {
                Citation::Required => self.cites(path, "guide section or topic", sources),
                Citation::Optional => self.resolve(path, sources),
            }
        }
        if p.urgent().is_none() {
            self.required(
                "guide.urgent",
                "There is no \"get help right away\" box (guide.urgent): the signs that need a \
                 call to the care team now. Add it (see docs/CONTENT.md).",
            );
        } else if g.urgent.signs.is_empty() {
            self.error(
                "guide.urgent.signs",
                "The \"get help right away\" box lists no signs. Add them, one short sentence \
                 each.",
            );
        }
        if p.living().is_none() {
            self.required(
                "guide.living",
                "There are no living-with topics (guide.living). Add them (see \
                 docs/CONTENT.md).",
            );
        }
        let cited: BTreeSet<&str> = p
            .citations()
            .into_iter()
            .flat_map(|(_, s)| s.iter())
            .map(String::as_str)
            .collect();
        let publishers = &p.meta.publishers;
        if publishers.is_empty() {
            self.required(
                "meta.publishers",
                "There is no list of trusted publishers. List, in meta.publishers, the \
                 organisations this pack's sources come from, spelled as in their `org`.",
            );
        }
        let mut urls: BTreeMap<&str, String> = BTreeMap::new();
        for (i, source) in p.meta.sources.iter().enumerate() {
            let at = format!("meta.sources[{i}]");
            if !cited.contains(source.id.as_str()) {
                self.warning(
                    format!("{at}.id"),
                    format!(
                        "The source `{}` is never cited. Cite it where it is used, or remove it.",
                        source.id
                    ),
                );
            }
            if !publishers.is_empty() && !publishers.contains(&source.org) {
                self.warning(
                    format!("{at}.org"),
                    format!(
                        "\"{}\" is not in meta.publishers. Cite a publisher from the list, or \
                         add this one there if your reviewers trust it.",
                        source.org
                    ),
                );
            }
            match source.url.as_deref() {
                Some(url) if is_https(url) => {
                    let key = url.trim_end_matches('/');
                    if let Some(first) = urls.get(key) {
                        self.warning(
                            format!("{at}.url"),
                            format!(
                                "This address is also the address of {first}. Cite that source \
                                 instead, and remove this one."
                            ),
                        );
                    } else {
                        urls.insert(key, format!("`{}` ({at})", source.id));
                    }
                }
                Some(url) if url.starts_with("http://") => self.error(
                    format!("{at}.url"),
                    "This link is not secure (http). Use the page's https address.",
                ),
                Some(url) => self.error(
                    format!("{at}.url"),
                    format!("\"{url}\" is not a web address. Links must start with https://."),
                ),
                None => self.error(
                    format!("{at}.url"),
                    format!(
                        "The source `{}` has no url. Give the https address of the page itself, \
                         or stop citing it.",
                        source.id
                    ),
                ),
            }
            match source.checked.as_deref() {
                None => self.required(
                    format!("{at}.checked"),
                    format!(
                        "The source `{}` does not say when it was checked. Add \"checked\": the \
                         date someone last read the page against our text, like \"2026-11-30\".",
                        source.id
                    ),
                ),
                Some(date) if !is_iso_date(date) => self.error(
                    format!("{at}.checked"),
                    format!("\"{date}\" is not a date in the form YYYY-MM-DD."),
                ),
                Some(date) => {
                    if self.today.is_some_and(|today| date > today) {
                        self.warning(
                            format!("{at}.checked"),
                            format!("{date} is in the future. Write the day the page was read."),
                        );
                    }
                }
            }
        }
    }

    fn questions(&mut self) {
        let p = self.pack;
        for (i, q) in p.questions.iter().enumerate() {
            let at = format!("questions[{i}]");
            if p.topic(&q.topic).is_none() {
                self.error(
                    format!("{at}.topic"),
                    format!(
                        "The topic `{}` does not exist. Use one of {}, or add it to topics.",
                        q.topic,
                        list(p.topics.iter().map(|t| t.id.as_str()))
                    ),
                );
            }
            self.cites(&format!("{at}.sources"), "question", &q.sources);
            if let Some(rule) = &q.rule {
                self.rule(rule, &format!("{at}.rule"));
            }
        }
        for (i, topic) in p.topics.iter().enumerate() {
            if !p.questions.iter().any(|q| q.topic == topic.id) {
                self.warning(
                    format!("topics[{i}].id"),
                    format!(
                        "The topic `{}` has no questions. Add some, or remove the topic.",
                        topic.id
                    ),
                );
            }
        }
    }

    /// Checks that a rule names only things that exist.
    fn rule(&mut self, rule: &Rule, at: &str) {
        let g = &self.pack.guide;
        match rule {
            Rule::Always(true) => {}
            Rule::Always(false) => self.warning(
                format!("{at}.always"),
                "`\"always\": false` never suggests this question. Remove the rule instead.",
            ),
            Rule::Factor { id, is } => {
                let at = format!("{at}.factor");
                match self.pack.factor(id) {
                    None => self.error(
                        format!("{at}.id"),
                        format!(
                            "The factor `{id}` does not exist. Use one of {}.",
                            list(g.factors.items.iter().map(|f| f.id.as_str()))
                        ),
                    ),
                    Some(factor) => {
                        let options: Vec<&str> =
                            factor.options.iter().map(|o| o.id.as_str()).collect();
                        self.names(&at, is, &options, &format!("answer of `{id}`"));
                    }
                }
            }
            Rule::Goal { id, is } => {
                let at = format!("{at}.goal");
                if !g.goals.items.iter().any(|i| i.id == *id) {
                    self.error(
                        format!("{at}.id"),
                        format!(
                            "The goal `{id}` does not exist. Use one of {}.",
                            list(g.goals.items.iter().map(|i| i.id.as_str()))
                        ),
                    );
                }
                self.names(&at, is, &Rating::ALL.map(Rating::id), "rating");
            }
            Rule::Treatment { id, is } => {
                let at = format!("{at}.treatment");
                let known: Vec<&str> = g
                    .treatments
                    .items
                    .iter()
                    .map(|i| i.id.as_str())
                    .chain(EXTRA_TREATMENTS)
                    .collect();
                if !known.contains(&id.as_str()) {
                    self.error(
                        format!("{at}.id"),
                        format!(
                            "The treatment `{id}` does not exist. Use one of {}.",
                            list(known.iter().copied())
                        ),
                    );
                }
                self.names(&at, is, &Mark::ALL.map(Mark::id), "mark");
            }
            Rule::All(parts) | Rule::Any(parts) => {
                let kind = if matches!(rule, Rule::All(_)) {
                    "all"
                } else {
                    "any"
                };
                if parts.is_empty() {
                    self.error(
                        format!("{at}.{kind}"),
                        format!(
                            "This `{kind}` list is empty, so it never holds. Add rules to \
                             it, or remove it."
                        ),
                    );
                }
                for (k, part) in parts.iter().enumerate() {
                    self.rule(part, &format!("{at}.{kind}[{k}]"));
                }
            }
        }
    }

    /// Checks the `is` list of a rule against the values it may name.
    fn names(&mut self, at: &str, is: &[String], known: &[&str], what: &str) {
        if is.is_empty() {
            self.error(
                format!("{at}.is"),
                "This `is` list is empty, so the rule never holds. Name at least one answer.",
            );
        }
        for (j, value) in is.iter().enumerate() {
            if !known.contains(&value.as_str()) {
                self.error(
                    format!("{at}.is[{j}]"),
                    format!(
                        "`{value}` is not a known {what}. Use one of {}.",
                        list(known.iter().copied())
                    ),
                );
            }
        }
    }

    fn guide(&mut self) {
        let g = &self.pack.guide;
        self.fixed(
            "goal",
            "guide.goals.items",
            &FIXED_GOALS,
            &g.goals.items,
            |i| &i.id,
        );
        self.fixed(
            "factor",
            "guide.factors.items",
            &FIXED_FACTORS,
            &g.factors.items,
            |f| &f.id,
        );
        self.fixed(
            "treatment",
            "guide.treatments.items",
            &FIXED_TREATMENTS,
            &g.treatments.items,
            |i| &i.id,
        );
        for (i, factor) in g.factors.items.iter().enumerate() {
            let at = format!("guide.factors.items[{i}]");
            for (_, option) in MIGRATED_ANSWERS.iter().filter(|(f, _)| *f == factor.id) {
                if !factor.options.iter().any(|o| o.id == *option) {
                    self.error(
                        format!("{at}.options"),
                        format!(
                            "The factor `{}` has no answer `{option}`. Saved lists from before \
                             \"grew on\" was its own question are moved into it; add it.",
                            factor.id
                        ),
                    );
                }
            }
            if !factor.options.iter().any(|o| o.id == "not_sure") {
                self.error(
                    format!("{at}.options"),
                    format!(
                        "The factor `{}` has no `not_sure` answer. Every factor needs one, so \
                         nobody has to guess.",
                        factor.id
                    ),
                );
            }
            if !factor.reason.contains("{answer}") {
                self.warning(
                    format!("{at}.reason"),
                    "This reason has no {answer}, so it cannot say what the person chose. Add \
                     {answer} where the answer goes.",
                );
            }
        }
    }

    fn fixed<T>(
        &mut self,
        what: &str,
        at: &str,
        fixed: &[&str],
        items: &[T],
        id: impl Fn(&T) -> &String,
    ) {
        for wanted in fixed {
            if !items.iter().any(|item| id(item) == wanted) {
                self.error(
                    at,
                    format!(
                        "The {what} `{wanted}` is missing. The code relies on the {what} ids {}; \
                         add it.",
                        list(fixed.iter().copied())
                    ),
                );
            }
        }
    }

    fn readiness(&mut self) {
        let p = self.pack;
        self.fixed(
            "readiness item",
            "readiness",
            &FIXED_READINESS,
            &p.readiness,
            |r| &r.id,
        );
        for (i, item) in p.readiness.iter().enumerate() {
            self.cites(
                &format!("readiness[{i}].sources"),
                "readiness item",
                &item.sources,
            );
            for (j, id) in item.helps.iter().enumerate() {
                if p.question(id).is_none() {
                    self.error(
                        format!("readiness[{i}].helps[{j}]"),
                        format!("There is no question `{id}`. Name a question id from questions."),
                    );
                }
            }
        }
    }

    fn ui(&mut self) {
        let ui = &self.pack.ui;
        for key in ui_keys::REQUIRED {
            if !ui.contains_key(key) {
                self.error(
                    "ui",
                    format!(
                        "The interface word `{key}` is missing; add it (until then the widget \
                         shows the key itself)."
                    ),
                );
            }
        }
        for key in ui.keys() {
            if !ui_keys::REQUIRED.contains(&key.as_str())
                && !OPTIONAL_UI_KEYS.contains(&key.as_str())
            {
                self.warning(
                    format!("ui.{key}"),
                    format!(
                        "`{key}` is not an interface word the code uses. Check the spelling \
                         against src/content/ui_keys.rs, or remove it."
                    ),
                );
            }
        }
        for (key, needed) in UI_PLACEHOLDERS {
            if let Some(value) = ui.get(key) {
                for name in needed {
                    if !value.contains(&format!("{{{name}}}")) {
                        self.error(
                            format!("ui.{key}"),
                            format!(
                                "This text must contain {{{name}}}, where the code puts it in."
                            ),
                        );
                    }
                }
            }
        }
    }

    fn texts(&mut self) {
        let p = self.pack;
        for text in readability::patient_texts(p) {
            if text.text.trim().is_empty() {
                self.error(
                    text.path,
                    "This text is empty. Write it, or remove the item it belongs to.",
                );
                continue;
            }
            let length = text.text.chars().count();
            let limit = length_limit(text.kind);
            if length > limit {
                self.error(
                    &text.path,
                    format!(
                        "This {} is {length} characters long; the limit is {limit}. Split it, \
                         or say it more simply.",
                        kind_name(text.kind)
                    ),
                );
            }
            self.markup(&text.path, text.text);
        }
        let mut names: Vec<(String, &str)> = Vec::new();
        for (i, term) in p.glossary.iter().enumerate() {
            names.push((format!("glossary[{i}].term"), &term.term));
            for (j, form) in term.forms.iter().enumerate() {
                names.push((format!("glossary[{i}].forms[{j}]"), form));
            }
        }
        for (i, source) in p.meta.sources.iter().enumerate() {
            names.push((format!("meta.sources[{i}].org"), &source.org));
            names.push((format!("meta.sources[{i}].title"), &source.title));
        }
        for (path, text) in names {
            if text.trim().is_empty() {
                self.error(path, "This is empty. Write it, or remove the item.");
            } else {
                self.markup(&path, text);
            }
        }
        for (path, text) in every_string(p) {
            if let Some((at, c, what)) = hidden_character(text) {
                self.error(
                    path,
                    format!(
                        "This text holds an invisible character (U+{:04X}, {what}) at character \
                         {}. It can hide or reorder text; delete it.",
                        c as u32,
                        at + 1
                    ),
                );
            }
        }
    }

    /// Reports text that looks like HTML.
    fn markup(&mut self, path: &str, text: &str) {
        let chars: Vec<char> = text.chars().collect();
        let found = chars
            .windows(2)
            .position(|w| w[0] == '<' && (w[1].is_alphabetic() || w[1] == '/' || w[1] == '!'));
        if let Some(at) = found {
            let snippet: String = chars[at..].iter().take(12).collect();
            self.error(
                path,
                format!(
                    "This text contains \"{snippet}\", which looks like HTML. Packs are shown as \
                     plain text, so write it without angle brackets."
                ),
            );
        }
    }

    fn readability(&mut self) {
        let report = readability::pack_report(self.pack);
        let advice = "Use shorter sentences and shorter words, or add an unavoidable medical \
                      word to the glossary.";
        for (path, grade) in &report.scores {
            if *grade > MAX_GRADE {
                self.warning(
                    path,
                    format!(
                        "This reads at grade {grade:.1}; the limit is {MAX_GRADE:.0}. {advice}"
                    ),
                );
            }
        }
        if report.pooled_labels.grade > MAX_GRADE {
            self.warning(
                readability::POOLED_LABELS,
                format!(
                    "The short labels together read at grade {:.1}; the limit is {MAX_GRADE:.0}. \
                     Use shorter words in titles, buttons and answers.",
                    report.pooled_labels.grade
                ),
            );
        }
        if report.median > MAX_MEDIAN_GRADE {
            self.warning(
                "(whole pack)",
                format!(
                    "The median string reads at grade {:.1}; it should be at most \
                     {MAX_MEDIAN_GRADE:.0}. \
                     The hardest is {} at {:.1}. {advice}",
                    report.median, report.max.0, report.max.1
                ),
            );
        }
    }

    /// Checks that this pack has exactly the ids of the reference pack, and
    /// the same tailoring.
    fn translation(&mut self, reference: &Pack) {
        let p = self.pack;
        let (g, rg) = (&p.guide, &reference.guide);
        self.same_ids(
            "question",
            "questions",
            ids(&p.questions, "questions", |q| &q.id),
            ids(&reference.questions, "", |q| &q.id),
        );
        self.same_ids(
            "topic",
            "topics",
            ids(&p.topics, "topics", |t| &t.id),
            ids(&reference.topics, "", |t| &t.id),
        );
        self.same_ids(
            "glossary term",
            "glossary",
            ids(&p.glossary, "glossary", |t| &t.id),
            ids(&reference.glossary, "", |t| &t.id),
        );
        self.same_ids(
            "readiness item",
            "readiness",
            ids(&p.readiness, "readiness", |r| &r.id),
            ids(&reference.readiness, "", |r| &r.id),
        );
        self.same_ids(
            "source",
            "meta.sources",
            ids(&p.meta.sources, "meta.sources", |s| &s.id),
            ids(&reference.meta.sources, "", |s| &s.id),
        );
        self.same_ids(
            "goal",
            "guide.goals.items",
            ids(&g.goals.items, "guide.goals.items", |i| &i.id),
            ids(&rg.goals.items, "", |i| &i.id),
        );
        self.same_ids(
            "treatment",
            "guide.treatments.items",
            ids(&g.treatments.items, "guide.treatments.items", |i| &i.id),
            ids(&rg.treatments.items, "", |i| &i.id),
        );
        self.same_ids(
            "factor",
            "guide.factors.items",
            ids(&g.factors.items, "guide.factors.items", |f| &f.id),
            ids(&rg.factors.items, "", |f| &f.id),
        );
        self.same_ids(
            "living topic",
            "guide.living.items",
            ids(&g.living.items, "guide.living.items", |i| &i.id),
            ids(&rg.living.items, "", |i| &i.id),
        );
        let (signs, theirs) = (g.urgent.signs.len(), rg.urgent.signs.len());
        if signs != theirs {
            self.error(
                "guide.urgent.signs",
                format!(
                    "This pack lists {signs} warning signs and the reference pack {theirs}. \
                     Translate every sign, one for one."
                ),
            );
        }
        self.same_ids(
            "interface word",
            "ui",
            p.ui.keys()
                .map(|k| (format!("ui.{k}"), k.as_str()))
                .collect(),
            reference
                .ui
                .keys()
                .map(|k| (String::new(), k.as_str()))
                .collect(),
        );

        for (i, factor) in g.factors.items.iter().enumerate() {
            let Some(theirs) = reference.factor(&factor.id) else {
                continue;
            };
            let at = format!("guide.factors.items[{i}]");
            self.same_ids(
                &format!("answer of `{}`", factor.id),
                &format!("{at}.options"),
                ids(&factor.options, &format!("{at}.options"), |o| &o.id),
                ids(&theirs.options, "", |o| &o.id),
            );
            if factor.multiple != theirs.multiple {
                self.error(
                    format!("{at}.multiple"),
                    "This differs from the reference pack. Whether several answers may be \
                     chosen must be the same in every language.",
                );
            }
            self.same_placeholders(&format!("{at}.reason"), &factor.reason, &theirs.reason);
        }
        for (key, value) in &p.ui {
            if let Some(theirs) = reference.ui.get(key) {
                self.same_placeholders(&format!("ui.{key}"), value, theirs);
            }
        }
        for (i, q) in p.questions.iter().enumerate() {
            let Some(theirs) = reference.question(&q.id) else {
                continue;
            };
            let at = format!("questions[{i}]");
            let same = "must be the same in every language, so everyone is offered the same \
                        questions. Copy it from the reference pack.";
            if q.topic != theirs.topic {
                self.error(
                    format!("{at}.topic"),
                    format!(
                        "The topic is `{}` here but `{}` in the reference pack; it {same}",
                        q.topic, theirs.topic
                    ),
                );
            }
            if q.sensitive != theirs.sensitive {
                self.error(
                    format!("{at}.sensitive"),
                    format!("`sensitive` differs from the reference pack; it {same}"),
                );
            }
            if q.rule != theirs.rule {
                self.error(
                    format!("{at}.rule"),
                    format!("The rule differs from the reference pack; it {same}"),
                );
            }
        }
        for (i, item) in p.readiness.iter().enumerate() {
            let theirs = reference.readiness.iter().find(|r| r.id == item.id);
            if theirs.is_some_and(|t| t.helps != item.helps) {
                self.error(
                    format!("readiness[{i}].helps"),
                    "This list differs from the reference pack; it must be the same in every \
                     language. Copy it from the reference pack.",
                );
            }
        }
    }

    /// Reports ids the reference has and this pack lacks (at `list_path`),
    /// and ids this pack has that the reference lacks (at the item).
    fn same_ids(
        &mut self,
        what: &str,
        list_path: &str,
        ours: Vec<(String, &str)>,
        theirs: Vec<(String, &str)>,
    ) {
        for (_, id) in &theirs {
            if !ours.iter().any(|(_, o)| o == id) {
                self.error(
                    list_path,
                    format!(
                        "Missing translation: the {what} `{id}` is in the reference pack but not \
                         in this one. Translate it and add it, with the same id."
                    ),
                );
            }
        }
        for (path, id) in &ours {
            if !theirs.iter().any(|(_, t)| t == id) {
                self.error(
                    path,
                    format!(
                        "The {what} `{id}` is not in the reference pack. Use the reference's id, \
                         or add it to the reference pack first."
                    ),
                );
            }
        }
    }

    fn same_placeholders(&mut self, path: &str, ours: &str, theirs: &str) {
        let (a, b) = (placeholders(ours), placeholders(theirs));
        if a != b {
            self.error(
                path,
                format!(
                    "This text uses the placeholders {} but the reference pack uses {}. Use the \
                     same {{names}}, untranslated.",
                    braces(&a),
                    braces(&b)
                ),
            );
        }
    }
}

/// `(path, id)` for each item of a list.
fn ids<'p, T>(
    items: &'p [T],
    at: &str,
    id: impl Fn(&'p T) -> &'p String,
) -> Vec<(String, &'p str)> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (format!("{at}[{i}].id"), id(item).as_str()))
        .collect()
}

/// "`a`, `b`, `c`"
fn list<'s>(ids: impl Iterator<Item = &'s str>) -> String {
    let names: Vec<String> = ids.map(|id| format!("`{id}`")).collect();
    if names.is_empty() {
        "(none yet)".to_owned()
    } else {
        names.join(", ")
    }
}

fn braces(names: &BTreeSet<String>) -> String {
    if names.is_empty() {
        return "none".to_owned();
    }
    let names: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
    names.join(", ")
}

/// The `{names}` in a template.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            let name = &rest[..close];
            if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                found.insert(name.to_owned());
            }
        }
    }
    found
}

fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// The same day one year later ("2026-11-30" to "2027-11-30"), for
/// comparing ISO dates as text. 29 February gives 29 February, which
/// compares just after the 28th.
fn one_year_after(date: &str) -> String {
    let year: u32 = date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    format!("{:04}{}", year + 1, date.get(4..).unwrap_or_default())
}

/// The ISO date of a day counted from 1970-01-01 (day 0), in the
/// proleptic Gregorian calendar (H. Hinnant's `civil_from_days`).
pub fn iso_date(days_since_1970: i64) -> String {
    let z = days_since_1970 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn is_https(url: &str) -> bool {
    url.strip_prefix("https://").is_some_and(|rest| {
        rest.split('/')
            .next()
            .is_some_and(|host| host.contains('.'))
    }) && !url.chars().any(char::is_whitespace)
}

/// Whether a source list must have at least one id.
#[derive(Clone, Copy)]
enum Citation {
    Required,
    Optional,
}

/// Every string in a pack, ids and citations included, with its path.
fn every_string(pack: &Pack) -> Vec<(String, &str)> {
    let mut all: Vec<(String, &str)> = readability::patient_texts(pack)
        .into_iter()
        .map(|t| (t.path, t.text))
        .collect();
    all.push(("lang".to_owned(), &pack.lang));
    all.push(("meta.last_reviewed".to_owned(), &pack.meta.last_reviewed));
    all.push(("meta.review_by".to_owned(), &pack.meta.review_by));
    for (i, p) in pack.meta.publishers.iter().enumerate() {
        all.push((format!("meta.publishers[{i}]"), p));
    }
    for (i, s) in pack.meta.sources.iter().enumerate() {
        let at = format!("meta.sources[{i}]");
        all.push((format!("{at}.id"), &s.id));
        all.push((format!("{at}.org"), &s.org));
        all.push((format!("{at}.title"), &s.title));
        if let Some(url) = &s.url {
            all.push((format!("{at}.url"), url));
        }
        if let Some(checked) = &s.checked {
            all.push((format!("{at}.checked"), checked));
        }
    }
    for key in pack.ui.keys() {
        all.push((format!("ui.{key}"), key));
    }
    let g = &pack.guide;
    for (name, items) in [
        ("goals", &g.goals.items),
        ("treatments", &g.treatments.items),
        ("living", &g.living.items),
    ] {
        all.extend(ids(items, &format!("guide.{name}.items"), |i| &i.id));
    }
    all.extend(ids(&g.factors.items, "guide.factors.items", |f| &f.id));
    for (i, f) in g.factors.items.iter().enumerate() {
        all.extend(ids(
            &f.options,
            &format!("guide.factors.items[{i}].options"),
            |o| &o.id,
        ));
    }
    for (path, sources) in pack.citations() {
        for (j, s) in sources.iter().enumerate() {
            all.push((format!("{path}[{j}]"), s));
        }
    }
    all.extend(ids(&pack.topics, "topics", |t| &t.id));
    for (i, q) in pack.questions.iter().enumerate() {
        let at = format!("questions[{i}]");
        all.push((format!("{at}.id"), &q.id));
        all.push((format!("{at}.topic"), &q.topic));
    }
    for (i, t) in pack.glossary.iter().enumerate() {
        let at = format!("glossary[{i}]");
        all.push((format!("{at}.id"), &t.id));
        all.push((format!("{at}.term"), &t.term));
        for (j, form) in t.forms.iter().enumerate() {
            all.push((format!("{at}.forms[{j}]"), form));
        }
    }
    for (i, r) in pack.readiness.iter().enumerate() {
        all.push((format!("readiness[{i}].id"), &r.id));
        for (j, h) in r.helps.iter().enumerate() {
            all.push((format!("readiness[{i}].helps[{j}]"), h));
        }
    }
    all
}

/// The first character that hides or reorders text: its position (in
/// characters), the character, and what it is.
fn hidden_character(text: &str) -> Option<(usize, char, &'static str)> {
    text.chars().enumerate().find_map(|(i, c)| {
        let what = match c {
            '\n' | '\r' => "a line break; use a separate paragraph instead",
            c if c.is_control() => "a control character",
            '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}' => "a right-to-left or left-to-right override",
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => "a zero-width character",
            _ => return None,
        };
        Some((i, c, what))
    })
}

/// Checks pack text as an editor wrote it: JSON, shape, format version,
/// keys written twice, then everything `validate_pack` checks.
/// `file_name` starts the `file:line:col` locations.
#[cfg(not(target_arch = "wasm32"))]
pub fn validate_text(file_name: &str, text: &str, reference: Option<&Pack>) -> Vec<Problem> {
    validate_text_with(
        file_name,
        text,
        &Options {
            reference,
            ..Options::default()
        },
    )
}

/// `validate_text`, checking the pack as `options` say.
#[cfg(not(target_arch = "wasm32"))]
pub fn validate_text_with(file_name: &str, text: &str, options: &Options) -> Vec<Problem> {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return vec![parse_problem(file_name, &e)],
    };
    if let Some(schema) = value.get("schema") {
        if schema.as_u64() != Some(u64::from(PACK_SCHEMA)) {
            return vec![Problem::error(
                "schema",
                format!(
                    "The pack says format version {schema}, but this build reads version \
                     {PACK_SCHEMA}. Set \"schema\": {PACK_SCHEMA}, and check the pack against \
                     docs/CONTENT.md."
                ),
            )];
        }
    }
    let mut problems: Vec<Problem> = json_map::scan(text)
        .duplicates
        .into_iter()
        .map(|(path, line, col)| {
            Problem::error(
                format!("{file_name}:{line}:{col}"),
                format!(
                    "The key `{}` is written twice in the same object ({path}); only the last \
                     one would count. Keep one.",
                    path.rsplit(['.', '[']).next().unwrap_or(&path)
                ),
            )
        })
        .collect();
    match serde_json::from_str::<Pack>(text) {
        Ok(pack) => problems.extend(validate_pack_with(&pack, options)),
        Err(e) => problems.push(parse_problem(file_name, &e)),
    }
    problems
}

/// The line and column (both from 1) where the value at a JSON path starts,
/// for pointing an editor at a problem.
#[cfg(not(target_arch = "wasm32"))]
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    locations(text).remove(path)
}

/// Where every value of JSON text starts, by JSON path: `locate` for many
/// paths at once.
#[cfg(not(target_arch = "wasm32"))]
pub fn locations(text: &str) -> BTreeMap<String, (usize, usize)> {
    let mut map = BTreeMap::new();
    for (path, line, col) in json_map::scan(text).starts {
        map.entry(path).or_insert((line, col));
    }
    map
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_problem(file_name: &str, e: &serde_json::Error) -> Problem {
    use serde_json::error::Category;
    let full = e.to_string();
    let what = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(what, _)| what);
    let message = match e.classify() {
        Category::Syntax | Category::Eof => format!(
            "This is not valid JSON ({what}). Look here and just before for a missing comma, \
             quote or bracket."
        ),
        Category::Data => describe_shape(what),
        Category::Io => what.to_owned(),
    };
    Problem::error(format!("{file_name}:{}:{}", e.line(), e.column()), message)
}

/// serde's words for a shape problem, as a sentence an editor can act on.
#[cfg(not(target_arch = "wasm32"))]
fn describe_shape(what: &str) -> String {
    let named = |prefix: &str| -> Option<(String, String)> {
        let rest = what.strip_prefix(prefix)?;
        let (name, rest) = rest.split_once('`')?;
        let allowed = rest
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .trim_start_matches(", ");
        Some((name.to_owned(), allowed.to_owned()))
    };
    if let Some((field, allowed)) = named("unknown field `") {
        if allowed.starts_with("there are no") {
            return format!("Unknown field `{field}`: no fields are allowed here. Remove it.");
        }
        return format!(
            "Unknown field `{field}`. The fields allowed here are {allowed}. Check the spelling, \
             or remove it."
        );
    }
    if let Some((variant, allowed)) = named("unknown variant `") {
        return format!(
            "Unknown rule `{variant}`. A rule is one of {allowed} (see docs/CONTENT.md)."
        );
    }
    if let Some((field, _)) = named("missing field `") {
        return format!("The field `{field}` is missing here. Add it (see docs/CONTENT.md).");
    }
    if let Some((field, _)) = named("duplicate field `") {
        return format!("The field `{field}` is written twice here. Keep one.");
    }
    if let Some(rest) = what.strip_prefix("invalid type: ") {
        return format!("Wrong kind of value: {rest}.");
    }
    format!("This is not the shape of a pack: {what}.")
}

/// A map from JSON paths to where their values start, and the object keys
/// written twice. serde_json keeps neither, and a key written twice in
/// `ui` would silently drop a translation.
#[cfg(not(target_arch = "wasm32"))]
mod json_map {
    pub struct Map {
        /// `(path, line, column)` of every value.
        pub starts: Vec<(String, usize, usize)>,
        /// `(path, line, column)` of every key seen before in its object.
        pub duplicates: Vec<(String, usize, usize)>,
    }

    /// Scans JSON text. Text that is not JSON gives a partial map, never a
    /// panic.
    pub fn scan(text: &str) -> Map {
        let mut scanner = Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            map: Map {
                starts: Vec::new(),
                duplicates: Vec::new(),
            },
        };
        scanner.value(String::new(), 0);
        scanner.map
    }

    struct Scanner<'t> {
        text: &'t str,
        bytes: &'t [u8],
        pos: usize,
        map: Map,
    }

    impl Scanner<'_> {
        fn peek(&self) -> Option<u8> {
            self.bytes.get(self.pos).copied()
        }

        fn skip_space(&mut self) {
            while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
                self.pos += 1;
            }
        }

        fn line_col(&self, pos: usize) -> (usize, usize) {
            let before = self.text.get(..pos).unwrap_or(self.text);
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, col)
        }

        /// Skips a string and returns its raw contents.
        fn string(&mut self) -> &str {
            let start = self.pos + 1;
            self.pos += 1;
            while let Some(b) = self.peek() {
                self.pos += 1;
                match b {
                    b'\\' => self.pos += 1,
                    b'"' => break,
                    _ => {}
                }
            }
            self.text
                .get(start..self.pos.saturating_sub(1))
                .unwrap_or_default()
        }

        fn value(&mut self, path: String, depth: usize) {
            self.skip_space();
            let (line, col) = self.line_col(self.pos);
            self.map.starts.push((path.clone(), line, col));
            if depth > 64 {
                return;
            }
            match self.peek() {
                Some(b'{') => {
                    self.pos += 1;
                    let mut keys = std::collections::BTreeSet::new();
                    loop {
                        self.skip_space();
                        match self.peek() {
                            Some(b'"') => {}
                            Some(b'}') => {
                                self.pos += 1;
                                return;
                            }
                            _ => return,
                        }
                        let key_at = self.line_col(self.pos);
                        let raw = self.string().to_owned();
                        let key =
                            serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or(raw);
                        let child = if path.is_empty() {
                            key.clone()
                        } else {
                            format!("{path}.{key}")
                        };
                        if !keys.insert(key) {
                            self.map
                                .duplicates
                                .push((child.clone(), key_at.0, key_at.1));
                        }
                        self.skip_space();
                        if self.peek() != Some(b':') {
                            return;
                        }
                        self.pos += 1;
                        self.value(child, depth + 1);
                        self.skip_space();
                        if self.peek() == Some(b',') {
                            self.pos += 1;
                        }
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    let mut index = 0;
                    loop {
                        self.skip_space();
                        match self.peek() {
                            Some(b']') => {
                                self.pos += 1;
                                return;
                            }
                            None => return,
                            _ => {}
                        }
                        let before = self.pos;
                        self.value(format!("{path}[{index}]"), depth + 1);
                        index += 1;
                        self.skip_space();
                        if self.peek() == Some(b',') {
                            self.pos += 1;
                        } else if self.pos == before {
                            return;
                        }
                    }
                }
                Some(b'"') => {
                    self.string();
                }
                Some(_) => {
                    while self.peek().is_some_and(|b| {
                        !matches!(b, b',' | b']' | b'}') && !b.is_ascii_whitespace()
                    }) {
                        self.pos += 1;
                    }
                }
                None => {}
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_the_names_in_braces() {
        let found = placeholders("Step {step} of {total}, {not a name} {}");
        assert_eq!(found.into_iter().collect::<Vec<_>>(), ["step", "total"]);
    }

    #[test]
    fn iso_dates_have_four_two_two_digits() {
        assert!(is_iso_date("2026-11-29"));
        assert!(!is_iso_date("29/11/2026"));
        assert!(!is_iso_date("2026-1-29"));
    }

    #[test]
    fn hidden_characters_are_found_with_their_position() {
        assert_eq!(hidden_character("plain text"), None);
        let (at, c, _) = hidden_character("ab\u{202E}c").unwrap();
        assert_eq!((at, c), (2, '\u{202E}'));
        assert!(hidden_character("zero\u{200B}width").is_some());
        assert!(hidden_character("tab\there").is_some());
    }

    #[test]
    fn the_json_map_finds_paths_lines_and_repeated_keys() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"a\": 2\n}";
        let map = json_map::scan(text);
        assert!(map.starts.contains(&("a[1].b".to_owned(), 2, 18)));
        assert_eq!(map.duplicates, [("a".to_owned(), 3, 3)]);
        assert_eq!(locate(text, "a[0]"), Some((2, 9)));
    }

    #[test]
    fn the_json_map_survives_broken_text() {
        for text in ["", "{", "{\"a\"", "[1,", "{\"a\": [}", "\"unterminated"] {
            let _ = json_map::scan(text);
        }
    }

    #[test]
    fn unknown_fields_are_named_with_the_allowed_ones() {
        let message =
            describe_shape("unknown field `priority`, expected one of `id`, `topic`, `text`");
        assert!(message.contains("`priority`"));
        assert!(message.contains("`id`, `topic`, `text`"));
    }
}
