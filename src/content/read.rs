//! Reads a pack from its compiled bytes: the layout postcard gives
//! `model::Pack` (build.rs and `compile_pack` write it with postcard,
//! natively), read by hand.
//!
//! serde's derived reader for the pack, through postcard, was the largest
//! single piece of the wasm after the renderer (about 18 KB raw,
//! docs/SIZE.md). This one reads the same bytes field by field, in the
//! order of `model.rs`, and fails with postcard's own words, so pack files
//! and their errors stay as they were (`PACK_FORMAT` is unchanged).
//! `tests/pack_reader.rs` checks it against postcard on every shipped pack,
//! the format-1 fixture, and cut and corrupted copies of them.
//!
//! The bytes come from outside (a hospital's pack), so reading is total
//! and linear: no panic on any input; a length is checked against the
//! bytes left before anything is taken; every element of a list takes at
//! least one byte, so a count can never make the reader loop longer than
//! the file (and it reserves at most `RESERVE` slots ahead); rules nest at
//! most `MAX_RULE_DEPTH` deep (the validator's limit on JSON nesting), where
//! serde's reader recursed without a limit. `read_pack_file` caps the file
//! at 2 MiB before it gets here.
//!
//! The layout, as postcard writes it: unsigned integers (and every length)
//! as LEB128 varints; a string as its length in bytes, then UTF-8; a list
//! as its length, then each element; a map (`ById`) as its length, then
//! each key and value; an `Option` as 0, or 1 then the value; a bool as 0
//! or 1; an enum (`Rule`) as its variant's index, then its fields; a struct
//! as its fields in order, with nothing between them. Bytes after the pack
//! are ignored, as postcard does.

use super::model::*;
use std::fmt;

/// How deep rules may nest (`all` and `any` inside each other).
pub const MAX_RULE_DEPTH: usize = 64;

/// The most list slots reserved before their elements are read.
const RESERVE: usize = 256;

/// What is wrong with the bytes. Shown as postcard shows the same fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Damage {
    End,
    Varint,
    Bool,
    Utf8,
    Option,
    /// An enum variant index the model does not have.
    Variant,
    /// Rules nested deeper than `MAX_RULE_DEPTH`.
    TooDeep,
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Damage::End => "Hit the end of buffer, expected more data",
            Damage::Varint => {
                "Found a varint that didn't terminate. Is the usize too big for this platform?"
            }
            Damage::Bool => "Found a bool that wasn't 0 or 1",
            Damage::Utf8 => "Tried to parse invalid utf-8",
            Damage::Option => "Found an Option discriminant that wasn't 0 or 1",
            Damage::Variant => "Serde Deserialization Error",
            Damage::TooDeep => "rules are nested more than 64 deep",
        })
    }
}

/// Reads a pack from postcard bytes. Bytes after it are ignored.
pub fn pack(bytes: &[u8]) -> Result<Pack, Damage> {
    let r = &mut Bytes {
        rest: bytes,
        damage: None,
    };
    let pack = Pack {
        schema: r.u32(),
        lang: r.string(),
        meta: Meta {
            title: r.string(),
            tagline: r.string(),
            last_reviewed: r.string(),
            review_by: r.string(),
            publishers: r.strings(),
            disclaimer: r.string(),
            sources: r.list(|r| Source {
                id: r.string(),
                org: r.string(),
                title: r.string(),
                url: r.option(Bytes::string),
                checked: r.option(Bytes::string),
            }),
        },
        ui: r.list(|r| (r.string(), r.string())).into_iter().collect(),
        guide: Guide {
            intro: r.section(),
            goals: r.item_section(),
            factors: FactorSection {
                heading: r.string(),
                intro: r.string(),
                items: r.list(|r| Factor {
                    id: r.string(),
                    title: r.string(),
                    text: r.string(),
                    multiple: r.bool(),
                    options: r.list(|r| FactOption {
                        id: r.string(),
                        label: r.string(),
                    }),
                    reason: r.string(),
                }),
                sources: r.strings(),
            },
            treatments: r.item_section(),
            supportive: r.section(),
            complementary: r.section(),
            second_opinion: SecondOpinion {
                heading: r.string(),
                paragraphs: r.strings(),
                bring: r.strings(),
                sources: r.strings(),
            },
            urgent: Urgent {
                heading: r.string(),
                intro: r.string(),
                signs: r.strings(),
                action: r.string(),
                sources: r.strings(),
            },
            living: r.item_section(),
        },
        topics: r.list(|r| Topic {
            id: r.string(),
            title: r.string(),
        }),
        questions: r.list(|r| Question {
            id: r.string(),
            topic: r.string(),
            text: r.string(),
            sources: r.strings(),
            sensitive: r.bool(),
            rule: r.option(|r| r.rule(0)),
        }),
        glossary: r.list(|r| Term {
            id: r.string(),
            term: r.string(),
            forms: r.strings(),
            text: r.string(),
        }),
        readiness: r.list(|r| ReadinessItem {
            id: r.string(),
            text: r.string(),
            helps: r.strings(),
            sources: r.strings(),
        }),
        glossary_forms: Derived::default(),
    };
    match r.damage {
        Some(damage) => Err(damage),
        None => Ok(pack),
    }
}

