//! Content packs: the built-in English and Spanish packs, loading and
//! checking them, and looking things up in them.
//!
//! The packs are data files in `content/`. build.rs turns them into compact
//! postcard bytes, so the widget carries no JSON parser for them (`read`
//! reads them back, by hand: no serde in the wasm). The wasm
//! holds the English pack, so the widget starts with no request; the Spanish
//! pack is a file of the build (`Lang::pack_file`) fetched the first time
//! someone picks Spanish, and kept by the service worker for offline use.
//! Native builds (tests, tools, the prerender) hold every pack.

pub mod glossary;
pub mod model;
pub mod read;
pub mod readability;
#[cfg(not(target_arch = "wasm32"))]
pub mod review_sheet;
pub mod ui_keys;
pub mod validate;

pub use model::*;

use std::fmt;

/// The languages we ship a complete pack for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// "Loading Spanish…", said in the language being loaded, before its
    /// pack is at hand: these few sentences are built in.
    pub fn loading_notice(self) -> &'static str {
        match self {
            Lang::En => "Loading English…",
            Lang::Es => "Cargando la guía en español…",
        }
    }

    /// The language's pack could not be fetched, said in that language.
    pub fn failed_notice(self) -> &'static str {
        match self {
            Lang::En => "The guide in English could not be loaded. Check that you are online, then choose English again.",
            Lang::Es => "No se pudo cargar la guía en español. Revise que tiene conexión a internet y vuelva a elegir Español.",
        }
    }

    /// Reads a host's `lang` value ("es", "es-MX", "EN"). `None` for a
    /// language we have no pack for.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// Whether this language's pack is compiled in. The wasm holds English
    /// only: each other language costs every visitor about 12.7 KB gzip
    /// (measured when Spanish left the wasm, commit 339f69b), and only those
    /// who pick it need it.
    pub fn embedded(self) -> bool {
        self == Lang::En || cfg!(not(target_arch = "wasm32"))
    }

    /// The name of this language's compiled pack file in a build, next to
    /// the wasm. The name holds a hash of the bytes (see build.rs).
    pub fn pack_file(self) -> &'static str {
        match self {
            Lang::En => env!("MBC_PACK_FILE_EN"),
            Lang::Es => env!("MBC_PACK_FILE_ES"),
        }
    }

    /// The built-in pack, as postcard bytes made by build.rs from
    /// `content/<lang>.json`. Empty for a pack the wasm does not hold.
    fn builtin_bytes(self) -> &'static [u8] {
        match self {
            Lang::En => include_bytes!(concat!(env!("OUT_DIR"), "/en.pack")),
            #[cfg(not(target_arch = "wasm32"))]
            Lang::Es => include_bytes!(concat!(env!("OUT_DIR"), "/es.pack")),
            #[cfg(target_arch = "wasm32")]
            Lang::Es => &[],
        }
    }

    /// The built-in pack as the file `mbc-postbuild` writes for the build
    /// (`PACK_MAGIC`, then postcard), or `None` when it did not parse at
    /// build time. Native only: the wasm fetches these files.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn compiled_pack_file(self) -> Option<Vec<u8>> {
        let body = self.builtin_bytes();
        (!body.is_empty()).then(|| pack_file(body))
    }
}

/// Why a pack could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The text is not JSON of the pack's shape.
    Parse(String),
    /// A pack of a format version this build does not know.
    Schema(u32),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Parse(e) => write!(f, "the content pack is not valid: {e}"),
            LoadError::Schema(v) => write!(
                f,
                "the content pack has format version {v}, but this widget reads version {PACK_SCHEMA}"
            ),
        }
    }
}

/// Parses pack text (JSON) and checks its format version. Native only for
/// now: the built-in packs reach the wasm as postcard bytes.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Pack, LoadError> {
    let pack: Pack = serde_json::from_str(text).map_err(|e| LoadError::Parse(e.to_string()))?;
    if pack.schema != PACK_SCHEMA {
        return Err(LoadError::Schema(pack.schema));
    }
    Ok(pack)
}

