//! The post-build step, run by trunk after it writes the site to its staging
//! folder: renders the first screen with Yew's server renderer and places it
//! in `index.html`, so people read the guide before the wasm arrives, and
//! with no script at all.
//!
//! Usage: mbc-postbuild <staging-dir>

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use mbc_guide::components::{App, AppProps};
use mbc_guide::content::{Lang, Library};

const MARKER: &str = "<!--prerender-->";

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
    let pack = library.pack(Lang::En);
    let body = yew::LocalServerRenderer::<App>::with_props(yew::props!(AppProps {
        library,
        lang: Lang::En,
    }))
    .hydratable(false)
    .render()
    .await;
    let noscript = format!(
        "<noscript><p class=\"mbc-noscript\">{}</p></noscript>",
        escape(pack.ui("noscript"))
    );
    let page = prerender_into(&page, &format!("{noscript}{body}"))?;
    std::fs::write(&index, page).map_err(|e| format!("cannot write {}: {e}", index.display()))
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
