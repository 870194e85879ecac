//! The printed sheet and its exports, against the real built-in packs.
//!
//! Golden files live in `tests/golden/`. When a change to the exports (or to
//! the packs' words) is intended, rewrite them and review the diff:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test --test export
//! git diff tests/golden/
//! ```
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use mbc_guide::answers::{Mark, Rating};
use mbc_guide::content::{builtin, Lang, Pack};
use mbc_guide::export::{file_name, markdown, plain_text, text_download};
use mbc_guide::sheet::{build, Sheet};
use mbc_guide::state::{Action, State, Visit};

const DATE: &str = "2026-11-29";
const HOSTILE: &str =
    "<script>alert('x')</script> Can I *still* travel in [June](javascript:alert(1))? # & more";

fn pack(lang: Lang) -> Pack {
    builtin(lang).unwrap_or_else(|e| panic!("built-in pack {lang:?}: {e}"))
}

fn run(actions: impl IntoIterator<Item = Action>) -> State {
    actions
        .into_iter()
        .fold(State::default(), |state, action| state.apply(action))
}

/// Five questions: two marked most important (one of them the person's own,
/// carrying markup), bank questions from three topics (one edited), another
/// own question, notes of one and several lines; some answers in each step,
/// others left blank.
fn fixed_state() -> State {
    run([
        Action::RateGoal {
            goal: "quality".into(),
            rating: Some(Rating::Very),
        },
        Action::RateGoal {
            goal: "longer".into(),
            rating: Some(Rating::Somewhat),
        },
        Action::SetGoalsOther("My daughter's wedding in June.".into()),
        Action::ChooseFactor {
            factor: "her2".into(),
            option: "low".into(),
            multiple: false,
            chosen: true,
        },
        Action::ChooseFactor {
            factor: "spread".into(),
            option: "bone".into(),
            multiple: true,
            chosen: true,
        },
        Action::ChooseFactor {
            factor: "spread".into(),
            option: "liver".into(),
            multiple: true,
            chosen: true,
        },
        Action::MarkTreatment {
            treatment: "chemo".into(),
            mark: Some(Mark::Ask),
        },
        Action::MarkTreatment {
            treatment: "supportive".into(),
            mark: Some(Mark::Discussed),
        },
        Action::AddOwn("Can I bring my sister to my visits?".into()),
        Action::AddQuestion("goals-main-aim".into()),
        Action::AddOwn(HOSTILE.into()),
        Action::AddQuestion("her2-retest".into()),
        Action::AddQuestion("side-effects-common".into()),
        Action::Edit {
            id: 4,
            text: "Which side effects are most likely for me?".into(),
        },
        Action::SetTop { id: 3, top: true },
        Action::SetTop { id: 2, top: true },
        Action::SetNote {
            id: 1,
            note: "Dr Lee: to slow it down.\nAsk again after the scan.".into(),
        },
        Action::SetNote {
            id: 2,
            note: "1. not a list *really*".into(),
        },
    ])
}

fn sheet(lang: Lang) -> Sheet {
    build(&pack(lang), &fixed_state(), DATE)
}

/// Compares with `tests/golden/<name>`, or rewrites it when
/// `UPDATE_GOLDEN=1`.
fn golden(name: &str, actual: &str) {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "golden", name]
        .iter()
        .collect();
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\nCreate it with: UPDATE_GOLDEN=1 cargo test --test export",
            path.display()
        )
    });
    if expected == actual {
        return;
    }
    let (want, got): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), actual.lines().collect());
    let mut report = String::new();
    for i in 0..want.len().max(got.len()) {
        let (w, g) = (want.get(i), got.get(i));
        if w != g {
            report.push_str(&format!(
                "line {}:\n  - {}\n  + {}\n",
                i + 1,
                w.unwrap_or(&"<none>"),
                g.unwrap_or(&"<none>")
            ));
        }
        if report.lines().count() > 30 {
            report.push_str("  …\n");
            break;
        }
    }
    if report.is_empty() {
        report.push_str("the lines agree; line endings or the final newline differ\n");
    }
    panic!(
        "{name} differs from {} (- expected, + actual):\n{report}\n\
         If the change is intended: UPDATE_GOLDEN=1 cargo test --test export",
        path.display()
    );
}

