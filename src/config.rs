//! What a hospital sets: language, its name and phone, a second-opinion
//! link, its accent colour, a content pack, whether to save, and a storage
//! namespace. The same names work as attributes of `<mbc-guide>` and as URL
//! parameters of the iframe page.
//!
//! Every value is untrusted text. A bad value never makes the page fail:
//! it falls back to the documented default, and a `Warning` names the
//! attribute and the value for the host's console.

use crate::content::Lang;

/// The attributes, in the order EMBEDDING.md documents them.
pub const ATTRIBUTES: [&str; 10] = [
    "lang",
    "org-name",
    "phone",
    "hours",
    "second-opinion-url",
    "accent",
    "content-pack",
    "save",
    "storage-namespace",
    "share-page",
];

/// The accent colour when none (or a bad one) is set: 7.6:1 on white.
pub const DEFAULT_ACCENT: &str = "#0b5394";
/// The namespace when none (or a bad one) is set.
pub const DEFAULT_NAMESPACE: &str = "default";

const MAX_TEXT: usize = 120;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub lang: Lang,
    pub org_name: Option<String>,
    pub phone: Option<String>,
    pub hours: Option<String>,
    pub second_opinion_url: Option<String>,
    /// `#rrggbb`, with at least 4.5:1 contrast against white.
    pub accent: String,
    /// A hospital's own content pack to load.
    pub content_pack: Option<String>,
    /// Keep answers on this device (the person can still turn it off).
    pub save: bool,
    /// Keeps two widgets, or two hospitals on one origin, apart in storage.
    pub namespace: String,
    /// The widget's own page, where share links lead (script embed only;
    /// by default the `index.html` next to the loader).
    pub share_page: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: Lang::En,
            org_name: None,
            phone: None,
            hours: None,
            second_opinion_url: None,
            accent: DEFAULT_ACCENT.to_owned(),
            content_pack: None,
            save: true,
            namespace: DEFAULT_NAMESPACE.to_owned(),
            share_page: None,
        }
    }
}

/// A value the host set that we could not use, for the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub attribute: String,
    pub value: String,
    /// What was wrong and what we used instead.
    pub why: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "mbc-guide: attribute {}=\"{}\" was not used: {}",
            self.attribute, self.value, self.why
        )
    }
}

/// Reads the host's settings from name/value pairs (attributes or URL
/// parameters). Unknown names are ignored; later pairs win.
pub fn read<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Config, Vec<Warning>) {
    let mut config = Config::default();
    let mut warnings = Vec::new();
    for (name, raw) in pairs {
        let value = raw.trim();
        let mut warn = |why: &str| {
            warnings.push(Warning {
                attribute: name.to_owned(),
                value: raw.chars().take(80).collect(),
                why: why.to_owned(),
            })
        };
        match name {
            "lang" => match Lang::from_code(value) {
                Some(lang) => config.lang = lang,
                None => warn("unknown language; use \"en\" or \"es\". Using English."),
            },
            "org-name" => config.org_name = host_text(value, &mut warn),
            "hours" => config.hours = host_text(value, &mut warn),
            "phone" => {
                if value.is_empty() {
                    config.phone = None;
                } else if is_phone(value) {
                    config.phone = Some(value.to_owned());
                } else {
                    warn("a phone number may hold only digits, spaces and + - ( ) . ; no phone is shown.");
                }
            }
            "second-opinion-url" => config.second_opinion_url = https_link(value, &mut warn),
            "content-pack" => {
                config.content_pack =
                    site_or_https_link(value, "the built-in content is used", &mut warn)
            }
            "share-page" => {
                config.share_page = site_or_https_link(
                    value,
                    "links lead to the index.html next to mbc-guide.js",
                    &mut warn,
                )
            }
            "accent" => match accent(value) {
                Ok(color) => config.accent = color,
                Err(why) => warn(&format!("{why}; using {DEFAULT_ACCENT}.")),
            },
            "save" => match value.to_ascii_lowercase().as_str() {
                "" | "true" | "yes" | "on" => config.save = true,
                "false" | "no" | "off" => config.save = false,
                _ => warn("use \"true\" or \"false\"; saving stays on."),
            },
            "storage-namespace" => match namespace(value) {
                Some(ns) => config.namespace = ns.to_owned(),
                None => warn("use 1 to 40 letters, digits, - or _; using \"default\"."),
            },
            _ => {}
        }
    }
    (config, warnings)
}