/// The bytes not read yet, and the first fault found. After a fault every
/// read gives an empty value at once (no bytes are left, every list is
/// empty), so the pack is put together in one straight pass with no early
/// return, and is dropped if there was a fault: far less code in the wasm
/// than a `?` after every field, each of which must drop what was read
/// before it.
struct Bytes<'a> {
    rest: &'a [u8],
    damage: Option<Damage>,
}

impl Bytes<'_> {
    /// Notes the first fault; nothing more is read.
    fn fail(&mut self, damage: Damage) {
        self.damage.get_or_insert(damage);
        self.rest = &[];
    }

    fn byte(&mut self) -> u8 {
        match self.rest.split_first() {
            Some((&first, rest)) => {
                self.rest = rest;
                first
            }
            None => {
                self.fail(Damage::End);
                0
            }
        }
    }

    /// A LEB128 varint of an integer `bits` wide, refused as postcard
    /// refuses it: too many bytes, or a last byte with bits beyond `bits`.
    fn varint(&mut self, bits: u32) -> u64 {
        let most = bits.div_ceil(7);
        let mut out = 0u64;
        for i in 0..most {
            let byte = self.byte();
            out |= u64::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                if i == most - 1 && u32::from(byte) >= 1 << (bits % 7) {
                    break;
                }
                return out;
            }
        }
        self.fail(Damage::Varint);
        0
    }

    fn u32(&mut self) -> u32 {
        // Fits: a 32-bit varint's value is below 2^32.
        self.varint(32) as u32
    }

    /// A length, as wide as the platform's `usize` (as postcard reads it).
    fn len(&mut self) -> usize {
        // Fits: a varint as wide as `usize` is below `usize::MAX`.
        self.varint(usize::BITS) as usize
    }

    fn bool(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => {
                self.fail(Damage::Bool);
                false
            }
        }
    }

    fn string(&mut self) -> String {
        let len = self.len();
        let Some((text, rest)) = self.rest.split_at_checked(len) else {
            self.fail(Damage::End);
            return String::new();
        };
        self.rest = rest;
        match std::str::from_utf8(text) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                self.fail(Damage::Utf8);
                String::new()
            }
        }
    }

    fn option<T>(&mut self, item: impl FnOnce(&mut Self) -> T) -> Option<T> {
        match self.byte() {
            0 => None,
            1 => Some(item(self)),
            _ => {
                self.fail(Damage::Option);
                None
            }
        }
    }

    /// A list. Every element takes at least one byte, and reading stops at
    /// the first fault, so a false count ends at the end of the bytes, not
    /// after `count` turns.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let count = self.len();
        let mut out = Vec::with_capacity(count.min(RESERVE));
        for _ in 0..count {
            let value = item(self);
            if self.damage.is_some() {
                break;
            }
            out.push(value);
        }
        out
    }

    fn strings(&mut self) -> Vec<String> {
        self.list(Self::string)
    }

    fn section(&mut self) -> Section {
        Section {
            heading: self.string(),
            paragraphs: self.strings(),
            sources: self.strings(),
        }
    }

    fn item_section(&mut self) -> ItemSection {
        ItemSection {
            heading: self.string(),
            intro: self.string(),
            items: self.list(|r| Item {
                id: r.string(),
                title: r.string(),
                text: r.string(),
                when: r.option(Bytes::string),
                sources: r.strings(),
            }),
            sources: self.strings(),
        }
    }

    /// A rule at nesting `depth` (0 for a question's own rule).
    fn rule(&mut self, depth: usize) -> Rule {
        if depth >= MAX_RULE_DEPTH {
            self.fail(Damage::TooDeep);
        }
        let variant = self.u32();
        match variant {
            1..=3 => {
                let id = self.string();
                let is = self.strings();
                match variant {
                    1 => Rule::Factor { id, is },
                    2 => Rule::Goal { id, is },
                    _ => Rule::Treatment { id, is },
                }
            }
            4 => Rule::All(self.list(|r| r.rule(depth + 1))),
            5 => Rule::Any(self.list(|r| r.rule(depth + 1))),
            0 => Rule::Always(self.bool()),
            _ => {
                self.fail(Damage::Variant);
                Rule::Always(false)
            }
        }
    }
}
