//! Content packs: the built-in English and Spanish packs, loading and
//! checking them, and looking things up in them.
//!
//! The packs are data files in `content/`. build.rs turns them into compact
//! postcard bytes that are compiled into the binary, so the widget works
//! offline with no request and carries no JSON parser for them.

pub mod glossary;
pub mod model;
pub mod readability;
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

    /// The built-in pack, as postcard bytes made by build.rs from
    /// `content/<lang>.json`.
    fn builtin_bytes(self) -> &'static [u8] {
        match self {
            Lang::En => include_bytes!(concat!(env!("OUT_DIR"), "/en.pack")),
            Lang::Es => include_bytes!(concat!(env!("OUT_DIR"), "/es.pack")),
        }
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
    let pack: Pack = postcard::from_bytes(bytes).map_err(|e| LoadError::Parse(e.to_string()))?;
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
    /// An interface word. A missing key shows the key itself rather than
    /// failing; the validator and tests make sure that never ships.
    pub fn ui<'a>(&'a self, key: &'a str) -> &'a str {
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

    /// The title of a goal or treatment item, or of step 3's extra items.
    pub fn item_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.guide
            .goals
            .items
            .iter()
            .chain(self.guide.treatments.items.iter())
            .find(|i| i.id == id)
            .map(|i| i.title.as_str())
            .unwrap_or_else(|| match id {
                "supportive" => self.ui("treatment_supportive"),
                "complementary" => self.ui("treatment_complementary"),
                other => other,
            })
    }
}

/// The built-in packs, one per language, parsed once at start-up and shared.
#[derive(Debug)]
pub struct Library {
    en: std::rc::Rc<Pack>,
    es: std::rc::Rc<Pack>,
}

impl Library {
    /// Parses the built-in packs. An error here is a build defect, which the
    /// native tests catch before any release.
    pub fn builtin() -> Result<Library, LoadError> {
        Ok(Library {
            en: std::rc::Rc::new(builtin(Lang::En)?),
            es: std::rc::Rc::new(builtin(Lang::Es)?),
        })
    }

    pub fn pack(&self, lang: Lang) -> std::rc::Rc<Pack> {
        match lang {
            Lang::En => self.en.clone(),
            Lang::Es => self.es.clone(),
        }
    }
}

impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.en, &other.en) && std::rc::Rc::ptr_eq(&self.es, &other.es)
    }
}

/// Reads a hospital's content pack (JSON text) in the browser or natively,
/// with our own JSON parser, and refuses it with a reason when it is not
/// safe to show: too big, not a pack, or failing the validator's errors
/// (markup in text, odd control characters, unknown ids, missing words…).
/// A hospital may add questions of its own, so ids beyond the built-in
/// packs are allowed; everything the validator calls an error is not.
pub fn read_hospital_pack(text: &str) -> Result<Pack, String> {
    const MAX_PACK_BYTES: usize = 2 << 20;
    if text.len() > MAX_PACK_BYTES {
        return Err(format!(
            "the pack is {} bytes; the most we read is {MAX_PACK_BYTES}",
            text.len()
        ));
    }
    let tree = crate::json::parse(text)
        .map_err(|e| format!("the pack is not JSON ({} at byte {})", e.why, e.at))?;
    let pack: Pack = crate::json::from_loose(tree)
        .map_err(|e| format!("the pack does not have the right shape: {e}"))?;
    if pack.schema != PACK_SCHEMA {
        return Err(LoadError::Schema(pack.schema).to_string());
    }
    if Lang::from_code(&pack.lang).is_none() {
        return Err(format!(
            "the pack's lang \"{}\" is not one this widget has (en, es)",
            pack.lang
        ));
    }
    let problems: Vec<String> = validate::validate_pack(&pack, None)
        .into_iter()
        .filter(validate::Problem::is_error)
        .map(|p| p.to_string())
        .collect();
    if let Some(first) = problems.first() {
        return Err(format!("{} problem(s); the first: {first}", problems.len()));
    }
    Ok(pack)
}

impl Library {
    /// This library with `pack` in place of the built-in pack of its language.
    pub fn with_pack(&self, pack: Pack) -> Library {
        let pack = std::rc::Rc::new(pack);
        match Lang::from_code(&pack.lang) {
            Some(Lang::Es) => Library {
                en: self.en.clone(),
                es: pack,
            },
            _ => Library {
                en: pack,
                es: self.es.clone(),
            },
        }
    }
}
