//! The post-build step, run by trunk after it writes the site to its staging
//! folder. It
//! - renders the first screen with Yew's server renderer and places it in
//!   `index.html`, so people read the guide before the wasm arrives, and
//!   with no script at all;
//! - writes a page of its own for each other language (`es/index.html`),
//!   prerendered in that language, with its title, description, no-script
//!   note and manifest (`es/manifest.webmanifest`), so a Spanish reader
//!   without script reads Spanish; each page links to the others;
//! - writes `mbc-guide.js`, the one-script-tag loader with a stable name,
//!   which finds this build's hashed files next to itself;
//! - writes the pack files of the languages the wasm does not hold
//!   (`mbc-guide-es-<hash>.pack`), fetched when someone picks one;
//! - writes `sw.js`, the service worker of the standalone page and iframe,
//!   with every file of the build and its sha256 in the precache list.
//!
//! Usage: mbc-postbuild <staging-dir>

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use mbc_guide::components::{App, AppProps};
use mbc_guide::content::{Lang, Library, Pack};
use sha2::{Digest, Sha256, Sha384};

const MARKER: &str = "<!--prerender-->";
/// The script-embed loader: a stable name, so hosts never change their tag.
const LOADER: &str = "mbc-guide.js";
/// The service worker: a stable name, which browsers check for updates.
const WORKER: &str = "sw.js";

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: mbc-postbuild <trunk staging dir>");
        return ExitCode::from(2);
    };
    match run(&dir).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mbc-postbuild: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(dir: &Path) -> Result<(), String> {
    let index = dir.join("index.html");
    let page = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let library = Rc::new(Library::builtin().map_err(|e| e.to_string())?);
    let manifest_path = dir.join(MANIFEST);
    let manifest = std::fs::read_to_string(&manifest_path)
        .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
    let template = page;
    let mut page = String::new();
    for lang in Lang::ALL {
        let pack = library
            .pack(lang)
            .ok_or_else(|| format!("content/{}.json did not parse at build time", lang.code()))?;
        let body = yew::LocalServerRenderer::<App>::with_props(yew::props!(AppProps {
            library: library.clone(),
            lang,
        }))
        .hydratable(false)
        .render()
        .await;
        let localized = language_page(&template, &library, lang, &body)?;
        match folder(lang) {
            None => page = localized,
            Some(folder) => {
                let here = dir.join(folder);
                std::fs::create_dir_all(&here)
                    .map_err(|e| format!("cannot make {}: {e}", here.display()))?;
                write(&here.join("index.html"), &localized)?;
                write(&here.join(MANIFEST), &language_manifest(&manifest, &pack)?)?;
            }
        }
    }
    write(&index, &page)?;

    let build = Build::find(&page)?;
    write(&dir.join(LOADER), &build.loader(dir)?)?;
    // The wasm holds English only; each other language is a file next to it,
    // fetched when someone picks that language (see `content::Lang::embedded`).
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        let bytes = lang
            .compiled_pack_file()
            .ok_or_else(|| format!("content/{}.json did not parse at build time", lang.code()))?;
        let path = dir.join(lang.pack_file());
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    // Last, so the list holds the loader and the prerendered page.
    let files = precache_list(dir)?;
    write(&dir.join(WORKER), &service_worker(&files))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The manifest of the standalone page (copied by trunk); each other
/// language's page has its own, in its folder.
const MANIFEST: &str = "manifest.webmanifest";

/// The folder of a language's own page, next to the English page: `es/`.
/// English is the page at the root.
fn folder(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Es => Some("es/"),
    }
}

/// A language's page address, relative to the root of the build (every
/// page's `<base>`).
fn page_href(lang: Lang) -> &'static str {
    folder(lang).unwrap_or("./")
}

