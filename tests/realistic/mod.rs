//! Realistic lists for measuring share links and QR codes: bank questions
//! from the English pack, about 30% of the person's own questions, and a
//! note of about 60 characters on every question, each one different.

use mbc_guide::answers::{Mark, Rating};
use mbc_guide::content::{builtin, Lang};
use mbc_guide::state::{Action, State};

/// Where links in these tests point.
pub const BASE: &str = "https://example.org/mbc-guide/";

const OWN: [&str; 12] = [
    "Can I still go on the trip to see my sister in March?",
    "Who do I call at night if the pain gets worse?",
    "Will I lose my hair with this one?",
    "Can I keep swimming during treatment?",
    "How often will I need blood tests?",
    "Is it safe to have the flu shot now?",
    "Can my husband come into the scan room with me?",
    "What should I eat on the days after treatment?",
    "Can I drive myself home after the infusion?",
    "Should I stop the vitamin D pills I take?",
    "How long will each visit take?",
    "Who can help me explain this to my kids?",
];

/// Words people write in notes, for notes that differ the way real ones
/// do (repeating one note would compress unrealistically well).
const WORDS: [&str; 120] = [
    "ask",
    "about",
    "after",
    "again",
    "all",
    "appointment",
    "back",
    "before",
    "blood",
    "bone",
    "bring",
    "call",
    "can",
    "card",
    "check",
    "clinic",
    "come",
    "daughter",
    "day",
    "days",
    "doctor",
    "dose",
    "Dr",
    "drive",
    "each",
    "email",
    "every",
    "first",
    "Friday",
    "from",
    "get",
    "give",
    "had",
    "has",
    "have",
    "help",
    "her",
    "home",
    "hospital",
    "husband",
    "if",
    "infusion",
    "insurance",
    "is",
    "it",
    "keep",
    "know",
    "last",
    "later",
    "let",
    "line",
    "list",
    "long",
    "maybe",
    "me",
    "medicine",
    "Monday",
    "month",
    "more",
    "morning",
    "my",
    "name",
    "need",
    "new",
    "next",
    "night",
    "note",
    "number",
    "nurse",
    "office",
    "one",
    "or",
    "pain",
    "pharmacy",
    "phone",
    "pill",
    "plan",
    "portal",
    "report",
    "result",
    "results",
    "said",
    "same",
    "scan",
    "see",
    "she",
    "should",
    "side",
    "sister",
    "sleep",
    "social",
    "some",
    "soon",
    "start",
    "still",
    "stop",
    "take",
    "team",
    "tell",
    "test",
    "that",
    "the",
    "them",
    "then",
    "they",
    "this",
    "three",
    "time",
    "tired",
    "to",
    "trial",
    "try",
    "two",
    "wait",
    "want",
    "week",
    "weeks",
    "what",
    "when",
    "work",
];

/// A sentence of about `chars` characters, the same for the same `seed`.
pub fn sentence(seed: u64, chars: usize, end: char) -> String {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut words: Vec<&str> = Vec::new();
    let mut len = 0;
    while len < chars {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let word = WORDS[(state >> 33) as usize % WORDS.len()];
        len += word.len() + 1;
        words.push(word);
    }
    let mut text = words.join(" ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + text.get(1..).unwrap_or_default();
    }
    text.push(end);
    text
}

/// A list of `n` questions with notes, and some answers in every step.
pub fn list_with_notes(n: usize) -> State {
    let pack = builtin(Lang::En).unwrap_or_else(|e| panic!("built-in pack: {e}"));
    let mut bank = pack.questions.iter().map(|q| q.id.clone());
    let mut state = [
        Action::RateGoal {
            goal: "quality".into(),
            rating: Some(Rating::Very),
        },
        Action::RateGoal {
            goal: "longer".into(),
            rating: Some(Rating::Somewhat),
        },
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
        Action::MarkTreatment {
            treatment: "chemo".into(),
            mark: Some(Mark::Ask),
        },
    ]
    .into_iter()
    .fold(State::default(), |s, a| s.apply(a));
    for i in 0..n {
        // Every third or so (30%) is the person's own.
        let action = if (i * 3) % 10 < 3 {
            match OWN.get(i / 3) {
                Some(own) => Action::AddOwn((*own).into()),
                None => Action::AddOwn(sentence(1000 + i as u64, 45, '?')),
            }
        } else {
            match bank.next() {
                Some(id) => Action::AddQuestion(id),
                None => Action::AddOwn(sentence(2000 + i as u64, 45, '?')),
            }
        };
        state = state.apply(action);
    }
    let ids: Vec<u32> = state.list().iter().map(|e| e.id).collect();
    for (i, id) in ids.iter().enumerate() {
        state = state.apply(Action::SetNote {
            id: *id,
            note: sentence(i as u64, 58, '.'),
        });
    }
    for id in ids.iter().take(3) {
        state = state.apply(Action::SetTop { id: *id, top: true });
    }
    state
}
