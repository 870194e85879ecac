//! How hard our English text is to read: the Flesch-Kincaid grade, measured
//! exactly as docs/CONTENT.md describes, and the list of every string a
//! person sees in a pack, each with its JSON path.
//!
//! The syllable count is a documented rule, not a dictionary, so editors can
//! predict it and the score never depends on a word list. Glossary terms and
//! `{placeholders}` count as one word of one syllable each. Strings too short
//! for the formula to mean anything (fewer than six words, no sentence-ending
//! punctuation) are pooled and scored as one passage.

use super::glossary::fold;
use super::model::Pack;

/// The counts behind a Flesch-Kincaid grade.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// `0.39 × words/sentences + 11.8 × syllables/words − 15.59`; 0 for a
    /// text with no words.
    pub grade: f64,
}

impl Score {
    fn from_counts(words: usize, sentences: usize, syllables: usize) -> Score {
        let grade = if words == 0 || sentences == 0 {
            0.0
        } else {
            0.39 * (words as f64 / sentences as f64) + 11.8 * (syllables as f64 / words as f64)
                - 15.59
        };
        Score {
            words,
            sentences,
            syllables,
            grade,
        }
    }
}

/// The syllables of one word, by the rule in docs/CONTENT.md.
pub fn syllables(word: &str) -> usize {
    let letters: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    // Three letters or fewer, and words of digits only ("2", "2026"): one.
    if letters.len() <= 3 {
        return 1;
    }
    let mut groups: usize = 0;
    let mut in_vowels = false;
    for &c in &letters {
        let vowel = is_vowel(c);
        if vowel && !in_vowels {
            groups += 1;
        }
        in_vowels = vowel;
    }
    let n = letters.len();
    let last = letters[n - 1];
    let before = letters[n - 2];
    let silent = match (before, last) {
        // A silent final e, but not "-le" (table) or "-ee" (free).
        (b, 'e') => b != 'l' && b != 'e',
        // Final "es", unless it sounds: boxes, buses, places, ages, reaches.
        ('e', 's') => {
            let b = letters[n - 3];
            let b2 = if n >= 4 { letters[n - 4] } else { ' ' };
            !(matches!(b, 's' | 'x' | 'z' | 'c' | 'g') || (b == 'h' && matches!(b2, 'c' | 's')))
        }
        // Final "ed", unless it sounds: wanted, needed.
        ('e', 'd') => !matches!(letters[n - 3], 't' | 'd'),
        _ => false,
    };
    if silent {
        groups = groups.saturating_sub(1);
    }
    groups.max(1)
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'á'
            | 'à'
            | 'â'
            | 'ä'
            | 'ã'
            | 'å'
            | 'æ'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'í'
            | 'ì'
            | 'î'
            | 'ï'
            | 'ó'
            | 'ò'
            | 'ô'
            | 'ö'
            | 'õ'
            | 'ø'
            | 'œ'
            | 'ú'
            | 'ù'
            | 'û'
            | 'ü'
            | 'ý'
            | 'ÿ'
    )
}

/// A character that belongs to a word: letters, digits, apostrophes and
/// hyphens (so "HER2-low" and "don't" are one word each).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '‐' | '‑')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '?' | '!')
}

/// The length of a `{placeholder}` starting at `start`, if there is one.
fn placeholder_len(chars: &[char], start: usize) -> Option<usize> {
    if chars.get(start) != Some(&'{') {
        return None;
    }
    let mut i = start + 1;
    while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
        i += 1;
    }
    (i > start + 1 && chars.get(i) == Some(&'}')).then_some(i + 1 - start)
}

/// The length of the longest excused term that starts at `start` as whole
/// words, if any. `terms` are folded to lower case and longest first.
fn excused_len(
    chars: &[char],
    folded: &[char],
    start: usize,
    terms: &[Vec<char>],
) -> Option<usize> {
    if start > 0 && is_word_char(chars[start - 1]) {
        return None;
    }
    terms.iter().find_map(|term| {
        let end = start + term.len();
        let matches = end <= folded.len()
            && folded[start..end] == term[..]
            && !chars.get(end).is_some_and(|&c| is_word_char(c));
        matches.then_some(term.len())
    })
}

/// The Flesch-Kincaid grade of a text. `excused_terms` are glossary terms
/// and their forms: each occurrence (whole words, any case) counts as one
/// word of one syllable.
pub fn grade(text: &str, excused_terms: &[String]) -> Score {
    let counts = count(text, excused_terms, syllables, is_sentence_end);
    Score::from_counts(counts.words, counts.sentences, counts.syllables)
}