/// A storage namespace as the attribute gives it (1 to 40 letters, digits,
/// `-` or `_`, spaces around ignored), or `None` for a bad one.
pub fn namespace(value: &str) -> Option<&str> {
    let value = value.trim();
    let ok = !value.is_empty()
        && value.len() <= 40
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then_some(value)
}

/// Short plain text: no control characters, at most `MAX_TEXT` characters.
fn host_text(value: &str, warn: &mut impl FnMut(&str)) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    if value.chars().any(char::is_control) || value.chars().count() > MAX_TEXT {
        warn("use plain text of at most 120 characters; it is not shown.");
        return None;
    }
    Some(value.to_owned())
}

fn is_phone(value: &str) -> bool {
    value.len() <= 30
        && value.chars().any(|c| c.is_ascii_digit())
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

/// An absolute https link. Anything else (javascript:, data:, http:, a
/// path) is refused.
fn https_link(value: &str, warn: &mut impl FnMut(&str)) -> Option<String> {
    link(value, false).or_else(|| {
        warn("only https:// links are allowed; the link is not shown.");
        None
    })
}

/// An absolute https link, or a path on this site ("/packs/x.pack",
/// "./x.pack"). A path that a browser reads as another host ("//host",
/// "/\\host") is refused.
fn site_or_https_link(value: &str, instead: &str, warn: &mut impl FnMut(&str)) -> Option<String> {
    link(value, true).or_else(|| {
        warn(&format!(
            "use an https:// address or a path on this site; {instead}."
        ));
        None
    })
}

fn link(value: &str, paths_ok: bool) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let https = value.to_ascii_lowercase().starts_with("https://");
    let path = paths_ok
        && (value.starts_with("./") || (value.starts_with('/') && !value.starts_with("//")));
    let plain = !value
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    (plain && (https || path)).then(|| value.to_owned())
}

/// `#rgb` or `#rrggbb`, dark enough for white text and for text on white.
fn accent(value: &str) -> Result<String, String> {
    let hex = value
        .strip_prefix('#')
        .ok_or("an accent colour is #rrggbb")?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err("an accent colour is #rrggbb or #rgb, in hex digits".into());
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_owned(),
        _ => return Err("an accent colour is #rrggbb".into()),
    };
    let channel = |i: usize| u8::from_str_radix(full.get(i..i + 2).unwrap_or("zz"), 16);
    let (Ok(r), Ok(g), Ok(b)) = (channel(0), channel(2), channel(4)) else {
        return Err("an accent colour is #rrggbb".into());
    };
    let ratio = contrast_with_white(r, g, b);
    if ratio < 4.5 {
        // Tenths by hand: formatting an f64 would pull ~14 KB of float
        // printing into the wasm.
        let tenths = (ratio * 10.0) as u32;
        return Err(format!(
            "its contrast with white is {}.{}:1, below the 4.5:1 that text needs",
            tenths / 10,
            tenths % 10
        ));
    }
    Ok(format!("#{}", full.to_ascii_lowercase()))
}

/// WCAG 2 contrast ratio of a colour against white.
pub fn contrast_with_white(r: u8, g: u8, b: u8) -> f64 {
    fn linear(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    }
    let l = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    1.05 / (l + 0.05)
}

