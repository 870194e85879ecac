//! JSON text to and from `Value` trees, in plain Rust, the same natively and
//! in the browser.
//!
//! The saved state, share links and import files are JSON. Reading them
//! through a small parser of our own (rather than serde-wasm-bindgen or
//! serde_json) keeps about 30 KB of generic code out of the wasm, and lets
//! us bound what hostile text can cost: nesting is limited, and a parse
//! error is a value, never a panic.

use std::fmt::Write;

/// Any JSON value, read without knowing its shape first, so damaged data can
/// be salvaged part by part. Objects keep their keys in order; when a key
/// repeats, `get` finds the last one (as the browser's `JSON.parse` does).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
}

/// Deeper nesting than this is refused rather than followed: our formats
/// are a few levels deep, and hostile text must not exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// Why text is not JSON we can read, and where (a byte offset).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub at: usize,
    pub why: &'static str,
}

/// Parses JSON text into a `Value` tree.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.space();
    if reader.at != reader.bytes.len() {
        return Err(reader.fail("unexpected text after the end"));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn fail(&self, why: &'static str) -> ParseError {
        ParseError { at: self.at, why }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value, ParseError> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.fail("unknown word"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.fail("nested too deeply"));
        }
        self.space();
        match self.peek() {
            None => Err(self.fail("text ends too soon")),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::Text),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(Value::List(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Value::List(items));
                        }
                        _ => return Err(self.fail("expected , or ]")),
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut pairs = Vec::new();
                self.space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok(Value::Map(pairs));
                }
                loop {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err(self.fail("expected a key in quotes"));
                    }
                    let key = self.string()?;
                    self.space();
                    if self.peek() != Some(b':') {
                        return Err(self.fail("expected :"));
                    }
                    self.at += 1;
                    pairs.push((key, self.value(depth + 1)?));
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Value::Map(pairs));
                        }
                        _ => return Err(self.fail("expected , or }")),
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.fail("not a JSON value")),
        }
    }

    /// Reads a number. Our own numbers are whole; fractions and exponents
    /// are read well enough to compare and reject, without pulling the
    /// standard float parser into the wasm.
    fn number(&mut self) -> Result<Value, ParseError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let mut value = 0f64;
        let mut digits = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            value = value * 10.0 + f64::from(d - b'0');
            self.at += 1;
            digits += 1;
        }
        if digits == 0 {
            return Err(self.fail("a number needs digits"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            let mut scale = 0.1;
            let mut any = false;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                value += f64::from(d - b'0') * scale;
                scale /= 10.0;
                self.at += 1;
                any = true;
            }
            if !any {
                return Err(self.fail("a number needs digits after ."));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let minus = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    true
                }
                Some(b'+') => {
                    self.at += 1;
                    false
                }
                _ => false,
            };
            let mut exponent: i32 = 0;
            let mut any = false;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                exponent = exponent
                    .saturating_mul(10)
                    .saturating_add(i32::from(d - b'0'));
                self.at += 1;
                any = true;
            }
            if !any {
                return Err(self.fail("an exponent needs digits"));
            }
            value *= 10f64.powi(if minus { -exponent } else { exponent });
        }
        Ok(Value::Number(if negative { -value } else { value }))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.fail("bad \\u escape"))?;
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    /// A `\uDC00`–`\uDFFF` escape right here, consumed; otherwise nothing
    /// is consumed.
    fn low_surrogate(&mut self) -> Option<u32> {
        if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
            return None;
        }
        let start = self.at;
        self.at += 2;
        match self.hex4() {
            Ok(low) if (0xDC00..0xE000).contains(&low) => Some(low),
            _ => {
                self.at = start;
                None
            }
        }
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str and we stop only at ASCII bytes, so this
            // slice is always on character boundaries.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default());
            match self.peek() {
                None => return Err(self.fail("text ends inside a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self
                        .peek()
                        .ok_or_else(|| self.fail("text ends inside a string"))?;
                    self.at += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let high = self.hex4()?;
                            // A high surrogate pairs only with a low one that
                            // follows it; anything else is a lone surrogate
                            // (U+FFFD, as JSON.parse keeps it unpaired) and the
                            // next escape is read on its own.
                            let low = (0xD800..0xDC00)
                                .contains(&high)
                                .then(|| self.low_surrogate())
                                .flatten();
                            let code = match low {
                                Some(low) => 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00),
                                None => high,
                            };
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.fail("unknown escape")),
                    }
                }
                Some(_) => return Err(self.fail("control character inside a string")),
            }
        }
    }
}