/// Words, sentences and syllables of a text, with a language's syllable
/// rule and sentence ends; also the longest sentence, in words.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Counts {
    words: usize,
    sentences: usize,
    syllables: usize,
    longest_sentence: usize,
}

fn count(
    text: &str,
    excused_terms: &[String],
    syllables: fn(&str) -> usize,
    is_sentence_end: fn(char) -> bool,
) -> Counts {
    let mut terms: Vec<Vec<char>> = excused_terms
        .iter()
        .map(|t| t.trim().chars().map(fold).collect::<Vec<char>>())
        .filter(|t| t.first().is_some_and(|&c| is_word_char(c)))
        .collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));

    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
    let (mut words, mut sentences, mut syllable_count) = (0, 0, 0);
    let mut words_in_sentence = 0;
    let mut longest_sentence = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(len) = placeholder_len(&chars, i) {
            words += 1;
            syllable_count += 1;
            words_in_sentence += 1;
            i += len;
        } else if is_word_char(c) {
            if let Some(len) = excused_len(&chars, &folded, i, &terms) {
                words += 1;
                syllable_count += 1;
                words_in_sentence += 1;
                i += len;
                continue;
            }
            let start = i;
            while i < chars.len() && is_word_char(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if word.chars().any(char::is_alphanumeric) {
                words += 1;
                syllable_count += syllables(&word);
                words_in_sentence += 1;
            }
        } else {
            if is_sentence_end(c) && words_in_sentence > 0 {
                sentences += 1;
                longest_sentence = longest_sentence.max(words_in_sentence);
                words_in_sentence = 0;
            }
            i += 1;
        }
    }
    if words_in_sentence > 0 {
        sentences += 1;
        longest_sentence = longest_sentence.max(words_in_sentence);
    }
    Counts {
        words,
        sentences,
        syllables: syllable_count,
        longest_sentence,
    }
}

/// The number of words in a text, placeholders counting one each.
fn word_count(text: &str) -> usize {
    grade(text, &[]).words
}

/// A button, heading or answer label: fewer than six words and no
/// sentence-ending punctuation. Such strings are scored pooled together.
pub fn is_short_label(text: &str) -> bool {
    !text.chars().any(is_sentence_end) && word_count(text) < 6
}

/// What a patient-facing string is, so checks can hold each kind to its own
/// limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// Titles, headings, topic names, answer labels.
    Label,
    /// An interface word or message (`ui`).
    Ui,
    /// The widget's tagline.
    Tagline,
    /// A question in the bank.
    Question,
    /// A factor's `reason` template.
    Reason,
    /// A thing to bring to a second opinion.
    Bring,
    /// A warning sign in the "get help right away" box.
    Sign,
    /// A readiness yes/no question.
    Readiness,
    /// A glossary explanation.
    Glossary,
    /// Paragraphs, introductions, item texts, the disclaimer.
    Paragraph,
}

/// One string a person sees, with where it is in the pack.
#[derive(Clone, Debug, PartialEq)]
pub struct PackText<'a> {
    /// JSON path, e.g. `questions[12].text` or `ui.save`.
    pub path: String,
    pub text: &'a str,
    pub kind: TextKind,
}

