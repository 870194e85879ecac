//! `mbc-validate-pack`: checks content packs and tells an editor exactly
//! what to fix, and where.
//!
//! ```text
//! cargo run --bin mbc-validate-pack                      # the two built-in packs
//! cargo run --bin mbc-validate-pack -- content/es.json --reference content/en.json
//! cargo run --bin mbc-validate-pack -- --readability     # grade distribution too
//! cargo run --bin mbc-validate-pack -- hospital.json --compile hospital.pack
//! cargo run --bin mbc-validate-pack -- hospital.json --review-sheet review.html
//! cargo run --bin mbc-validate-pack -- --review-sheet review.html   # review.en.html, review.es.html
//! ```
//!
//! `--compile` writes the compact file a hospital serves for the widget's
//! `content-pack` setting, and only when the pack has no errors.
//!
//! `--review-sheet` writes one printable, self-contained HTML page with
//! every patient-facing passage and question, their sources and tailoring
//! rules, for clinicians to sign off (`content::review_sheet`). With no
//! pack named, one page per built-in pack, the language before `.html`.
//!
//! With no pack named, the built-in packs are checked as our own
//! (`validate::Options::builtin`: a missing review date, checked date,
//! publisher list, urgent box or living-with topics is an error); a named
//! pack is checked as a hospital's (those are warnings). Either way,
//! `review_by` is compared with today's date.
//!
//! Prints one line per problem, `error: <location>: <message>` or
//! `warning: …`, then `N errors, M warnings`. A location is `file:line:col`
//! for text that is not a pack, or a JSON path followed by the file and line
//! where it starts: `questions[3].text (content/en.json:120:15)`. Exits with 1 when there is any
//! error, 2 when it was used wrongly, 0 otherwise.

use mbc_guide::content::readability::{self, PackReport};
use mbc_guide::content::review_sheet;
use mbc_guide::content::validate::{iso_date, locations, validate_text_with, Options, Problem};
use mbc_guide::content::{parse, Lang, Pack};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: mbc-validate-pack [<pack.json> [--reference <en.json>] [--compile <out.pack>]] [--readability] [--review-sheet <out.html>]

With no pack, checks the built-in packs content/en.json and content/es.json
(Spanish against English).";

