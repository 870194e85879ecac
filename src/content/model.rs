//! The shape of a content pack: the guide text, the question bank, the
//! glossary and the words of the interface, in one language.
//!
//! A pack is data (`content/<lang>.json`), written and reviewed by content
//! editors. Nothing here decides anything; `rules`, `readability` and
//! `validate` work on these types. The compiled form is postcard's layout
//! of these types, field by field in this order; `content::read` reads it
//! by hand, so a change here goes there too (and bumps `PACK_FORMAT`).

use crate::by_id::ById;
use serde::{Deserialize, Serialize};

/// The format version of a pack file. Bump it whenever the shape below
/// changes incompatibly: `content::read_pack_file` refuses a compiled pack
/// of another version, and hospitals recompile theirs with
/// `mbc-validate-pack --compile`.
pub const PACK_SCHEMA: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub schema: u32,
    /// BCP 47 language tag: "en", "es".
    pub lang: String,
    pub meta: Meta,
    /// The words of the interface (buttons, labels, messages), by key.
    /// `content::ui_keys::REQUIRED` lists the keys the code uses.
    pub ui: ById<String>,
    pub guide: Guide,
    pub topics: Vec<Topic>,
    pub questions: Vec<Question>,
    pub glossary: Vec<Term>,
    /// The four "how ready do I feel?" items, after the SURE test.
    pub readiness: Vec<ReadinessItem>,
    /// Every form of every glossary term, longest first, worked out once on
    /// first use (`Pack::glossary_forms`). Not part of the file. Packs are
    /// not changed once read; a copy starts without it, so a copy may be.
    #[serde(skip)]
    pub glossary_forms: Derived<Vec<(String, usize)>>,
}

/// A value worked out from the rest of its struct on first use. It takes
/// no part in comparisons (what it comes from is compared already), and a
/// copy starts empty, so changing the copy cannot leave it stale.
#[derive(Debug, Default)]
pub struct Derived<T>(pub std::cell::OnceCell<T>);

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        Self(std::cell::OnceCell::new())
    }
}

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> Eq for Derived<T> {}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The name of the widget as shown to people.
    pub title: String,
    /// One or two sentences under the title.
    pub tagline: String,
    /// ISO date of the last clinical review of this pack, "2026-11-30".
    pub last_reviewed: String,
    /// ISO date by which the pack must be reviewed again, at most 12 months
    /// after `last_reviewed`. After it the widget warns the host in the
    /// console and the validator warns; people see no alarm.
    #[serde(default)]
    pub review_by: String,
    /// Publishers this pack trusts as sources ("National Cancer Institute").
    /// The validator warns on a source whose `org` is not listed; a
    /// hospital extends the list in its own pack.
    #[serde(default)]
    pub publishers: Vec<String>,
    /// "This is general information, not medical advice…"
    pub disclaimer: String,
    /// Every source cited anywhere in the pack.
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short key cited by questions and guide sections, e.g. "O1".
    pub id: String,
    /// Organisation, e.g. "Mayo Clinic".
    pub org: String,
    /// Page or document title.
    pub title: String,
    /// The https address of the page itself. Required: the validator
    /// refuses a source without one. `Option` only so that a pack written
    /// before it was required still reads, to be told so.
    #[serde(default)]
    pub url: Option<String>,
    /// ISO date an editor last read the page and checked our text against it.
    #[serde(default)]
    pub checked: Option<String>,
}

/// The treatment-options guide, section by section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub intro: Section,
    pub goals: ItemSection,
    pub factors: FactorSection,
    pub treatments: ItemSection,
    pub supportive: Section,
    pub complementary: Section,
    pub second_opinion: SecondOpinion,
    /// "Get help right away": warning signs that need a call now. Always in
    /// reach on screen and on the printed sheet.
    #[serde(default)]
    pub urgent: Urgent,
    /// Short "learn more" topics (men, fertility, bones, money…), each with
    /// its own sources.
    #[serde(default)]
    pub living: ItemSection,
}