/// Every patient-facing string of a pack, in pack order. Ids, the language,
/// the review date and the sources (citations, not our prose) are left out,
/// as are glossary terms themselves (they are excused words).
pub fn patient_texts(pack: &Pack) -> Vec<PackText<'_>> {
    use TextKind::*;
    let mut out: Vec<PackText<'_>> = Vec::new();
    macro_rules! put {
        ($path:expr, $text:expr, $kind:expr) => {
            out.push(PackText {
                path: $path,
                text: $text.as_str(),
                kind: $kind,
            })
        };
    }

    put!("meta.title".to_owned(), pack.meta.title, Label);
    put!("meta.tagline".to_owned(), pack.meta.tagline, Tagline);
    put!(
        "meta.disclaimer".to_owned(),
        pack.meta.disclaimer,
        Paragraph
    );
    for (key, value) in &pack.ui {
        put!(format!("ui.{key}"), value, Ui);
    }

    let g = &pack.guide;
    for (name, section) in [
        ("intro", &g.intro),
        ("supportive", &g.supportive),
        ("complementary", &g.complementary),
    ] {
        put!(format!("guide.{name}.heading"), section.heading, Label);
        for (i, p) in section.paragraphs.iter().enumerate() {
            put!(format!("guide.{name}.paragraphs[{i}]"), p, Paragraph);
        }
    }
    if let Some(urgent) = pack.urgent() {
        put!("guide.urgent.heading".to_owned(), urgent.heading, Label);
        put!("guide.urgent.intro".to_owned(), urgent.intro, Paragraph);
        for (i, sign) in urgent.signs.iter().enumerate() {
            put!(format!("guide.urgent.signs[{i}]"), sign, Sign);
        }
        put!("guide.urgent.action".to_owned(), urgent.action, Paragraph);
    }
    let living = pack.living().map(|l| ("living", l));
    for (name, section) in [("goals", &g.goals), ("treatments", &g.treatments)]
        .into_iter()
        .chain(living)
    {
        put!(format!("guide.{name}.heading"), section.heading, Label);
        put!(format!("guide.{name}.intro"), section.intro, Paragraph);
        for (i, item) in section.items.iter().enumerate() {
            let at = format!("guide.{name}.items[{i}]");
            put!(format!("{at}.title"), item.title, Label);
            put!(format!("{at}.text"), item.text, Paragraph);
            if let Some(when) = &item.when {
                put!(format!("{at}.when"), when, Paragraph);
            }
        }
    }
    put!("guide.factors.heading".to_owned(), g.factors.heading, Label);
    put!("guide.factors.intro".to_owned(), g.factors.intro, Paragraph);
    for (i, factor) in g.factors.items.iter().enumerate() {
        let at = format!("guide.factors.items[{i}]");
        put!(format!("{at}.title"), factor.title, Label);
        put!(format!("{at}.text"), factor.text, Paragraph);
        for (j, option) in factor.options.iter().enumerate() {
            put!(format!("{at}.options[{j}].label"), option.label, Label);
        }
        put!(format!("{at}.reason"), factor.reason, Reason);
    }
    let so = &g.second_opinion;
    put!("guide.second_opinion.heading".to_owned(), so.heading, Label);
    for (i, p) in so.paragraphs.iter().enumerate() {
        put!(
            format!("guide.second_opinion.paragraphs[{i}]"),
            p,
            Paragraph
        );
    }
    for (i, b) in so.bring.iter().enumerate() {
        put!(format!("guide.second_opinion.bring[{i}]"), b, Bring);
    }

    for (i, topic) in pack.topics.iter().enumerate() {
        put!(format!("topics[{i}].title"), topic.title, Label);
    }
    for (i, q) in pack.questions.iter().enumerate() {
        put!(format!("questions[{i}].text"), q.text, Question);
    }
    for (i, term) in pack.glossary.iter().enumerate() {
        put!(format!("glossary[{i}].text"), term.text, Glossary);
    }
    for (i, item) in pack.readiness.iter().enumerate() {
        put!(format!("readiness[{i}].text"), item.text, Readiness);
    }
    out
}

/// The glossary terms and their forms: the words readability excuses.
pub fn excused_terms(pack: &Pack) -> Vec<String> {
    pack.glossary
        .iter()
        .flat_map(|t| std::iter::once(&t.term).chain(t.forms.iter()))
        .filter(|t| !t.trim().is_empty())
        .cloned()
        .collect()
}

/// The path under which the pooled short labels are reported.
pub const POOLED_LABELS: &str = "(short labels, pooled)";

/// The readability of a whole pack.
#[derive(Clone, Debug, PartialEq)]
pub struct PackReport {
    /// Each longer string's grade, by JSON path, in pack order.
    pub scores: Vec<(String, f64)>,
    /// All short labels scored as one passage, one sentence per label.
    pub pooled_labels: Score,
    /// The median of `scores` and the pooled labels' grade.
    pub median: f64,
    /// The hardest string (or `POOLED_LABELS`) and its grade.
    pub max: (String, f64),
}