/// The built-in pack for a language.
pub fn builtin(lang: Lang) -> Result<Pack, LoadError> {
    let bytes = lang.builtin_bytes();
    if bytes.is_empty() {
        return Err(LoadError::Parse(format!(
            "content/{}.json did not parse when this was built",
            lang.code()
        )));
    }
    let pack = read::pack(bytes).map_err(|e| LoadError::Parse(e.to_string()))?;
    if pack.schema != PACK_SCHEMA {
        return Err(LoadError::Schema(pack.schema));
    }
    Ok(pack)
}

/// Replaces `{name}` placeholders in a template. Unknown placeholders stay
/// as written, so a mistake in a pack shows up as text, never as a panic.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

impl Pack {
    /// Every form of every glossary term with its term's index, longest
    /// first: what `glossary::segments_with` looks for. Worked out once per
    /// pack, not once per paragraph.
    pub fn glossary_forms(&self) -> &[(String, usize)] {
        self.glossary_forms
            .0
            .get_or_init(|| glossary::forms(&self.glossary))
    }

    /// An interface word. A missing key shows the key itself rather than
    /// failing; the validator and tests make sure that never ships. In debug
    /// builds (every test) a key outside `ui_keys::REQUIRED` panics, so a key
    /// the packs need not have is caught wherever a test reaches it
    /// (tests/ui_keys.rs).
    pub fn ui<'a>(&'a self, key: &'a str) -> &'a str {
        debug_assert!(
            ui_keys::REQUIRED.contains(&key),
            "interface key {key:?} is not in ui_keys::REQUIRED"
        );
        self.ui.get(key).map(String::as_str).unwrap_or(key)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    pub fn factor(&self, id: &str) -> Option<&Factor> {
        self.guide.factors.items.iter().find(|f| f.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.meta.sources.iter().find(|s| s.id == id)
    }

    /// What to tell the host, in the console, when `today` (an ISO date) is
    /// after the pack's `review_by`: the content may be out of date. `None`
    /// while the review is not due, or when the pack gives no date. People
    /// using the widget see nothing of this.
    pub fn review_overdue(&self, today: &str) -> Option<String> {
        let by = self.meta.review_by.trim();
        (!by.is_empty() && today > by).then(|| {
            format!(
                "mbc-guide: the {} content was due for clinical review by {by} (last reviewed \
                 {}). Ask for an updated content pack, or have your own pack reviewed and its \
                 dates updated.",
                self.lang, self.meta.last_reviewed
            )
        })
    }

    /// The title of a goal or treatment item, or of step 3's extra items.
    pub fn item_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.guide
            .goals
            .items
            .iter()
            .chain(self.guide.treatments.items.iter())
            .find(|i| i.id == id)
            .map(|i| i.title.as_str())
            .unwrap_or_else(|| match crate::answers::extra_treatment_keys(id) {
                Some((title, _)) => self.ui(title),
                None => id,
            })
    }
}

/// The packs at hand, one per language, parsed once and shared. English is
/// always there; another language is there once its pack is fetched (in the
/// wasm) or from the start (native builds).
#[derive(Debug)]
pub struct Library {
    en: std::rc::Rc<Pack>,
    es: Option<std::rc::Rc<Pack>>,
}

impl Library {
    /// Parses the built-in packs. An error here is a build defect, which the
    /// native tests catch before any release.
    pub fn builtin() -> Result<Library, LoadError> {
        let es = if Lang::Es.embedded() {
            Some(std::rc::Rc::new(builtin(Lang::Es)?))
        } else {
            None
        };
        Ok(Library {
            en: std::rc::Rc::new(builtin(Lang::En)?),
            es,
        })
    }

    /// This language's pack, if it is at hand.
    pub fn pack(&self, lang: Lang) -> Option<std::rc::Rc<Pack>> {
        match lang {
            Lang::En => Some(self.en.clone()),
            Lang::Es => self.es.clone(),
        }
    }