#[test]
fn plain_text_matches_the_golden_file() {
    golden("export_5.txt", &plain_text(&sheet(Lang::En)));
}

#[test]
fn markdown_matches_the_golden_file() {
    golden("export_5.md", &markdown(&sheet(Lang::En)));
}

#[test]
fn spanish_plain_text_matches_the_golden_file() {
    golden("export_5_es.txt", &plain_text(&sheet(Lang::Es)));
}

#[test]
fn spanish_markdown_matches_the_golden_file() {
    golden("export_5_es.md", &markdown(&sheet(Lang::Es)));
}

#[test]
fn the_file_name_carries_the_date() {
    let (en, es) = (pack(Lang::En), pack(Lang::Es));
    let stem = |pack: &Pack| pack.ui("file_stem").to_owned();
    assert_eq!(
        file_name(&stem(&en), DATE, "txt"),
        "my-questions-2026-11-29.txt"
    );
    assert_eq!(
        file_name(&stem(&en), DATE, "md"),
        "my-questions-2026-11-29.md"
    );
    assert_eq!(
        file_name(&stem(&es), DATE, "txt"),
        "mis-preguntas-2026-11-29.txt",
        "the Spanish pack names its files in Spanish"
    );
}

#[test]
fn top_questions_come_first_and_numbers_run_on() {
    let sheet = sheet(Lang::En);
    let numbers: Vec<usize> = sheet.questions().map(|q| q.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    let tops: Vec<bool> = sheet.questions().map(|q| q.top).collect();
    assert_eq!(tops, [true, true, false, false, false]);
    let text = plain_text(&sheet);
    let top_at = text.find("Most important to me").unwrap_or(usize::MAX);
    let first_group = text.find(&sheet.groups[0].title).unwrap_or(0);
    assert!(top_at < first_group, "the top section leads");
    // The two tops, in list order (her2-retest was marked first).
    assert!(sheet.top[0].text.contains("HER2"), "{}", sheet.top[0].text);
    assert_eq!(sheet.top[1].text, HOSTILE);
}

#[test]
fn each_chosen_question_appears_exactly_once() {
    let pack = pack(Lang::En);
    let state = fixed_state();
    let sheet = build(&pack, &state, DATE);
    let text = plain_text(&sheet);
    assert_eq!(sheet.questions().count(), state.list().len());
    for entry in state.list() {
        let wording = entry
            .text
            .clone()
            .or_else(|| {
                let id = entry.question.as_deref()?;
                pack.question(id).map(|q| q.text.clone())
            })
            .unwrap_or_default();
        assert_eq!(text.matches(&wording).count(), 1, "{wording}");
    }
    // An edited bank question shows the person's words only.
    let bank = pack
        .question("side-effects-common")
        .map(|q| q.text.clone())
        .unwrap_or_default();
    assert!(!text.contains(&bank));
}

#[test]
fn only_filled_in_answers_print() {
    let sheet = sheet(Lang::En);
    let text = plain_text(&sheet);
    // Rated goals print; the unrated one does not.
    assert!(text.contains("- Ease symptoms and feel well: Very important"));
    assert!(text.contains("- Live as long as possible: Somewhat important"));
    assert!(!text.contains("Shrink the cancer"));
    assert!(text.contains("My daughter's wedding in June."));
    // Two factors answered, six not.
    assert_eq!(sheet.profile.len(), 2);
    // As the statements of the printed About me, not the checklist's
    // questions ("Where has the cancer spread?").
    assert!(
        text.contains("- Where it has spread: Bone, Liver"),
        "{text}"
    );
    assert!(!text.contains("Where has the cancer spread?"), "{text}");
    assert!(!text.contains("menopause"));
    assert!(text.contains("- Chemotherapy: Ask about it"));
    assert!(!text.contains("Hormone therapy"));

    // Nothing filled in: no section headings for goals, profile,
    // treatments or sources; just the header and the footer.
    let empty = plain_text(&build(&pack(Lang::En), &State::default(), DATE));
    for heading in [
        "Most important to me",
        "What matters most to me",
        "What I know about my cancer",
        "Treatments to talk about",
        "Sources",
    ] {
        assert!(!empty.contains(heading), "{heading} in {empty}");
    }
    assert!(empty.contains("Please go through these questions with me."));
    assert!(empty.contains("Last reviewed: "));
}

#[test]
fn markup_in_the_persons_text_is_kept_in_text_and_escaped_in_markdown() {
    let sheet = sheet(Lang::En);
    let text = plain_text(&sheet);
    assert!(text.contains(HOSTILE), "plain text keeps it verbatim");
    let md = markdown(&sheet);
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("\\<script\\>alert('x')\\</script\\>"));
    assert!(md.contains("\\*still\\*"));
    assert!(md.contains("\\[June\\](javascript:alert(1))"));
    assert!(md.contains("\\# \\& more"));
    // A note that looks like a numbered list stays text.
    assert!(md.contains("1\\. not a list \\*really\\*"), "{md}");
    // Only our own headings start a line with `#`.
    for line in md.lines().filter(|l| l.starts_with('#')) {
        assert!(line.starts_with("# ") || line.starts_with("## "), "{line}");
    }
}

