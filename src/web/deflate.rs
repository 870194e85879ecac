//! zlib ("deflate" in the Compression Streams standard) through the
//! browser's own `CompressionStream` and `DecompressionStream`, so the wasm
//! carries no codec of its own. The format is the one share links have
//! always used (RFC 1950: a two-byte header, deflate data, an Adler-32
//! checksum), so links made before still open.
//!
//! Reading is for hostile input: the output is counted as it streams and
//! the stream is cancelled once it passes the cap, so a small link that
//! would inflate to gigabytes stops there. A checksum mismatch, a cut-off
//! stream or bytes after its end make the browser's stream fail: `Damaged`.

use crate::session::Opened;
use crate::share::{self, Import, Packed, ShareError};
use crate::state::State;
use crate::stored::Restored;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair, Response,
    WritableStream,
};

// Our own bindings: web-sys has these only behind `--cfg=web_sys_unstable_apis`,
// which every build and test would then need.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> WritableStream;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> WritableStream;
}

/// Why inflating failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// The output passed the cap; reading stopped there.
    TooLarge,
    /// Not a whole, correct zlib stream (or the browser failed to read it).
    Damaged,
}

/// Does this browser have both streams? (Chromium 80, Firefox 113,
/// Safari 16.4 and later do.)
pub fn supported() -> bool {
    let global = js_sys::global();
    ["CompressionStream", "DecompressionStream"]
        .iter()
        .all(|name| Reflect::has(&global, &JsValue::from_str(name)).unwrap_or(false))
}

/// `bytes` as a stream piped through a compression or decompression stream.
fn piped(
    bytes: &[u8],
    readable: &ReadableStream,
    writable: &WritableStream,
) -> Option<ReadableStream> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let source = Blob::new_with_u8_array_sequence(&parts).ok()?.stream();
    Some(source.pipe_through(&ReadableWritablePair::new(readable, writable)))
}

/// zlib-compresses `bytes`. `None` where the browser cannot (no
/// `CompressionStream`, or it failed).
pub async fn compress(bytes: &[u8]) -> Option<Vec<u8>> {
    let stream = CompressionStream::new("deflate").ok()?;
    let out = piped(bytes, &stream.readable(), &stream.writable())?;
    let response = Response::new_with_opt_readable_stream(Some(&out)).ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// Inflates a zlib stream to at most `cap` bytes.
pub async fn decompress(bytes: &[u8], cap: usize) -> Result<Vec<u8>, InflateError> {
    let stream = DecompressionStream::new("deflate").map_err(|_| InflateError::Damaged)?;
    let out = piped(bytes, &stream.readable(), &stream.writable()).ok_or(InflateError::Damaged)?;
    let reader: ReadableStreamDefaultReader = out.get_reader().unchecked_into();
    let mut inflated = Vec::new();
    loop {
        let step = JsFuture::from(reader.read())
            .await
            .map_err(|_| InflateError::Damaged)?;
        if Reflect::get(&step, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true)
        {
            return Ok(inflated);
        }
        let chunk: Uint8Array = Reflect::get(&step, &JsValue::from_str("value"))
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or(InflateError::Damaged)?;
        let len = chunk.length() as usize;
        if inflated.len() + len > cap {
            // Stop the browser's work too; what it says about that is moot.
            let _ = reader.cancel();
            return Err(InflateError::TooLarge);
        }
        let start = inflated.len();
        inflated.resize(start + len, 0);
        chunk.copy_to(&mut inflated[start..]);
    }
}

/// The whole share link for `state` (`share::with_fragment`). `None` where
/// the browser cannot compress.
pub async fn link(base_url: &str, state: &State) -> Option<String> {
    link_for_json(base_url, &share::state_json(state)).await
}

/// The whole share link for a state's JSON (`share::state_json`).
pub async fn link_for_json(base_url: &str, json: &str) -> Option<String> {
    let packed = compress(json.as_bytes()).await?;
    Some(share::with_fragment(base_url, &share::fragment(&packed)))
}

/// Inflates a link's data to at most `share::MAX_JSON_BYTES` and reads it.
async fn read_packed(packed: Packed) -> Result<Restored, ShareError> {
    if !supported() {
        return Err(ShareError::Unsupported);
    }
    let json = decompress(&packed.data, share::MAX_JSON_BYTES)
        .await
        .map_err(|e| match e {
            InflateError::TooLarge => ShareError::TooLarge,
            InflateError::Damaged => ShareError::Damaged,
        })?;
    share::read_json(packed.version, &json)
}

/// Reads a link fragment (`from_file` false) or an imported file's text.
/// Never fails: a bad one is an `Opened::Unreadable` with the reason.
pub async fn open(text: &str, from_file: bool) -> Opened {
    let result = if from_file {
        match share::import(text) {
            Import::Read(result) => *result,
            Import::Link(packed) => read_packed(packed).await,
        }
    } else {
        match share::unpack(text) {
            Ok(packed) => read_packed(packed).await,
            Err(e) => Err(e),
        }
    };
    Opened::from(result)
}