/// `index.html` for one language: its `lang`, title and description from
/// its pack, links to the other languages' pages (for browsers and search,
/// and, in the no-script note, for people), and the prerendered `body`. A
/// page in a folder finds the build's files one folder up (its `<base>`)
/// and has its own manifest.
fn language_page(
    template: &str,
    library: &Library,
    lang: Lang,
    body: &str,
) -> Result<String, String> {
    let pack = library
        .pack(lang)
        .ok_or_else(|| format!("no {} pack", lang.code()))?;
    let others: Vec<(Lang, std::rc::Rc<Pack>)> = Lang::ALL
        .into_iter()
        .filter(|&l| l != lang)
        .filter_map(|l| Some((l, library.pack(l)?)))
        .collect();
    let mut noscript = format!(
        "<noscript><p class=\"mbc-noscript\">{}</p>",
        escape(pack.ui("noscript"))
    );
    for (other, other_pack) in &others {
        let _ = write!(
            noscript,
            "<p class=\"mbc-noscript\" lang=\"{code}\"><a href=\"{href}\" hreflang=\"{code}\">{text}</a></p>",
            code = other.code(),
            href = page_href(*other),
            text = escape(other_pack.ui("lang_page_link")),
        );
    }
    noscript.push_str("</noscript>");
    let page = prerender_into(template, &format!("{noscript}{body}"))?;
    let page = replace_between(&page, "<html lang=\"", "\"", lang.code())?;
    let page = replace_between(&page, "<title>", "</title>", &escape(pack.ui("page_title")))?;
    let page = replace_between(
        &page,
        "<meta name=\"description\" content=\"",
        "\"",
        &escape_attribute(pack.ui("page_description")),
    )?;
    let alternates: String = Lang::ALL
        .into_iter()
        .map(|l| {
            format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
                l.code(),
                page_href(l)
            )
        })
        .collect();
    let page = page.replacen("</head>", &format!("{alternates}</head>"), 1);
    if folder(lang).is_none() {
        return Ok(page);
    }
    let base = between(&page, "<base href=\"", "\"")?;
    let up = match base {
        "" | "./" => "../".to_owned(),
        b if b.starts_with('/') || b.contains("://") => b.to_owned(),
        b => format!("../{b}"),
    };
    let page = replace_between(&page, "<base href=\"", "\"", &up)?;
    let manifest = format!("{}{MANIFEST}", page_href(lang));
    replace_between(&page, "<link rel=\"manifest\" href=\"", "\"", &manifest)
}

/// The text between the first `start` and the next `end`.
fn between<'a>(page: &'a str, start: &str, end: &str) -> Result<&'a str, String> {
    let from = page
        .find(start)
        .ok_or_else(|| format!("index.html has no {start}"))?
        + start.len();
    let to = from
        + page[from..]
            .find(end)
            .ok_or_else(|| format!("index.html has no {end} after {start}"))?;
    Ok(&page[from..to])
}

/// The page with the text between the first `start` and the next `end`
/// replaced by `value`.
fn replace_between(page: &str, start: &str, end: &str, value: &str) -> Result<String, String> {
    let old = between(page, start, end)?;
    let at = old.as_ptr() as usize - page.as_ptr() as usize;
    Ok(format!("{}{value}{}", &page[..at], &page[at + old.len()..]))
}

/// The standalone page's manifest in `pack`'s language: its name, short
/// name, description and `lang`. It lives in the language's folder, so its
/// icons are one folder up; its start URL and id (`./`) are that folder.
fn language_manifest(english: &str, pack: &Pack) -> Result<String, String> {
    let mut manifest: serde_json::Value =
        serde_json::from_str(english).map_err(|e| format!("{MANIFEST} is not JSON: {e}"))?;
    let object = manifest
        .as_object_mut()
        .ok_or_else(|| format!("{MANIFEST} is not a JSON object"))?;
    for (field, value) in [
        ("name", pack.ui("page_title")),
        ("short_name", pack.ui("app_short_name")),
        ("description", pack.ui("page_description")),
        ("lang", pack.lang.as_str()),
    ] {
        object.insert(field.into(), value.into());
    }
    if let Some(icons) = object.get_mut("icons").and_then(|i| i.as_array_mut()) {
        for icon in icons {
            if let Some(src) = icon.get("src").and_then(|s| s.as_str()) {
                if !src.starts_with('/') && !src.contains("://") {
                    icon["src"] = format!("../{src}").into();
                }
            }
        }
    }
    serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())
}