/// Scores every patient-facing string of a pack as docs/CONTENT.md says.
pub fn pack_report(pack: &Pack) -> PackReport {
    let terms = excused_terms(pack);
    let mut scores = Vec::new();
    let (mut words, mut sentences, mut syllable_count) = (0, 0, 0);
    for text in patient_texts(pack) {
        if is_short_label(text.text) {
            let s = grade(text.text, &terms);
            words += s.words;
            sentences += s.sentences;
            syllable_count += s.syllables;
        } else {
            scores.push((text.path, grade(text.text, &terms).grade));
        }
    }
    let pooled_labels = Score::from_counts(words, sentences, syllable_count);

    let mut all: Vec<(&str, f64)> = scores.iter().map(|(p, g)| (p.as_str(), *g)).collect();
    if pooled_labels.words > 0 {
        all.push((POOLED_LABELS, pooled_labels.grade));
    }
    let max = all
        .iter()
        .copied()
        .fold(None::<(&str, f64)>, |best, (p, g)| match best {
            Some((_, b)) if b >= g => best,
            _ => Some((p, g)),
        })
        .map(|(p, g)| (p.to_owned(), g))
        .unwrap_or_default();
    let mut grades: Vec<f64> = all.iter().map(|(_, g)| *g).collect();
    PackReport {
        scores,
        pooled_labels,
        median: median(&mut grades),
        max,
    }
}

/// The median of some grades; 0 for none.
pub fn median(grades: &mut [f64]) -> f64 {
    grades.sort_by(f64::total_cmp);
    let n = grades.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => grades[n / 2],
        _ => (grades[n / 2 - 1] + grades[n / 2]) / 2.0,
    }
}

// Spanish

/// The syllables of one Spanish word, by the rule in docs/CONTENT.md: the
/// number of vowel nuclei, read from the spelling.
///
/// - Lower-case the word and keep its letters. A word of digits only ("8",
///   "2026") has one syllable, as in English.
/// - Vowels are `a e i o u`, with or without an accent, and `ü`. A `y` is a
///   vowel when no vowel follows it ("y", "muy", "hoy"), else a consonant
///   ("ya", "leyes").
/// - The `u` of `que`, `qui`, `gue`, `gui` is silent: not a vowel ("quien"
///   has one syllable, "guerra" two; "agua" and "pingüino" keep theirs).
/// - Vowels next to each other share a syllable (a diphthong: "ciudad",
///   "bueno"), except two strong vowels, which split (a hiatus: "le-er",
///   "po-e-ta"). Strong vowels are `a e o` (also accented) and an accented
///   `í` or `ú` ("dí-a", "pa-ís").
/// - An `h` between vowels separates them (a documented simplification:
///   "prohíbe" counts as pro-hí-be, which is right; "ahumar" as a-hu-mar).
pub fn syllables_es(word: &str) -> usize {
    let letters: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.is_empty() {
        return 1;
    }
    let is_plain_vowel = |c: char| "aeiouáéíóúü".contains(c);
    let vowel_at = |i: usize| -> bool {
        let c = letters[i];
        match c {
            'y' => !letters.get(i + 1).is_some_and(|&n| is_plain_vowel(n)),
            'u' => {
                let silent = i > 0
                    && matches!(letters[i - 1], 'q' | 'g')
                    && letters.get(i + 1).is_some_and(|&n| "eéií".contains(n));
                !silent
            }
            c => is_plain_vowel(c),
        }
    };
    let strong = |c: char| "aeoáéóíú".contains(c);
    let mut count = 0;
    let mut previous: Option<char> = None;
    for (i, &c) in letters.iter().enumerate() {
        if !vowel_at(i) {
            previous = None;
            continue;
        }
        match previous {
            // A diphthong goes on the syllable already counted.
            Some(p) if !(strong(p) && strong(c)) => {}
            _ => count += 1,
        }
        previous = Some(c);
    }
    count.max(1)
}

/// Spanish sentences also end at an ellipsis ("…").
fn is_sentence_end_es(c: char) -> bool {
    is_sentence_end(c) || c == '…'
}

/// The counts behind the two Spanish scores, and the scores.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ScoreEs {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// The most words in one sentence.
    pub longest_sentence: usize,
    /// Fernández-Huerta (1959), in its corrected form:
    /// `206.84 − 60 × syllables/words − 1.02 × words/sentences`. Higher is
    /// easier: 80 and above easy, 70–80 fairly easy, 60–70 standard.
    pub fernandez_huerta: f64,
    /// INFLESZ, the Szigriszt-Pazos perspicuity (1993):
    /// `206.835 − 62.3 × syllables/words − words/sentences`, read on Barrio
    /// Cantalejo's INFLESZ scale (2008): above 80 very easy, 65–80 fairly
    /// easy, 55–65 normal, 40–55 somewhat hard, below 40 very hard.
    pub inflesz: f64,
}