/// `x` to the power 2.4, for `x` in (0.05, 1] (sRGB's curve): x² times the
/// square of x's fifth root, found by Newton's method from 1 (7 steps reach
/// `powf`'s result within 1e-15 over that range; 8 are taken). `powf` would
/// bring libm's `pow` into the wasm, about 1.3 kB of it.
fn pow_2_4(x: f64) -> f64 {
    let mut root = 1.0;
    for _ in 0..8 {
        let fourth = root * root * root * root;
        root = (4.0 * root + x / fourth) / 5.0;
    }
    x * x * root * root
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(name: &str, value: &str) -> (Config, Vec<Warning>) {
        read([(name, value)])
    }

    #[test]
    fn good_values_are_used() {
        let (c, w) = read([
            ("lang", "es-MX"),
            ("org-name", "  St Mary's Cancer Centre "),
            ("phone", "+1 (555) 010-0199"),
            ("hours", "Mon–Fri 8–5"),
            ("second-opinion-url", "https://example.org/second-opinion"),
            ("accent", "#8A1538"),
            ("content-pack", "/packs/stmary.json"),
            ("save", "false"),
            ("storage-namespace", "st-mary"),
            ("share-page", "/guide/"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.lang, Lang::Es);
        assert_eq!(c.org_name.as_deref(), Some("St Mary's Cancer Centre"));
        assert_eq!(c.phone.as_deref(), Some("+1 (555) 010-0199"));
        assert_eq!(c.accent, "#8a1538");
        assert_eq!(c.content_pack.as_deref(), Some("/packs/stmary.json"));
        assert!(!c.save);
        assert_eq!(c.namespace, "st-mary");
        assert_eq!(c.share_page.as_deref(), Some("/guide/"));
    }

    #[test]
    fn a_share_page_follows_the_rules_of_other_links() {
        for bad in ["//evil.example/", "javascript:x", "http://example.org/"] {
            let (c, w) = one("share-page", bad);
            assert_eq!(c.share_page, None, "{bad}");
            assert_eq!(w.len(), 1, "{bad}");
        }
    }

    #[test]
    fn an_accent_that_fails_contrast_falls_back_with_a_warning() {
        let (c, w) = one("accent", "#ffcc00");
        assert_eq!(c.accent, DEFAULT_ACCENT);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].attribute, "accent");
        assert!(w[0].to_string().contains("accent=\"#ffcc00\""));
        assert!(w[0].why.contains(":1"));
        assert_eq!(one("accent", "red").0.accent, DEFAULT_ACCENT);
        assert_eq!(one("accent", "#12345").0.accent, DEFAULT_ACCENT);
        assert_eq!(one("accent", "#000").0.accent, "#000000");
    }

    #[test]
    fn a_phone_with_letters_is_refused() {
        let (c, w) = one("phone", "call 1-800-FLOWERS");
        assert_eq!(c.phone, None);
        assert_eq!(w[0].attribute, "phone");
    }

    #[test]
    fn javascript_and_data_links_are_refused() {
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,x",
            "http://example.org",
            "//evil.example",
            "https://a b",
        ] {
            let (c, w) = one("second-opinion-url", bad);
            assert_eq!(c.second_opinion_url, None, "{bad}");
            assert_eq!(w.len(), 1, "{bad}");
        }
        assert_eq!(one("content-pack", "javascript:x").0.content_pack, None);
    }

    #[test]
    fn a_content_pack_path_that_names_another_host_is_refused() {
        for bad in [
            "//evil.example/x.pack",
            "/\\evil.example/x.pack",
            "/packs\\x.pack",
        ] {
            let (c, w) = one("content-pack", bad);
            assert_eq!(c.content_pack, None, "{bad}");
            assert_eq!(w.len(), 1, "{bad}");
        }
        for good in ["/packs/x.pack", "./x.pack", "https://cdn.example/x.pack"] {
            assert_eq!(
                one("content-pack", good).0.content_pack.as_deref(),
                Some(good)
            );
        }
    }

    #[test]
    fn an_accent_must_be_hex_digits() {
        // from_str_radix alone would read "+0" as 0 and make buttons black on black.
        for bad in ["#+0+0+0", "#+00", "#-1-1-1", "# 00000"] {
            let (c, w) = one("accent", bad);
            assert_eq!(c.accent, DEFAULT_ACCENT, "{bad}");
            assert_eq!(w.len(), 1, "{bad}");
        }
    }

    #[test]
    fn unknown_language_falls_back_to_english() {
        let (c, w) = one("lang", "fr");
        assert_eq!(c.lang, Lang::En);
        assert!(w[0].why.contains("English"));
    }

    #[test]
    fn text_with_markup_stays_text_and_control_characters_are_refused() {
        assert_eq!(
            one("org-name", "<b>Clinic</b>").0.org_name.as_deref(),
            Some("<b>Clinic</b>")
        );
        assert_eq!(one("org-name", "A\u{0}B").0.org_name, None);
        assert_eq!(one("org-name", &"x".repeat(500)).0.org_name, None);
    }

    #[test]
    fn bad_namespaces_and_save_values_fall_back() {
        assert_eq!(one("storage-namespace", "../../x").0.namespace, "default");
        assert!(one("save", "maybe").0.save);
        assert_eq!(one("save", "maybe").1.len(), 1);
    }

    #[test]
    fn unknown_attributes_are_ignored_quietly() {
        assert_eq!(one("class", "x"), (Config::default(), vec![]));
    }

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast_with_white(0, 0, 0) - 21.0).abs() < 0.01);
        assert!((contrast_with_white(0x76, 0x76, 0x76) - 4.54).abs() < 0.02);
    }

    #[test]
    fn the_curve_without_powf_matches_powf_for_every_channel() {
        for c in 11..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let (ours, std) = (pow_2_4(x), x.powf(2.4));
            assert!((ours - std).abs() <= std * 1e-14, "{c}: {ours} {std}");
        }
    }
}
