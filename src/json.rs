//! JSON text to and from our types, the one place that knows how.
//!
//! Natively this is `serde_json`. In the browser it is the browser's own
//! `JSON.parse`/`JSON.stringify` with `serde-wasm-bindgen`, which keeps
//! serde_json's number formatting and parsing code out of the wasm.

use serde::{de::DeserializeOwned, Serialize};

/// Parses JSON text. The error is a sentence for a developer's console.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| describe(&e))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let js = value.serialize(&serializer).map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&js)
        .map(String::from)
        .map_err(|e| describe(&e))
}

#[cfg(target_arch = "wasm32")]
fn describe(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "not valid JSON".to_owned())
}