impl ScoreEs {
    fn from_counts(c: Counts) -> ScoreEs {
        let (fernandez_huerta, inflesz) = if c.words == 0 || c.sentences == 0 {
            (0.0, 0.0)
        } else {
            let per_word = c.syllables as f64 / c.words as f64;
            let per_sentence = c.words as f64 / c.sentences as f64;
            (
                206.84 - 60.0 * per_word - 1.02 * per_sentence,
                206.835 - 62.3 * per_word - per_sentence,
            )
        };
        ScoreEs {
            words: c.words,
            sentences: c.sentences,
            syllables: c.syllables,
            longest_sentence: c.longest_sentence,
            fernandez_huerta,
            inflesz,
        }
    }
}

/// The Fernández-Huerta and INFLESZ scores of a Spanish text, glossary
/// terms excused as in English (each occurrence one word of one syllable).
pub fn score_es(text: &str, excused_terms: &[String]) -> ScoreEs {
    ScoreEs::from_counts(count(text, excused_terms, syllables_es, is_sentence_end_es))
}

/// The fewest words for which the Spanish formulas are held to a floor:
/// on shorter strings they swing widely ("Guardado en este dispositivo."
/// scores INFLESZ 31).
pub const ES_MIN_WORDS: usize = 12;
/// The lowest INFLESZ a Spanish passage of `ES_MIN_WORDS` or more may score
/// ("normal" and up on the INFLESZ scale).
pub const ES_MIN_INFLESZ: f64 = 55.0;
/// The most words one Spanish sentence may have.
pub const ES_MAX_SENTENCE_WORDS: usize = 20;

/// The readability of a Spanish pack.
#[derive(Clone, Debug, PartialEq)]
pub struct PackReportEs {
    /// Each longer string's scores, by JSON path, in pack order.
    pub scores: Vec<(String, ScoreEs)>,
    /// All short labels scored as one passage, one sentence per label.
    pub pooled_labels: ScoreEs,
    /// Every patient-facing string scored as one text.
    pub whole: ScoreEs,
}

/// Scores every patient-facing string of a Spanish pack, as docs/CONTENT.md
/// says: the same strings and pooling as the English grade.
pub fn pack_report_es(pack: &Pack) -> PackReportEs {
    let terms = excused_terms(pack);
    let mut scores = Vec::new();
    let (mut pooled, mut whole) = (Counts::default(), Counts::default());
    let add = |total: &mut Counts, c: Counts| {
        total.words += c.words;
        total.sentences += c.sentences;
        total.syllables += c.syllables;
        total.longest_sentence = total.longest_sentence.max(c.longest_sentence);
    };
    for text in patient_texts(pack) {
        let c = count(text.text, &terms, syllables_es, is_sentence_end_es);
        add(&mut whole, c);
        if is_short_label(text.text) {
            add(&mut pooled, c);
        } else {
            scores.push((text.path, ScoreEs::from_counts(c)));
        }
    }
    PackReportEs {
        scores,
        pooled_labels: ScoreEs::from_counts(pooled),
        whole: ScoreEs::from_counts(whole),
    }
}

impl PackReportEs {
    /// Passages of `ES_MIN_WORDS` or more below `ES_MIN_INFLESZ`.
    pub fn too_hard(&self) -> Vec<&(String, ScoreEs)> {
        self.scores
            .iter()
            .filter(|(_, s)| s.words >= ES_MIN_WORDS && s.inflesz < ES_MIN_INFLESZ)
            .collect()
    }

    /// Passages with a sentence over `ES_MAX_SENTENCE_WORDS` words.
    pub fn too_long(&self) -> Vec<&(String, ScoreEs)> {
        self.scores
            .iter()
            .filter(|(_, s)| s.longest_sentence > ES_MAX_SENTENCE_WORDS)
            .collect()
    }
}

/// The INFLESZ bands, lowest first, as (label, lower bound).
const INFLESZ_BANDS: [(&str, f64); 5] = [
    ("very hard (<40)", f64::NEG_INFINITY),
    ("somewhat hard (40-55)", 40.0),
    ("normal (55-65)", 55.0),
    ("fairly easy (65-80)", 65.0),
    ("very easy (>80)", 80.0),
];