    /// This language's pack, or English while it is not at hand.
    pub fn pack_or_english(&self, lang: Lang) -> std::rc::Rc<Pack> {
        self.pack(lang).unwrap_or_else(|| self.en.clone())
    }

    /// This library without a language's pack, as the wasm starts (tests use
    /// it for the fetch-on-demand path). English stays.
    pub fn without(&self, lang: Lang) -> Library {
        Library {
            en: self.en.clone(),
            es: self.es.clone().filter(|_| lang != Lang::Es),
        }
    }
}

impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &Option<std::rc::Rc<Pack>>, b: &Option<std::rc::Rc<Pack>>| match (a, b) {
            (Some(a), Some(b)) => std::rc::Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        std::rc::Rc::ptr_eq(&self.en, &other.en) && same(&self.es, &other.es)
    }
}

/// The first bytes of a compiled pack file (`mbc-validate-pack --compile`);
/// the byte after them is the file's pack format (`PACK_FORMAT`).
pub const PACK_MAGIC: &[u8] = b"mbc-pack";

/// The pack format of compiled files: the layout of `model::Pack` in
/// postcard, which is positional, so any change to the model's fields makes
/// older files unreadable. Such a change goes in `read::pack` too, which
/// reads the layout by hand (`tests/pack_reader.rs` compares it with
/// postcard's own reader). Bump it with such a change: a widget then names both formats
/// and the command to run, instead of calling the hospital's file damaged.
/// (A pack without an interface word added since is refused naming the
/// word and the command; that needs no bump.) Every file compiled so far
/// carries 1. `tests/hospital_pack.rs` reads a format-1 file kept in
/// `tests/fixtures/packs/`, so a change to the model without a bump fails
/// there.
pub const PACK_FORMAT: u8 = 1;

/// The command that compiles a pack, named wherever one is refused.
pub const COMPILE_COMMAND: &str = "mbc-validate-pack <pack.json> --compile <out.pack>";

/// A pack as the compiled file a hospital serves: `PACK_MAGIC`,
/// `PACK_FORMAT`, then the pack in postcard, the same compact form as the
/// built-in packs. Native only: the wasm reads packs (`read::pack`) and
/// never writes one.
#[cfg(not(target_arch = "wasm32"))]
pub fn compile_pack(pack: &Pack) -> Result<Vec<u8>, String> {
    let body =
        postcard::to_allocvec(pack).map_err(|e| format!("the pack cannot be written: {e}"))?;
    Ok(pack_file(&body))
}

/// `body` (a pack in postcard) as a compiled pack file.
#[cfg(not(target_arch = "wasm32"))]
fn pack_file(body: &[u8]) -> Vec<u8> {
    [PACK_MAGIC, &[PACK_FORMAT], body].concat()
}