/// Warning signs that need a call to the care team now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Urgent {
    pub heading: String,
    /// One or two sentences before the list.
    pub intro: String,
    /// Each sign, one short sentence.
    pub signs: Vec<String>,
    /// What to do: who to call, and when to call emergency services.
    pub action: String,
    pub sources: Vec<String>,
}

/// A heading and plain paragraphs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// Source ids backing this section.
    pub sources: Vec<String>,
}

/// A heading, an introduction and a list of named items (goals, treatments).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSection {
    pub heading: String,
    pub intro: String,
    pub items: Vec<Item>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id, used by rules and stored answers: "shrink", "hormonal".
    pub id: String,
    pub title: String,
    /// What it is, in one to three short sentences.
    pub text: String,
    /// When it tends to be used (treatments only).
    #[serde(default)]
    pub when: Option<String>,
    /// Source ids backing this item in particular, beside its section's.
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactorSection {
    pub heading: String,
    pub intro: String,
    pub items: Vec<Factor>,
    pub sources: Vec<String>,
}

/// One of the things a treatment plan depends on, with its answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// Stable id: "hormone_receptor", "her2", "spread", "history",
    /// "past_treatments", "grew_on", "symptoms", "overall_health",
    /// "menopause", "preferences" (`validate::FIXED_FACTORS`).
    pub id: String,
    /// The question as asked in the checklist: "What is your HER2 status?"
    pub title: String,
    /// Why it matters, in plain words.
    pub text: String,
    /// May the person pick more than one answer?
    pub multiple: bool,
    /// The answers. Every factor has one with id "not_sure".
    pub options: Vec<FactOption>,
    /// How a suggestion explains itself, with `{answer}` standing for the
    /// chosen answer's label: "you said your HER2 status is {answer}".
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactOption {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecondOpinion {
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// What to bring to a second opinion.
    pub bring: Vec<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, never reused: "goals-main-aim".
    pub id: String,
    /// A `Topic::id`.
    pub topic: String,
    pub text: String,
    /// Source ids (at least one).
    pub sources: Vec<String>,
    /// Shown only after the person chooses to see such questions
    /// (life expectancy and the like).
    #[serde(default)]
    pub sensitive: bool,
    /// When to suggest this question. `None`: never suggested, only found
    /// by browsing or search.
    #[serde(default)]
    pub rule: Option<Rule>,
}

/// A condition on the person's answers. Rules are data; `rules::holds`
/// decides, `rules::suggest` ranks and `rules::explain` says why. In JSON: `{"always": true}`,
/// `{"factor": {"id": "her2", "is": ["not_sure", "zero", "low"]}}`,
/// `{"all": [ … ]}`, `{"any": [ … ]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum Rule {
    /// Suggested to everyone.
    Always(bool),
    /// True when any answer chosen for factor `id` is one of `is`.
    Factor {
        id: String,
        is: Vec<String>,
    },
    /// True when the goal (`Item::id` in `guide.goals`) is rated one of `is`
    /// ("not", "somewhat", "very").
    Goal {
        id: String,
        is: Vec<String>,
    },
    /// True when the treatment (`Item::id` in `guide.treatments`, or
    /// "supportive", "complementary") is marked one of `is`
    /// ("discussed", "ask", "not_now").
    Treatment {
        id: String,
        is: Vec<String>,
    },
    All(Vec<Rule>),
    Any(Vec<Rule>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable id: "her2".
    pub id: String,
    /// The term as shown: "HER2".
    pub term: String,
    /// Other spellings or forms found in the text: "HER2-low".
    #[serde(default)]
    pub forms: Vec<String>,
    /// Plain explanation, one or two sentences.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadinessItem {
    /// "sure", "understand", "values", "support" (the four SURE domains).
    pub id: String,
    /// A yes/no question in our own words.
    pub text: String,
    /// Question ids that help when the answer is "no".
    pub helps: Vec<String>,
    /// Where the item comes from: ids from `meta.sources`.
    #[serde(default)]
    pub sources: Vec<String>,
}