fn escape_attribute(text: &str) -> String {
    escape(text).replace('"', "&quot;")
}

/// Puts the rendered HTML where index.html has its marker comment.
fn prerender_into(page: &str, html: &str) -> Result<String, String> {
    if !page.contains(MARKER) {
        return Err(format!(
            "index.html has no {MARKER} marker inside <main id=\"mbc-guide\">"
        ));
    }
    Ok(page.replacen(MARKER, html, 1))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// This build's hashed files, as trunk named them in `index.html`.
struct Build {
    glue: String,
    wasm: String,
    css: String,
}

impl Build {
    fn find(page: &str) -> Result<Build, String> {
        let glue = attribute_after(page, "<script", "data-js")?;
        let wasm = attribute_after(page, "<script", "data-wasm")?;
        let css = attribute_after(page, "<link rel=\"stylesheet\"", "href")?;
        Ok(Build { glue, wasm, css })
    }

    /// `mbc-guide.js` for this build: its files' names, and the Subresource
    /// Integrity of the glue, the wasm and the stylesheet as they are in
    /// `dir` (minified and renamed by then: the hook runs postbuild after
    /// `minify.mjs`).
    fn loader(&self, dir: &Path) -> Result<String, String> {
        let read = |name: &str| {
            std::fs::read(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"))
        };
        Ok(self.loader_with(
            &integrity(&read(&self.glue)?),
            &integrity(&read(&self.wasm)?),
            &integrity(&read(&self.css)?),
        ))
    }

    fn loader_with(
        &self,
        glue_integrity: &str,
        wasm_integrity: &str,
        css_integrity: &str,
    ) -> String {
        LOADER_TEMPLATE
            .replace("__GLUE_INTEGRITY__", glue_integrity)
            .replace("__GLUE__", &self.glue)
            .replace("__WASM_INTEGRITY__", wasm_integrity)
            .replace("__CSS_INTEGRITY__", css_integrity)
            .replace("__WASM__", &self.wasm)
            .replace("__CSS__", &self.css)
    }
}

/// The value of `name="…"` in the first tag that starts with `tag` and has
/// it, as a plain file name (trunk writes `./name-hash.ext`).
fn attribute_after(page: &str, tag: &str, name: &str) -> Result<String, String> {
    let needle = format!(" {name}=\"");
    let value = page
        .match_indices(tag)
        .filter_map(|(at, _)| {
            let element = &page[at..at + page[at..].find('>')?];
            let start = element.find(&needle)? + needle.len();
            let end = start + element[start..].find('"')?;
            Some(&element[start..end])
        })
        .next()
        .ok_or_else(|| {
            format!(
                "index.html has no {tag} …> tag with {name}=\"…\" (see Trunk.toml pattern_script)"
            )
        })?;
    let file = value.strip_prefix("./").unwrap_or(value);
    let plain = !file.is_empty()
        && !file.starts_with('/')
        && !file.contains("..")
        && file
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c));
    if plain {
        Ok(file.to_owned())
    } else {
        Err(format!(
            "{name}=\"{value}\" in index.html is not a relative file name"
        ))
    }
}

/// A file of the build and the sha256 of its bytes.
struct Precached {
    /// Relative to the build folder, with `/` separators.
    path: String,
    sha256: String,
}