#[test]
fn sources_are_listed_once_with_the_review_date() {
    let sheet = sheet(Lang::En);
    let mut sorted = sheet.sources.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), sheet.sources.len());
    assert!(!sheet.sources.is_empty());
    assert!(sheet.reviewed.starts_with("Last reviewed: "));
}

#[test]
fn the_reason_and_treatment_now_are_exported_where_the_sheet_prints_them() {
    for lang in [Lang::En, Lang::Es] {
        let pack = pack(lang);
        let state = fixed_state()
            .apply(Action::SetVisit(Some(Visit::SecondOpinion)))
            .apply(Action::SetTreatmentNow(
                "Letrozole *daily*\nsince May".into(),
            ));
        let sheet = build(&pack, &state, DATE);
        let text = plain_text(&sheet);
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{lang:?}: {needle:?} not in {text}"))
        };
        let reason = format!(
            "{}: {}",
            pack.ui("about_visit"),
            pack.ui("visit_second_opinion")
        );
        let first_question = &sheet.top[0].text;
        // The reason comes first, as in "About me"; what to bring follows
        // the questions; the treatment now is with what I know.
        assert!(at(&reason) < at(first_question), "{text}");
        assert!(at(first_question) < at(pack.ui("bring_heading")));
        assert!(at(pack.ui("bring_heading")) < at(&format!("- {}", pack.ui("bring_slides"))));
        let profile = at(pack.ui("print_profile"));
        let now = at(&format!(
            "- {}: Letrozole *daily*\n  since May",
            pack.ui("about_treatment_now")
        ));
        assert!(
            profile < now && now < at(pack.ui("step_treatments")),
            "{text}"
        );

        let md = markdown(&sheet);
        assert!(md.contains(&reason), "{md}");
        assert!(
            md.contains("Letrozole \\*daily\\*"),
            "escaped in Markdown: {md}"
        );
        assert!(
            md.contains(&format!("## {}", pack.ui("bring_heading"))),
            "{md}"
        );

        // For a visit with my own team: the reason, but nothing to bring.
        let own = build(
            &pack,
            &state.apply(Action::SetVisit(Some(Visit::OwnTeam))),
            DATE,
        );
        let own_text = plain_text(&own);
        assert!(own_text.contains(pack.ui("visit_own_team")));
        assert!(!own_text.contains(pack.ui("bring_slides")));
    }
}