/// Reads a compiled content pack file (a hospital's, or one of our own
/// language packs fetched on demand) and refuses it, with a reason,
/// when it is not safe or complete enough to show: too big, not a pack,
/// text with markup, control or direction-override characters, over-long
/// text, or missing interface words or fixed ids. A hospital may add
/// questions of its own.
///
/// Hospitals check and compile their JSON with `mbc-validate-pack`, which
/// refuses to compile a pack with errors; this is the small run-time guard
/// that the file served is still sound. Reading compiled packs keeps a
/// JSON-to-Pack reader out of the wasm.
pub fn read_pack_file(bytes: &[u8]) -> Result<Pack, String> {
    const MAX_PACK_BYTES: usize = 2 << 20;
    if bytes.len() > MAX_PACK_BYTES {
        return Err(format!(
            "the pack is {} bytes; the most we read is {MAX_PACK_BYTES}",
            bytes.len()
        ));
    }
    let (format, body) = bytes
        .strip_prefix(PACK_MAGIC)
        .and_then(<[u8]>::split_first)
        .ok_or_else(|| format!("it is not a compiled pack; make one with `{COMPILE_COMMAND}`"))?;
    if *format != PACK_FORMAT {
        return Err(format!(
            "it was compiled in pack format {format}, and this widget reads pack format {PACK_FORMAT}: \
             compile it from its JSON with this widget's version of `{COMPILE_COMMAND}`"
        ));
    }
    let pack = read::pack(body).map_err(|e| {
        format!("the compiled pack is damaged ({e}); compile it again with `{COMPILE_COMMAND}`")
    })?;
    if pack.schema != PACK_SCHEMA {
        return Err(LoadError::Schema(pack.schema).to_string());
    }
    if Lang::from_code(&pack.lang).is_none() {
        return Err(format!(
            "the pack's lang \"{}\" is not one this widget has (en, es)",
            pack.lang
        ));
    }
    if let Some(key) = ui_keys::REQUIRED.iter().find(|k| !pack.ui.contains_key(k)) {
        return Err(format!(
            "the pack has no interface words for \"{key}\": add them, then `{COMPILE_COMMAND}`"
        ));
    }
    let has = |items: &[Item], ids: &[&str]| ids.iter().all(|id| items.iter().any(|i| i.id == *id));
    let factors_ok = validate::FIXED_FACTORS
        .iter()
        .filter(|id| !validate::NEWER_FACTORS.contains(id))
        .all(|id| {
            pack.factor(id)
                .is_some_and(|f| f.options.iter().any(|o| o.id == "not_sure"))
        });
    if !has(&pack.guide.goals.items, &validate::FIXED_GOALS)
        || !has(&pack.guide.treatments.items, &validate::FIXED_TREATMENTS)
        || !factors_ok
    {
        return Err("the pack lacks a goal, treatment or factor (or a factor's \"not_sure\") that the widget needs".into());
    }
    if let Some(text) = pack.texts().find(|t| !plain(t)) {
        let start: String = text.chars().take(40).collect();
        return Err(format!(
            "a text is not plain (markup, control or invisible direction characters, or over 2,000 characters): \"{start}\""
        ));
    }
    Ok(pack)
}

/// Plain text: no markup, no control or invisible direction characters, at
/// most 2,000 characters.
fn plain(text: &str) -> bool {
    let odd = text.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    });
    let markup = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'));
    !odd && !markup && text.chars().count() <= 2000
}

impl Pack {
    /// The "get help right away" box, if the pack has one (a pack made
    /// before it existed has the empty default).
    pub fn urgent(&self) -> Option<&Urgent> {
        Some(&self.guide.urgent).filter(|u| **u != Urgent::default())
    }

    /// The living-with topics, if the pack has them.
    pub fn living(&self) -> Option<&ItemSection> {
        Some(&self.guide.living).filter(|l| **l != ItemSection::default())
    }

    /// Every list of cited source ids, with its JSON path
    /// (`guide.intro.sources`, `guide.treatments.items[2].sources`,
    /// `questions[5].sources`, `readiness[0].sources`), in pack order.
    pub fn citations(&self) -> Vec<(String, &[String])> {
        let g = &self.guide;
        let mut all: Vec<(String, &[String])> = Vec::new();
        for (name, sources) in [
            ("intro", &g.intro.sources),
            ("urgent", &g.urgent.sources),
            ("goals", &g.goals.sources),
            ("factors", &g.factors.sources),
            ("treatments", &g.treatments.sources),
            ("living", &g.living.sources),
            ("supportive", &g.supportive.sources),
            ("complementary", &g.complementary.sources),
            ("second_opinion", &g.second_opinion.sources),
        ] {
            all.push((format!("guide.{name}.sources"), sources));
        }
        for (name, items) in [
            ("goals", &g.goals.items),
            ("treatments", &g.treatments.items),
            ("living", &g.living.items),
        ] {
            for (i, item) in items.iter().enumerate() {
                all.push((format!("guide.{name}.items[{i}].sources"), &item.sources));
            }
        }
        for (i, q) in self.questions.iter().enumerate() {
            all.push((format!("questions[{i}].sources"), &q.sources));
        }
        for (i, r) in self.readiness.iter().enumerate() {
            all.push((format!("readiness[{i}].sources"), &r.sources));
        }
        all
    }