/// Every file of the build except the service worker itself, sorted.
fn precache_list(dir: &Path) -> Result<Vec<Precached>, String> {
    let mut files = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        let here = dir.join(&folder);
        let entries =
            std::fs::read_dir(&here).map_err(|e| format!("cannot list {}: {e}", here.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot list {}: {e}", here.display()))?;
            let relative = folder.join(entry.file_name());
            let kind = entry
                .file_type()
                .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
            if kind.is_dir() {
                folders.push(relative);
                continue;
            }
            let path = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if path == WORKER {
                continue;
            }
            let bytes = std::fs::read(entry.path())
                .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
            files.push(Precached {
                path,
                sha256: hex(&Sha256::digest(&bytes)),
            });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// `sw.js`: the list as JSON, one file a line, and a cache named after the
/// hash of that list, so any changed byte anywhere gives a new worker and a
/// new cache.
fn service_worker(files: &[Precached]) -> String {
    let mut list = String::from("[\n");
    for (i, file) in files.iter().enumerate() {
        let comma = if i + 1 < files.len() { "," } else { "" };
        let _ = writeln!(
            list,
            "  {{\"url\":{},\"sha256\":\"{}\"}}{comma}",
            json_string(&format!("./{}", file.path)),
            file.sha256
        );
    }
    list.push(']');
    let version = &hex(&Sha256::digest(list.as_bytes()))[..16];
    let pages: Vec<String> = Lang::ALL
        .into_iter()
        .filter_map(folder)
        .map(json_string)
        .collect();
    WORKER_TEMPLATE
        .replace("__VERSION__", version)
        .replace("__PAGES__", &format!("[{}]", pages.join(", ")))
        .replace("__PRECACHE__", &list)
}

/// `text` as a JSON string (serde_json's escaping, the one the crate uses).
fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// A Subresource Integrity value: `sha384-` and the base64 of the digest.
fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The loader, with `__GLUE__`, `__WASM__`, `__CSS__` and their
/// `__…_INTEGRITY__` to fill in (`node --check` in scripts/test.sh).
const LOADER_TEMPLATE: &str = include_str!("../../static/loader.template.js");

/// The service worker, with `__VERSION__`, `__PRECACHE__` and `__PAGES__` to
/// fill in.
const WORKER_TEMPLATE: &str = include_str!("../../static/sw.template.js");

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<link rel="icon" href="./icon-1.svg"/><link rel="stylesheet" href="./mbc-guide-b8e7.css" integrity="x"/>
<script type="module" src="./boot.js" data-js="./mbc-guide-595b.js" data-wasm="./mbc-guide-595b_bg.wasm"></script>"#;

    #[test]
    fn the_loader_names_this_builds_hashed_files_and_their_integrity() {
        let loader =
            Build::find(PAGE)
                .unwrap()
                .loader_with("sha384-GLUE", "sha384-WASM", "sha384-CSS");
        assert!(loader
            .contains("checkedGlue(new URL('./mbc-guide-595b.js', here).href, 'sha384-GLUE')"));
        assert!(loader.contains(
            "fetch(new URL('./mbc-guide-595b_bg.wasm', here), { integrity: 'sha384-WASM' })"
        ));
        assert!(loader.contains("new URL('./mbc-guide-b8e7.css', here)"));
        assert!(loader.contains("const stylesheetIntegrity = 'sha384-CSS';"));
        assert!(
            loader.contains("glue.mount_element(this, stylesheet, stylesheetIntegrity, shared)")
        );
        assert!(!loader.contains("__"), "every placeholder is filled");
    }

    #[test]
    fn integrity_is_the_sha384_of_the_bytes_in_base64() {
        // The SHA-384 of nothing, as the SRI specification's examples write it.
        assert_eq!(
            integrity(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
    }

    #[test]
    fn a_page_without_trunks_script_tag_is_refused() {
        let err = Build::find("<html></html>").err().unwrap();
        assert!(err.contains("data-js"), "{err}");
        let odd = PAGE.replace("./mbc-guide-595b.js", "https://evil.example/x.js");
        assert!(Build::find(&odd).is_err());
    }

    const TEMPLATE: &str = r#"<!doctype html>
<html lang="en">
<head>
  <title>Old title</title>
  <meta name="description" content="Old description">
  <base href="./">
  <link rel="manifest" href="manifest.webmanifest">
</head>
<body><main id="mbc-guide"><!--prerender--></main></body>
</html>"#;

    #[test]
    fn each_language_page_has_its_lang_title_description_note_and_links() {
        let library = Library::builtin().unwrap();
        let es = library.pack(Lang::Es).unwrap();
        let en = library.pack(Lang::En).unwrap();
        let page = language_page(TEMPLATE, &library, Lang::Es, "<p>cuerpo</p>").unwrap();
        assert!(page.contains("<html lang=\"es\">"), "{page}");
        assert!(page.contains(&format!("<title>{}</title>", escape(es.ui("page_title")))));
        assert!(page.contains(&format!(
            "<meta name=\"description\" content=\"{}\">",
            escape_attribute(es.ui("page_description"))
        )));
        assert!(
            page.contains(&escape(es.ui("noscript"))),
            "the Spanish no-script note"
        );
        assert!(
            !page.contains(&escape(en.ui("noscript"))),
            "not the English one"
        );
        assert!(page.contains(&format!(
            "<p class=\"mbc-noscript\" lang=\"en\"><a href=\"./\" hreflang=\"en\">{}</a></p>",
            escape(en.ui("lang_page_link"))
        )));
        assert!(page.contains("<link rel=\"alternate\" hreflang=\"es\" href=\"es/\">"));
        assert!(
            page.contains("<base href=\"../\">"),
            "its files are one folder up"
        );
        assert!(page.contains("<link rel=\"manifest\" href=\"es/manifest.webmanifest\">"));
        assert!(page.contains("<p>cuerpo</p>"));

        let page = language_page(TEMPLATE, &library, Lang::En, "<p>body</p>").unwrap();
        assert!(page.contains("<html lang=\"en\">"));
        assert!(page.contains("<base href=\"./\">"));
        assert!(page.contains("<link rel=\"manifest\" href=\"manifest.webmanifest\">"));
        assert!(
            page.contains("href=\"es/\" hreflang=\"es\">"),
            "the English page links to the Spanish one"
        );
    }

    #[test]
    fn a_template_without_its_head_tags_is_refused() {
        let library = Library::builtin().unwrap();
        let odd = TEMPLATE.replace("<title>Old title</title>", "");
        let err = language_page(&odd, &library, Lang::Es, "").unwrap_err();
        assert!(err.contains("<title>"), "{err}");
    }

    #[test]
    fn the_spanish_manifest_is_in_spanish_with_icons_one_folder_up() {
        let library = Library::builtin().unwrap();
        let es = library.pack(Lang::Es).unwrap();
        let english = r#"{"id":"./","name":"N","short_name":"S","description":"D","lang":"en","start_url":"./",
            "icons":[{"src":"icon-192.png"},{"src":"/abs.png"}]}"#;
        let manifest: serde_json::Value =
            serde_json::from_str(&language_manifest(english, &es).unwrap()).unwrap();
        assert_eq!(manifest["lang"], "es");
        assert_eq!(manifest["name"], es.ui("page_title"));
        assert_eq!(manifest["short_name"], es.ui("app_short_name"));
        assert_eq!(manifest["description"], es.ui("page_description"));
        assert_eq!(manifest["start_url"], "./");
        assert_eq!(manifest["icons"][0]["src"], "../icon-192.png");
        assert_eq!(manifest["icons"][1]["src"], "/abs.png");
    }

    #[test]
    fn the_worker_lists_every_file_and_its_version_follows_the_bytes() {
        let files = |sha: &str| {
            vec![
                Precached {
                    path: "index.html".into(),
                    sha256: "a".repeat(64),
                },
                Precached {
                    path: "snippets/x.js".into(),
                    sha256: sha.repeat(64),
                },
            ]
        };
        let one = service_worker(&files("b"));
        assert!(one.contains(r#"{"url":"./index.html","sha256":"aaaa"#));
        assert!(one.contains(r#"{"url":"./snippets/x.js","sha256":"bbbb"#));
        assert!(!one.contains("__"), "every placeholder is filled");
        assert!(
            one.contains("const PAGES = [\"es/\"];"),
            "the Spanish page's folder"
        );
        let two = service_worker(&files("c"));
        let version = |sw: &str| {
            sw.lines()
                .find(|l| l.starts_with("const VERSION"))
                .unwrap()
                .to_owned()
        };
        assert_ne!(version(&one), version(&two));
        assert_eq!(
            one,
            service_worker(&files("b")),
            "the same build gives the same worker"
        );
    }
}
