//! What the person has told us about themselves: how they rate the goals of
//! treatment, what they know about their cancer, and which treatments they
//! have talked about. The tailoring rules read this; the reducer writes it.

use crate::by_id::ById;

/// How important a goal of treatment is to the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rating {
    Not,
    Somewhat,
    Very,
}

impl Rating {
    pub const ALL: [Rating; 3] = [Rating::Not, Rating::Somewhat, Rating::Very];

    /// The id used in rules and stored data.
    pub fn id(self) -> &'static str {
        match self {
            Rating::Not => "not",
            Rating::Somewhat => "somewhat",
            Rating::Very => "very",
        }
    }

    /// The interface key of its label.
    pub fn ui_key(self) -> &'static str {
        match self {
            Rating::Not => "rating_not",
            Rating::Somewhat => "rating_somewhat",
            Rating::Very => "rating_very",
        }
    }
}

/// Where the person stands on one kind of treatment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    Discussed,
    Ask,
    NotNow,
}

impl Mark {
    pub const ALL: [Mark; 3] = [Mark::Discussed, Mark::Ask, Mark::NotNow];

    pub fn id(self) -> &'static str {
        match self {
            Mark::Discussed => "discussed",
            Mark::Ask => "ask",
            Mark::NotNow => "not_now",
        }
    }

    pub fn ui_key(self) -> &'static str {
        match self {
            Mark::Discussed => "treatment_discussed",
            Mark::Ask => "treatment_ask",
            Mark::NotNow => "treatment_not_now",
        }
    }
}

/// The two step-3 items that are not among the guide's six treatments.
pub const EXTRA_TREATMENTS: [&str; 2] = ["supportive", "complementary"];

/// The interface keys of an extra step-3 item's title and hint; `None` for
/// any other id.
pub fn extra_treatment_keys(id: &str) -> Option<(&'static str, &'static str)> {
    match id {
        "supportive" => Some(("treatment_supportive", "treatment_supportive_hint")),
        "complementary" => Some(("treatment_complementary", "treatment_complementary_hint")),
        _ => None,
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// Goal id ("shrink", "quality", "longer") to rating.
    pub goals: ById<Rating>,
    /// Anything else that matters, in the person's own words.
    pub goals_other: String,
    /// Factor id to the option ids chosen (one, or several where the factor
    /// allows it).
    pub factors: ById<Vec<String>>,
    /// Treatment id to where the person stands.
    pub treatments: ById<Mark>,
}