impl Value {
    /// The value under `key`, if this is a map that has it (the last one).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_map()?
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// Takes the value under `key` out of a map (every copy of the key; the
    /// last one is returned).
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let Value::Map(pairs) = self else {
            return None;
        };
        let mut found = None;
        pairs.retain_mut(|(k, v)| {
            if k == key {
                found = Some(std::mem::replace(v, Value::Null));
                false
            } else {
                true
            }
        });
        found
    }

    pub fn as_map(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Map(pairs) => Some(pairs),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Value]> {
        match self {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A whole number that fits `T` exactly (no fraction, no rounding).
    pub fn as_whole<T: TryFrom<u64>>(&self) -> Option<T> {
        let n = self.as_number()?;
        // 2^64 as f64; every f64 below it that is whole fits a u64.
        if n.fract() != 0.0 || !(0.0..18_446_744_073_709_551_616.0).contains(&n) {
            return None;
        }
        T::try_from(n as u64).ok()
    }

    /// A map from pairs, for building trees to write.
    pub fn map<const N: usize>(pairs: [(&str, Value); N]) -> Value {
        Value::Map(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }

    /// Compact JSON text. Numbers are written as whole numbers (ours always
    /// are); anything else, and anything not finite, is written as 0.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => {
                let whole = if n.is_finite() && n.abs() < 9.0e15 {
                    n.trunc() as i64
                } else {
                    0
                };
                let _ = write!(out, "{whole}");
            }
            Value::Text(text) => write_string(text, out),
            Value::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Value::Map(pairs) => {
                out.push('{');
                for (i, (key, value)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let tree = parse(r#" {"a": null, "b": true, "c": -1.5e1, "d": "x\"\u00e9\n", "e": [1, {"f": 2}], "a": 3} "#)
            .expect("valid JSON");
        assert_eq!(tree.get("a"), Some(&Value::Number(3.0)));
        assert_eq!(tree.get("b"), Some(&Value::Bool(true)));
        assert_eq!(tree.get("c").and_then(Value::as_number), Some(-15.0));
        assert_eq!(tree.get("d").and_then(Value::as_text), Some("x\"é\n"));
        let list = tree.get("e").and_then(Value::as_list).unwrap_or_default();
        assert_eq!(
            list.get(1).and_then(|m| m.get("f")),
            Some(&Value::Number(2.0))
        );
    }

    #[test]
    fn agrees_with_serde_json_on_strings_and_whole_numbers() {
        let text =
            r#"{"k":"tab\t quote\" slash\\ emoji 😀 \u0001 é","n":[0,7,1718000000000],"m":{}}"#;
        let ours = parse(text).expect("valid");
        let theirs: serde_json::Value =
            serde_json::from_str(&ours.to_json()).expect("we write valid JSON");
        let original: serde_json::Value = serde_json::from_str(text).expect("valid");
        assert_eq!(theirs, original);
        assert_eq!(parse(r#""\ud83d\ude00""#), Ok(Value::Text("😀".into())));
    }

    #[test]
    fn a_lone_surrogate_never_swallows_the_next_escape() {
        // JSON.parse keeps "\ud83d" unpaired and reads "\u0041" as "A".
        let text = |s: &str| parse(s).ok().and_then(|t| t.as_text().map(str::to_owned));
        assert_eq!(text(r#""\ud83d\u0041""#).as_deref(), Some("\u{FFFD}A"));
        assert_eq!(
            text(r#""\ud83d\ud83d\ude00""#).as_deref(),
            Some("\u{FFFD}😀")
        );
        assert_eq!(text(r#""\ud83dx""#).as_deref(), Some("\u{FFFD}x"));
        assert_eq!(text(r#""\ude00""#).as_deref(), Some("\u{FFFD}"));
        assert_eq!(text(r#""\ud83d\n""#).as_deref(), Some("\u{FFFD}\n"));
    }

    #[test]
    fn refuses_what_is_not_json_without_panicking() {
        for bad in [
            "",
            "{",
            "[1,",
            "{\"a\" 1}",
            "tru",
            "\"open",
            "01x",
            "{\"a\":1}}",
            "-",
            "1.",
            "1e",
            "\"\\q\"",
            "\"\u{1}\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 2), "]".repeat(MAX_DEPTH + 2));
        assert!(parse(&deep).is_err());
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }
}