struct Args {
    pack: Option<String>,
    reference: Option<String>,
    compile: Option<String>,
    review_sheet: Option<String>,
    readability: bool,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        pack: None,
        reference: None,
        compile: None,
        review_sheet: None,
        readability: false,
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reference" => {
                parsed.reference = Some(args.next().ok_or("--reference needs the path of a pack")?);
            }
            "--readability" => parsed.readability = true,
            "--compile" => {
                parsed.compile = Some(args.next().ok_or("--compile needs the path to write")?);
            }
            "--review-sheet" => {
                parsed.review_sheet = Some(
                    args.next()
                        .ok_or("--review-sheet needs the path of the page to write")?,
                );
            }
            "-h" | "--help" => return Err(String::new()),
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            other if parsed.pack.is_none() => parsed.pack = Some(other.to_owned()),
            other => return Err(format!("only one pack at a time (also got {other})")),
        }
    }
    if parsed.pack.is_none() && parsed.compile.is_some() {
        return Err("--compile needs a pack to compile".to_owned());
    }
    if parsed.pack.is_none() && parsed.reference.is_some() {
        return Err("--reference needs a pack to check".to_owned());
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("mbc-validate-pack: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let compile = args.compile.clone();
    let builtin = args.pack.is_none();
    let jobs: Vec<(String, Option<String>)> = match args.pack {
        Some(pack) => vec![(pack, args.reference)],
        None => {
            let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
            let en = content.join("en.json").display().to_string();
            let es = content.join("es.json").display().to_string();
            vec![(en.clone(), None), (es, Some(en))]
        }
    };
    let today = today();

    let (mut errors, mut warnings) = (0, 0);
    for (file, reference) in jobs {
        let checked = check(&file, reference.as_deref(), builtin, &today);
        for problem in &checked.problems {
            println!("{}", with_line(problem, &file, &checked.lines));
        }
        let failed = checked.problems.iter().any(|p| p.is_error());
        errors += checked.problems.iter().filter(|p| p.is_error()).count();
        if let (Some(out), Some(pack)) = (&compile, &checked.pack) {
            if failed {
                println!("not compiled: fix the errors first");
            } else {
                let written = mbc_guide::content::compile_pack(pack)
                    .and_then(|bytes| std::fs::write(out, bytes).map_err(|e| e.to_string()));
                match written {
                    Err(e) => {
                        println!("error: {out}: cannot write the compiled pack: {e}");
                        errors += 1;
                    }
                    Ok(()) => println!(
                        "compiled {file} to {out} (pack format {})",
                        mbc_guide::content::PACK_FORMAT
                    ),
                }
            }
        }
        warnings += checked.problems.iter().filter(|p| !p.is_error()).count();
        if let Some(out) = &args.review_sheet {
            match &checked.pack {
                Some(pack) => {
                    let out = if builtin {
                        with_lang(out, &pack.lang)
                    } else {
                        out.clone()
                    };
                    match std::fs::write(&out, review_sheet::html(pack)) {
                        Ok(()) => {
                            println!("wrote the review sheet of {} to {out}", short_name(&file))
                        }
                        Err(e) => {
                            println!("error: {out}: cannot write the review sheet: {e}");
                            errors += 1;
                        }
                    }
                }
                None => println!("no review sheet: {file} cannot be read as a pack"),
            }
        }
        if args.readability {
            let name = short_name(&file);
            match checked.pack {
                Some(pack) if Lang::from_code(&pack.lang) == Some(Lang::En) => {
                    print_readability(&name, &readability::pack_report(&pack))
                }
                Some(pack) if Lang::from_code(&pack.lang) == Some(Lang::Es) => print!(
                    "readability of {name} (Spanish):\n{}",
                    readability::pack_report_es(&pack)
                ),
                Some(pack) => println!(
                    "readability of {name}: not scored; no formula for \"{}\" text",
                    pack.lang
                ),
                None => println!("readability of {name}: not scored; the pack cannot be read"),
            }
        }
    }
    println!(
        "{errors} error{}, {warnings} warning{}",
        plural(errors),
        plural(warnings)
    );
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// What checking one pack file found.
struct Checked {
    problems: Vec<Problem>,
    /// The pack, if it could be read.
    pack: Option<Pack>,
    /// Where each JSON path starts in the file.
    lines: BTreeMap<String, (usize, usize)>,
}

/// Today's date (UTC) as YYYY-MM-DD.
fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    iso_date(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// `review.html` for language `es`: `review.es.html`.
fn with_lang(path: &str, lang: &str) -> String {
    match path.rsplit_once('.') {
        Some((stem, ext)) if !ext.contains('/') => format!("{stem}.{lang}.{ext}"),
        _ => format!("{path}.{lang}"),
    }
}

fn check(file: &str, reference: Option<&str>, builtin: bool, today: &str) -> Checked {
    let failed = |problem| Checked {
        problems: vec![problem],
        pack: None,
        lines: BTreeMap::new(),
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            return failed(Problem::error(
                file,
                format!("The file cannot be read: {e}."),
            ))
        }
    };
    let reference = match reference.map(load_reference) {
        Some(Ok(pack)) => Some(pack),
        Some(Err(problem)) => return failed(problem),
        None => None,
    };
    Checked {
        problems: validate_text_with(
            &short_name(file),
            &text,
            &Options {
                reference: reference.as_ref(),
                builtin,
                today: Some(today),
            },
        ),
        pack: parse(&text).ok(),
        lines: locations(&text),
    }
}

fn load_reference(file: &str) -> Result<Pack, Problem> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| Problem::error(file, format!("The reference pack cannot be read: {e}.")))?;
    parse(&text).map_err(|e| {
        Problem::error(
            file,
            format!("The reference pack cannot be used ({e}). Check it on its own first."),
        )
    })
}

/// The file as the person named it, or relative to the crate for the
/// built-in packs.
fn short_name(file: &str) -> String {
    Path::new(file)
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| file.to_owned())
}

/// The problem's line, with the file and line added to a JSON path so an
/// editor can jump there.
fn with_line(problem: &Problem, file: &str, lines: &BTreeMap<String, (usize, usize)>) -> String {
    match lines.get(&problem.location) {
        Some((line, col)) => {
            let mut shown = problem.clone();
            shown.location = format!("{} ({}:{line}:{col})", problem.location, short_name(file));
            shown.to_string()
        }
        None => problem.to_string(),
    }
}

fn print_readability(name: &str, report: &PackReport) {
    let mut grades: Vec<f64> = report.scores.iter().map(|(_, g)| *g).collect();
    let pooled = report.pooled_labels;
    if pooled.words > 0 {
        grades.push(pooled.grade);
    }
    let min = grades.iter().copied().fold(f64::INFINITY, f64::min);
    println!("readability of {name}:");
    if grades.is_empty() {
        println!("  no text to score");
        return;
    }
    println!(
        "  {} scores ({} strings scored alone, short labels pooled as one)",
        grades.len(),
        report.scores.len()
    );
    println!(
        "  min {min:.1}, median {:.1}, max {:.1} ({})",
        report.median, report.max.1, report.max.0
    );
    println!(
        "  pooled short labels: {} words, {} labels, {} syllables, grade {:.1}",
        pooled.words, pooled.sentences, pooled.syllables, pooled.grade
    );
    let mut per_grade: std::collections::BTreeMap<i64, usize> = Default::default();
    for g in &grades {
        *per_grade.entry(g.floor() as i64).or_default() += 1;
    }
    println!("  count per whole grade:");
    for (grade, count) in per_grade {
        println!("    {grade:>3}: {count:>4} {}", "#".repeat(count.min(60)));
    }
    let mut hardest: Vec<&(String, f64)> = report.scores.iter().collect();
    hardest.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!("  hardest:");
    for (path, grade) in hardest.into_iter().take(5) {
        println!("    {grade:>5.1}  {path}");
    }
}