    /// Every text the pack holds, for checks that apply to all of them.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        let m = &self.meta;
        let g = &self.guide;
        let sections = [&g.intro, &g.supportive, &g.complementary];
        let item_sections = [&g.goals, &g.treatments, &g.living];
        let u = &g.urgent;
        [
            m.title.as_str(),
            &m.tagline,
            &m.disclaimer,
            &m.last_reviewed,
            &m.review_by,
        ]
        .into_iter()
        .chain(m.publishers.iter().map(String::as_str))
        .chain(m.sources.iter().flat_map(|s| {
            [s.id.as_str(), &s.org, &s.title]
                .into_iter()
                .chain(s.url.as_deref())
                .chain(s.checked.as_deref())
        }))
        .chain(self.ui.values().map(String::as_str))
        .chain(sections.into_iter().flat_map(|s| {
            std::iter::once(s.heading.as_str()).chain(s.paragraphs.iter().map(String::as_str))
        }))
        .chain(item_sections.into_iter().flat_map(|s| {
            [s.heading.as_str(), &s.intro]
                .into_iter()
                .chain(s.items.iter().flat_map(|i| {
                    [i.id.as_str(), &i.title, &i.text]
                        .into_iter()
                        .chain(i.when.as_deref())
                }))
        }))
        .chain([g.factors.heading.as_str(), &g.factors.intro])
        .chain(g.factors.items.iter().flat_map(|f| {
            [f.id.as_str(), &f.title, &f.text, &f.reason]
                .into_iter()
                .chain(f.options.iter().flat_map(|o| [o.id.as_str(), &o.label]))
        }))
        .chain(std::iter::once(g.second_opinion.heading.as_str()))
        .chain(
            g.second_opinion
                .paragraphs
                .iter()
                .chain(&g.second_opinion.bring)
                .map(String::as_str),
        )
        .chain(self.topics.iter().flat_map(|t| [t.id.as_str(), &t.title]))
        .chain(
            self.questions
                .iter()
                .flat_map(|q| [q.id.as_str(), &q.topic, &q.text]),
        )
        .chain(self.glossary.iter().flat_map(|t| {
            [t.id.as_str(), &t.term, &t.text]
                .into_iter()
                .chain(t.forms.iter().map(String::as_str))
        }))
        .chain(self.readiness.iter().flat_map(|r| [r.id.as_str(), &r.text]))
        .chain([u.heading.as_str(), &u.intro, &u.action])
        .chain(u.signs.iter().map(String::as_str))
    }
}

impl Library {
    /// This library with `pack` in place of the built-in pack of its language.
    pub fn with_pack(&self, pack: Pack) -> Library {
        let pack = std::rc::Rc::new(pack);
        match Lang::from_code(&pack.lang) {
            Some(Lang::Es) => Library {
                en: self.en.clone(),
                es: Some(pack),
            },
            _ => Library {
                en: pack,
                es: self.es.clone(),
            },
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn pack() -> Pack {
        parse(include_str!(
            "../../tests/fixtures/packs/valid_minimal.json"
        ))
        .expect("the minimal fixture is a valid pack")
    }

    #[test]
    fn the_host_is_told_only_once_the_review_date_has_passed() {
        let mut pack = pack();
        assert_eq!(pack.review_overdue("2027-05-31"), None, "due that day");
        let told = pack.review_overdue("2027-06-01").expect("overdue");
        assert!(
            told.contains("2027-05-31") && told.contains("2026-11-29"),
            "{told}"
        );
        pack.meta.review_by.clear();
        assert_eq!(pack.review_overdue("2099-01-01"), None);
    }

    #[test]
    fn urgent_and_living_are_there_only_when_the_pack_has_them() {
        let mut pack = pack();
        assert!(pack.urgent().is_some() && pack.living().is_some());
        pack.guide.urgent = Urgent::default();
        pack.guide.living = ItemSection::default();
        assert!(pack.urgent().is_none() && pack.living().is_none());
    }
}