impl std::fmt::Display for PackReportEs {
    /// The distribution `mbc-validate-pack --readability` prints.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut fh: Vec<f64> = self
            .scores
            .iter()
            .map(|(_, s)| s.fernandez_huerta)
            .collect();
        let mut inflesz: Vec<f64> = self.scores.iter().map(|(_, s)| s.inflesz).collect();
        let (p, w) = (&self.pooled_labels, &self.whole);
        writeln!(
            f,
            "  {} strings scored alone; Fernández-Huerta median {:.1}, INFLESZ median {:.1}",
            self.scores.len(),
            median(&mut fh),
            median(&mut inflesz)
        )?;
        writeln!(
            f,
            "  pooled short labels: {} words, {} labels, FH {:.1}, INFLESZ {:.1}",
            p.words, p.sentences, p.fernandez_huerta, p.inflesz
        )?;
        writeln!(
            f,
            "  all text: {} words, {} sentences, {:.2} syllables a word, {:.1} words a sentence, FH {:.1}, INFLESZ {:.1}",
            w.words,
            w.sentences,
            w.syllables as f64 / w.words.max(1) as f64,
            w.words as f64 / w.sentences.max(1) as f64,
            w.fernandez_huerta,
            w.inflesz
        )?;
        for (label, long_only) in [("all strings", false), ("strings of 12+ words", true)] {
            writeln!(f, "  INFLESZ bands, {label}:")?;
            for (i, (band, low)) in INFLESZ_BANDS.iter().enumerate() {
                let high = INFLESZ_BANDS.get(i + 1).map_or(f64::INFINITY, |b| b.1);
                let n = self
                    .scores
                    .iter()
                    .filter(|(_, s)| !long_only || s.words >= ES_MIN_WORDS)
                    .filter(|(_, s)| s.inflesz >= *low && s.inflesz < high)
                    .count();
                writeln!(f, "    {band:<22} {n:>4} {}", "#".repeat(n.min(60)))?;
            }
        }
        let mut hardest: Vec<&(String, ScoreEs)> = self
            .scores
            .iter()
            .filter(|(_, s)| s.words >= ES_MIN_WORDS)
            .collect();
        hardest.sort_by(|a, b| a.1.inflesz.total_cmp(&b.1.inflesz));
        writeln!(f, "  hardest (12+ words, INFLESZ / FH):")?;
        for (path, s) in hardest.into_iter().take(5) {
            writeln!(
                f,
                "    {:>5.1} / {:>5.1}  {path}",
                s.inflesz, s.fernandez_huerta
            )?;
        }
        let too_hard = self.too_hard();
        let too_long = self.too_long();
        writeln!(
            f,
            "  {} of 12+ words below INFLESZ {ES_MIN_INFLESZ}; {} with a sentence over {ES_MAX_SENTENCE_WORDS} words",
            too_hard.len(),
            too_long.len()
        )?;
        for (path, s) in too_long {
            writeln!(
                f,
                "    {} words in one sentence: {path}",
                s.longest_sentence
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_follow_the_documented_rule() {
        for (word, expected) in [
            ("cancer", 2),
            ("treatment", 2),
            ("the", 1),
            ("hormone", 2),
            ("therapy", 3),
            ("shaped", 1),
            ("wanted", 2),
            ("boxes", 2),
            ("make", 1),
            ("table", 2),
            ("free", 1),
            ("shapes", 1),
            ("reaches", 2),
            ("places", 2),
            ("needed", 2),
            ("goes", 1),
            ("true", 1),
            ("Doctor", 2),
            ("don't", 1),
            ("metastatic", 4),
            ("2026", 1),
            ("HER2", 1),
            ("ask", 1),
        ] {
            assert_eq!(syllables(word), expected, "syllables of {word:?}");
        }
    }

    #[test]
    fn a_hand_counted_sentence_gets_its_grade() {
        // "The cat sat on the mat." 6 words, 1 sentence, 6 syllables:
        // 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
        let s = grade("The cat sat on the mat.", &[]);
        assert_eq!((s.words, s.sentences, s.syllables), (6, 1, 6));
        assert!((s.grade - (-1.45)).abs() < 1e-9, "{}", s.grade);

        // "Ask your doctor about hormone therapy. It may help." —
        // words 9, sentences 2; syllables ask 1, your 1, doctor 2, about 2,
        // hormone 2, therapy 3, it 1, may 1, help 1 = 14.
        let s = grade("Ask your doctor about hormone therapy. It may help.", &[]);
        assert_eq!((s.words, s.sentences, s.syllables), (9, 2, 14));
        let expected = 0.39 * 4.5 + 11.8 * (14.0 / 9.0) - 15.59;
        assert!((s.grade - expected).abs() < 1e-9);
    }

    #[test]
    fn glossary_terms_count_as_one_short_word_in_any_case() {
        let terms = vec!["metastatic breast cancer".to_owned(), "HER2-low".to_owned()];
        let s = grade("Metastatic breast cancer can be her2-low.", &terms);
        // metastatic breast cancer (1 word, 1), can 1, be 1, her2-low (1, 1)
        assert_eq!((s.words, s.syllables), (4, 4));
    }

    #[test]
    fn glossary_terms_match_only_whole_words() {
        let terms = vec!["ER".to_owned()];
        // "other" contains "er" but is not the word ER.
        let s = grade("other", &terms);
        assert_eq!(s.syllables, 2);
        let s = grade("ER-positive", &terms);
        assert_eq!(
            (s.words, s.syllables),
            (1, 4),
            "a hyphenated word is one word"
        );
    }

    #[test]
    fn placeholders_count_as_one_word_of_one_syllable() {
        let s = grade("You said your status is {answer}.", &[]);
        assert_eq!((s.words, s.syllables), (6, 7), "status has two");
    }

    #[test]
    fn sentences_end_at_stops_questions_and_the_end_of_the_string() {
        assert_eq!(grade("One. Two? Three! Four", &[]).sentences, 4);
        assert_eq!(grade("Wait... really?!", &[]).sentences, 2);
        assert_eq!(grade("", &[]).sentences, 0);
        assert_eq!(grade("", &[]).grade, 0.0);
    }

    #[test]
    fn short_labels_have_under_six_words_and_no_stop() {
        assert!(is_short_label("Save my list"));
        assert!(is_short_label("HER2-low"));
        assert!(!is_short_label("Is it HER2-low?"));
        assert!(!is_short_label("one two three four five six"));
        assert!(is_short_label("{n} of {total}"));
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(median(&mut []), 0.0);
    }
}

#[cfg(test)]
mod spanish_tests {
    use super::*;

    #[test]
    fn spanish_syllables_follow_the_documented_rule() {
        for (word, expected) in [
            ("cáncer", 2),
            ("tratamiento", 4),
            ("quimioterapia", 5),
            ("pregunta", 3),
            ("quien", 1),
            ("guerra", 2),
            ("agua", 2),
            ("pingüino", 3),
            ("ciudad", 2),
            ("bueno", 2),
            ("leer", 2),
            ("poeta", 3),
            ("día", 2),
            ("país", 2),
            ("aéreo", 4),
            ("muy", 1),
            ("hoy", 1),
            ("y", 1),
            ("leyes", 2),
            ("ya", 1),
            ("metastásico", 5),
            ("usted", 2),
            ("médico", 3),
            ("2026", 1),
            ("biopsia", 2),
            ("oído", 3),
        ] {
            assert_eq!(syllables_es(word), expected, "syllables of {word:?}");
        }
    }

    #[test]
    fn a_hand_counted_spanish_sentence_gets_its_scores() {
        // "Hable con su médico." 4 words, 1 sentence; ha-ble 2, con 1, su 1,
        // mé-di-co 3 = 7 syllables.
        let s = score_es("Hable con su médico.", &[]);
        assert_eq!((s.words, s.sentences, s.syllables), (4, 1, 7));
        let fh = 206.84 - 60.0 * 7.0 / 4.0 - 1.02 * 4.0;
        let inflesz = 206.835 - 62.3 * 7.0 / 4.0 - 4.0;
        assert!((s.fernandez_huerta - fh).abs() < 1e-9);
        assert!((s.inflesz - inflesz).abs() < 1e-9);
    }

    #[test]
    fn glossary_terms_are_excused_in_spanish_too() {
        let terms = vec!["quimioterapia".to_owned()];
        let s = score_es("La quimioterapia ayuda.", &terms);
        // la 1, quimioterapia (excused) 1, a-yu-da 3
        assert_eq!((s.words, s.syllables), (3, 5));
    }

    #[test]
    fn the_longest_sentence_is_counted_and_an_ellipsis_ends_one() {
        let s = score_es("Uno dos tres. Uno dos… ¿Uno dos tres cuatro?", &[]);
        assert_eq!((s.sentences, s.longest_sentence), (3, 4));
    }
}