/// Issue 17 item 12 (review L5): whatever the sheet holds, the exports
/// hold no control or bidi character, a lone `\r` is a line end, and a line
/// of the person's own that starts like structure cannot pass for one of
/// ours in the text.
#[test]
fn exports_drop_control_and_bidi_characters_and_the_persons_lines_cannot_start_structure() {
    let mut sheet = build(&pack(Lang::En), &fixed_state(), DATE);
    // Set on the sheet, past the state's own cleaning (a `State` cannot
    // hold them), so that the export's own cleaning is what is tested.
    sheet.top[0].note =
        "call \u{202e}1-800-555\u{202c} now\r# Urgent\u{1b}[2J\u{85}\n2. [ ] A fake question\n- a fake item\n  > a quote\n`code`".into();
    sheet.goals_other = Some("wedding\u{2066}\u{200f}\r\n| a | table |\n1) first".into());
    let text = plain_text(&sheet);
    let md = markdown(&sheet);
    for out in [&text, &md] {
        let bad: Vec<char> = out
            .chars()
            .filter(|&c| c == '\r' || mbc_guide::text::is_hidden(c))
            .collect();
        assert!(bad.is_empty(), "{bad:?} in {out}");
    }
    assert!(text.contains("call 1-800-555 now"), "{text}");
    for guarded in [
        "\\# Urgent[2J",
        "\\2. [ ] A fake question",
        "\\- a fake item",
        "\\> a quote",
        "\\`code`",
        "\\| a | table |",
        "\\1) first",
    ] {
        assert!(
            text.lines().any(|l| l.trim_start() == guarded),
            "{guarded:?} not on a line of its own in\n{text}"
        );
    }
    // Every line that starts like structure is ours: a numbered question,
    // a list item of our own sections, or an underline.
    let ours = |l: &str| {
        l.starts_with("- ")
            || l.chars().all(|c| c == '-' || c == '=')
            || l.split_once(". [ ] ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
    };
    for line in text.lines().filter(|l| !ours(l)) {
        let body = line.trim_start();
        assert!(
            !body.starts_with(['#', '-', '*', '>', '|', '`', '[']),
            "{line:?} in\n{text}"
        );
    }
    assert!(md.contains("\\# Urgent\\[2J"), "{md}");
    assert!(md.contains("\\- a fake item"), "{md}");
}

/// "Download as text": the sheet, then how to reopen the list, then its
/// link, in a file named by the pack's stem and the date; and "Open a list
/// from a file" reads the same list back from it.
#[test]
fn the_text_download_is_the_sheet_then_a_link_that_reopens_the_list() {
    for lang in [Lang::En, Lang::Es] {
        let (pack, state) = (pack(lang), fixed_state());
        let page = "https://example.org/guide/";
        let link = mbc_guide::share::link(page, &state);
        let file = text_download(&pack, &state, DATE, Some(&link));
        assert_eq!(file.name, file_name(pack.ui("file_stem"), DATE, "txt"));
        assert_eq!(file.mime, "text/plain;charset=utf-8");
        let expected = format!(
            "{}\n{}\n{}\n",
            plain_text(&build(&pack, &state, DATE)),
            pack.ui("export_reopen"),
            mbc_guide::share::link(page, &state)
        );
        assert_eq!(file.text, expected);
        let back = mbc_guide::share::import_file(&file.text).expect("the file reopens");
        assert_eq!(back.state.list(), state.list(), "{lang:?}");
        // Where the browser cannot make a link: the sheet alone.
        let alone = text_download(&pack, &state, DATE, None);
        assert_eq!(
            alone.text,
            format!("{}\n", plain_text(&build(&pack, &state, DATE)))
        );
    }
}
