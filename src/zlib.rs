//! zlib (RFC 1950) around deflate (RFC 1951), small enough for the wasm.
//!
//! Share links are short JSON, made and opened rarely, so speed does not
//! matter and size does: a general library (miniz_oxide) cost the wasm about
//! 10 KB gzip (measured when it was replaced, commit 5e36cca). This one is a few hundred lines:
//!
//! - `compress` finds repeats with a hash chain (LZ77) and writes one block,
//!   with Huffman codes made for the data or deflate's fixed codes, whichever
//!   is shorter. Any inflater reads it.
//! - `decompress` reads every kind of block (stored, fixed, dynamic), so it
//!   opens links made by any zlib, and it is written for hostile input:
//!   it stops at `limit` bytes of output, checks the header and the Adler-32
//!   checksum, and returns an error rather than panicking on any input.
//!
//! The native tests check both against miniz_oxide, both ways, with
//! property tests (tests/share.rs).

/// Why `decompress` gave up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// The output would pass the limit.
    TooLarge,
    /// Not zlib, cut off, or changed: the header, the compressed data or
    /// the checksum does not hold together.
    Damaged,
}

// Deflate's length and distance codes: base values and extra bits (RFC 1951, 3.2.5).
const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
/// The order in which a dynamic block gives the code lengths of its code
/// length alphabet.
const CODE_LENGTH_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
/// How many earlier places with the same first three bytes are tried.
const MAX_CHAIN: usize = 128;
const HASH_BITS: u32 = 14;

/// Adler-32 of `data` (RFC 1950, 8.2).
pub fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 bytes is the most that can be summed before the modulo is needed.
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

/// Writes bits least significant first, as deflate packs them.
#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    bits: u32,
    count: u32,
}

impl BitWriter {
    /// Writes the low `count` bits of `value` (at most 16).
    fn bits(&mut self, value: u32, count: u32) {
        self.bits |= value << self.count;
        self.count += count;
        while self.count >= 8 {
            self.out.push(self.bits as u8);
            self.bits >>= 8;
            self.count -= 8;
        }
    }

    /// Writes a Huffman code, which deflate stores most significant bit first.
    fn code(&mut self, code: u32, length: u32) {
        let reversed = code.reverse_bits() >> (32 - length);
        self.bits(reversed, length);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.out.push(self.bits as u8);
        }
        self.out
    }
}

/// What LZ77 found: a byte, or a copy of `length` bytes from `distance` back.
#[derive(Clone, Copy)]
enum Token {
    Literal(u8),
    Copy { length: u16, distance: u16 },
}

/// The code whose range holds `value`, in a table of base values.
fn code_for(bases: &[u16], value: u16) -> usize {
    bases.iter().rposition(|&b| b <= value).unwrap_or(0)
}

fn hash3(data: &[u8], at: usize) -> usize {
    let v = u32::from(data[at]) << 16 | u32::from(data[at + 1]) << 8 | u32::from(data[at + 2]);
    (v.wrapping_mul(0x9e37_79b1) >> (32 - HASH_BITS)) as usize
}

/// Finds repeats: at each place, the longest earlier match within the
/// window, along a hash chain of places with the same first three bytes.
fn lz77(data: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    // For each hash, the latest place it was seen (+1; 0 is none), and for
    // each place, the one before it with the same hash.
    let mut head = vec![0u32; 1 << HASH_BITS];
    let mut prev = vec![0u32; data.len()];
    let insert = |head: &mut Vec<u32>, prev: &mut Vec<u32>, at: usize| {
        if at + MIN_MATCH <= data.len() {
            let h = hash3(data, at);
            prev[at] = head[h];
            head[h] = at as u32 + 1;
        }
    };
    let mut at = 0;
    while at < data.len() {
        let (mut best_len, mut best_dist) = (0, 0);
        if at + MIN_MATCH <= data.len() {
            let mut candidate = head[hash3(data, at)];
            let max = (data.len() - at).min(MAX_MATCH);
            for _ in 0..MAX_CHAIN {
                let Some(from) = (candidate as usize).checked_sub(1) else {
                    break;
                };
                if at - from > WINDOW {
                    break;
                }
                let len = data[from..]
                    .iter()
                    .zip(&data[at..at + max])
                    .take_while(|(a, b)| a == b)
                    .count();
                if len > best_len {
                    (best_len, best_dist) = (len, at - from);
                    if len == max {
                        break;
                    }
                }
                candidate = prev[from];
            }
        }
        if best_len >= MIN_MATCH {
            tokens.push(Token::Copy {
                length: best_len as u16,
                distance: best_dist as u16,
            });
            for i in at..at + best_len {
                insert(&mut head, &mut prev, i);
            }
            at += best_len;
        } else {
            tokens.push(Token::Literal(data[at]));
            insert(&mut head, &mut prev, at);
            at += 1;
        }
    }
    tokens
}

/// Code lengths for symbols of these frequencies, none longer than `limit`.
/// Huffman's merge; when a code comes out too long, the frequencies are
/// flattened and it is built again (they end up equal, which fits).
fn code_lengths(freqs: &[u32], limit: u8) -> Vec<u8> {
    let mut freqs = freqs.to_vec();
    loop {
        let lengths = huffman_lengths(&freqs);
        if lengths.iter().all(|&l| l <= limit) {
            return lengths;
        }
        for f in freqs.iter_mut().filter(|f| **f > 0) {
            *f = (*f >> 1).max(1);
        }
    }
}

fn huffman_lengths(freqs: &[u32]) -> Vec<u8> {
    use std::cmp::Reverse;
    let mut lengths = vec![0u8; freqs.len()];
    let used: Vec<usize> = (0..freqs.len()).filter(|&i| freqs[i] > 0).collect();
    if let [only] = used[..] {
        lengths[only] = 1;
        return lengths;
    }
    // Nodes 0..n are the symbols; merged nodes follow. Each node's parent.
    let mut parent = vec![usize::MAX; freqs.len()];
    let mut heap: std::collections::BinaryHeap<Reverse<(u32, usize)>> =
        used.iter().map(|&i| Reverse((freqs[i], i))).collect();
    while let (Some(Reverse((wa, a))), Some(Reverse((wb, b)))) = (heap.pop(), heap.pop()) {
        let node = parent.len();
        parent.push(usize::MAX);
        parent[a] = node;
        parent[b] = node;
        heap.push(Reverse((wa + wb, node)));
    }
    for &leaf in &used {
        let (mut node, mut depth) = (leaf, 0u8);
        while parent[node] != usize::MAX {
            node = parent[node];
            depth = depth.saturating_add(1);
        }
        lengths[leaf] = depth;
    }
    lengths
}

/// Canonical codes from code lengths (RFC 1951, 3.2.2).
fn canonical(lengths: &[u8]) -> Vec<(u32, u32)> {
    let mut count = [0u32; 16];
    for &l in lengths {
        count[usize::from(l)] += 1;
    }
    count[0] = 0;
    let mut next = [0u32; 16];
    for len in 1..16 {
        next[len] = (next[len - 1] + count[len - 1]) << 1;
    }
    lengths
        .iter()
        .map(|&l| {
            let l = usize::from(l);
            let code = next[l];
            if l > 0 {
                next[l] += 1;
            }
            (code, l as u32)
        })
        .collect()
}

/// Writes the tokens with these codes, then the end of the block.
fn write_tokens(
    w: &mut BitWriter,
    tokens: &[Token],
    literals: &[(u32, u32)],
    distances: &[(u32, u32)],
) {
    for &token in tokens {
        match token {
            Token::Literal(b) => {
                let (code, len) = literals[usize::from(b)];
                w.code(code, len);
            }
            Token::Copy { length, distance } => {
                let l = code_for(&LENGTH_BASE, length);
                let (code, len) = literals[257 + l];
                w.code(code, len);
                w.bits(
                    u32::from(length - LENGTH_BASE[l]),
                    u32::from(LENGTH_EXTRA[l]),
                );
                let d = code_for(&DIST_BASE, distance);
                let (code, len) = distances[d];
                w.code(code, len);
                w.bits(u32::from(distance - DIST_BASE[d]), u32::from(DIST_EXTRA[d]));
            }
        }
    }
    let (code, len) = literals[256];
    w.code(code, len);
}

/// The fixed codes' lengths (RFC 1951, 3.2.6): literal/length, then distance.
fn fixed_lengths() -> [u8; 288 + 30] {
    let mut lengths = [0u8; 288 + 30];
    lengths[..144].fill(8);
    lengths[144..256].fill(9);
    lengths[256..280].fill(7);
    lengths[280..288].fill(8);
    lengths[288..].fill(5);
    lengths
}

/// One final block with the fixed codes.
fn fixed_block(w: &mut BitWriter, tokens: &[Token]) {
    w.bits(1, 1);
    w.bits(1, 2);
    let lengths = fixed_lengths();
    write_tokens(
        w,
        tokens,
        &canonical(&lengths[..288]),
        &canonical(&lengths[288..]),
    );
}

/// One final block with codes made for these tokens, which it describes
/// first (RFC 1951, 3.2.7).
fn dynamic_block(w: &mut BitWriter, tokens: &[Token]) {
    let mut literal_freqs = [0u32; 286];
    let mut distance_freqs = [0u32; 30];
    literal_freqs[256] = 1;
    for &token in tokens {
        match token {
            Token::Literal(b) => literal_freqs[usize::from(b)] += 1,
            Token::Copy { length, distance } => {
                literal_freqs[257 + code_for(&LENGTH_BASE, length)] += 1;
                distance_freqs[code_for(&DIST_BASE, distance)] += 1;
            }
        }
    }
    let mut literal_lengths = code_lengths(&literal_freqs, 15);
    let mut distance_lengths = code_lengths(&distance_freqs, 15);
    // At least one distance code, even when nothing is copied.
    if distance_lengths.iter().all(|&l| l == 0) {
        distance_lengths[0] = 1;
    }
    let used = |lengths: &[u8], least: usize| {
        lengths
            .iter()
            .rposition(|&l| l > 0)
            .map_or(least, |i| (i + 1).max(least))
    };
    literal_lengths.truncate(used(&literal_lengths, 257));
    distance_lengths.truncate(used(&distance_lengths, 1));

    // The code lengths of both, run-length coded: (symbol, extra bits, count).
    let all: Vec<u8> = literal_lengths
        .iter()
        .chain(&distance_lengths)
        .copied()
        .collect();
    let mut runs: Vec<(u8, u32, u32)> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let value = all[i];
        let run = all[i..].iter().take_while(|&&l| l == value).count();
        if value == 0 && run >= 11 {
            let n = run.min(138);
            runs.push((18, (n - 11) as u32, 7));
            i += n;
        } else if value == 0 && run >= 3 {
            runs.push((17, (run - 3) as u32, 3));
            i += run;
        } else if value != 0 && run >= 4 {
            // The value once, then repeats of it, 3 to 6 at a time.
            runs.push((value, 0, 0));
            let mut left = run - 1;
            while left >= 3 {
                let n = left.min(6);
                runs.push((16, (n - 3) as u32, 2));
                left -= n;
            }
            for _ in 0..left {
                runs.push((value, 0, 0));
            }
            i += run;
        } else {
            runs.push((value, 0, 0));
            i += 1;
        }
    }
    let mut length_freqs = [0u32; 19];
    for &(symbol, _, _) in &runs {
        length_freqs[usize::from(symbol)] += 1;
    }
    let length_lengths = code_lengths(&length_freqs, 7);
    let length_codes = canonical(&length_lengths);
    let sent = CODE_LENGTH_ORDER
        .iter()
        .rposition(|&s| length_lengths[s] > 0)
        .map_or(4, |i| (i + 1).max(4));

    w.bits(1, 1);
    w.bits(2, 2);
    w.bits(literal_lengths.len() as u32 - 257, 5);
    w.bits(distance_lengths.len() as u32 - 1, 5);
    w.bits(sent as u32 - 4, 4);
    for &symbol in &CODE_LENGTH_ORDER[..sent] {
        w.bits(u32::from(length_lengths[symbol]), 3);
    }
    for &(symbol, extra, bits) in &runs {
        let (code, len) = length_codes[usize::from(symbol)];
        w.code(code, len);
        w.bits(extra, bits);
    }
    let mut literals = canonical(&literal_lengths);
    literals.resize(286, (0, 0));
    write_tokens(w, tokens, &literals, &canonical(&distance_lengths));
}

/// `data` as a zlib stream: one deflate block, with the fixed codes or
/// codes made for the data, whichever is shorter.
pub fn compress(data: &[u8]) -> Vec<u8> {
    let tokens = lz77(data);
    let stream = |block: fn(&mut BitWriter, &[Token])| {
        let mut w = BitWriter::default();
        // CMF: deflate with a 32 KB window; FLG: no dictionary, and the
        // check bits that make CMF·256 + FLG a multiple of 31.
        w.bits(0x78, 8);
        w.bits(0x01, 8);
        block(&mut w, &tokens);
        w.finish()
    };
    let fixed = stream(fixed_block);
    let dynamic = stream(dynamic_block);
    let mut out = if dynamic.len() < fixed.len() {
        dynamic
    } else {
        fixed
    };
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

/// Reads bits least significant first; running out is `Damaged`.
struct BitReader<'a> {
    data: &'a [u8],
    at: usize,
    bits: u32,
    count: u32,
}

impl BitReader<'_> {
    fn bits(&mut self, count: u32) -> Result<u32, Error> {
        while self.count < count {
            let byte = *self.data.get(self.at).ok_or(Error::Damaged)?;
            self.at += 1;
            self.bits |= u32::from(byte) << self.count;
            self.count += 8;
        }
        let value = self.bits & ((1u32 << count) - 1);
        self.bits >>= count;
        self.count -= count;
        Ok(value)
    }

    /// Drops the bits left in the current byte.
    fn align(&mut self) {
        self.bits = 0;
        self.count = 0;
    }
}

/// A canonical Huffman code: how many codes of each length, and the symbols
/// in code order.
struct Huffman {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    /// Builds the code from each symbol's code length (0: unused). An
    /// over-subscribed set of lengths is `Damaged`; an incomplete one is
    /// allowed (a code it lacks is caught when read).
    fn new(lengths: &[u8]) -> Result<Huffman, Error> {
        let mut counts = [0u16; 16];
        for &l in lengths {
            counts[usize::from(l)] += 1;
        }
        let mut left: i32 = 1;
        for &count in &counts[1..] {
            left = left * 2 - i32::from(count);
            if left < 0 {
                return Err(Error::Damaged);
            }
        }
        let mut offsets = [0u16; 16];
        for len in 1..15 {
            offsets[len + 1] = offsets[len] + counts[len];
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (symbol, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbols[usize::from(offsets[usize::from(l)])] = symbol as u16;
                offsets[usize::from(l)] += 1;
            }
        }
        Ok(Huffman { counts, symbols })
    }

    fn decode(&self, r: &mut BitReader) -> Result<usize, Error> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= r.bits(1)? as i32;
            let count = i32::from(self.counts[len]);
            if code - first < count {
                let at = (index + code - first) as usize;
                return self
                    .symbols
                    .get(at)
                    .map(|&s| usize::from(s))
                    .ok_or(Error::Damaged);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(Error::Damaged)
    }
}

/// Unpacks a zlib stream, giving up with `TooLarge` past `limit` bytes of
/// output, and with `Damaged` on anything that is not whole, valid zlib.
pub fn decompress(data: &[u8], limit: usize) -> Result<Vec<u8>, Error> {
    let [cmf, flg, ..] = *data else {
        return Err(Error::Damaged);
    };
    let header_ok = cmf & 0x0f == 8
        && cmf >> 4 <= 7
        && (u16::from(cmf) << 8 | u16::from(flg)) % 31 == 0
        && flg & 0x20 == 0;
    if !header_ok {
        return Err(Error::Damaged);
    }
    let mut r = BitReader {
        data: &data[2..],
        at: 0,
        bits: 0,
        count: 0,
    };
    let mut out = Vec::new();
    loop {
        let last = r.bits(1)? == 1;
        match r.bits(2)? {
            0 => stored_block(&mut r, &mut out, limit)?,
            1 => {
                let lengths = fixed_lengths();
                let literals = Huffman::new(&lengths[..288])?;
                let distances = Huffman::new(&lengths[288..])?;
                codes_block(&mut r, &mut out, limit, &literals, &distances)?;
            }
            2 => {
                let (literals, distances) = dynamic_codes(&mut r)?;
                codes_block(&mut r, &mut out, limit, &literals, &distances)?;
            }
            _ => return Err(Error::Damaged),
        }
        if last {
            break;
        }
    }
    r.align();
    let rest = &r.data[r.at..];
    let checksum = rest.get(..4).ok_or(Error::Damaged)?;
    if checksum != adler32(&out).to_be_bytes() {
        return Err(Error::Damaged);
    }
    Ok(out)
}

fn stored_block(r: &mut BitReader, out: &mut Vec<u8>, limit: usize) -> Result<(), Error> {
    r.align();
    let len = r.bits(16)? as usize;
    let nlen = r.bits(16)? as usize;
    if len != !nlen & 0xffff {
        return Err(Error::Damaged);
    }
    let bytes = r.data.get(r.at..r.at + len).ok_or(Error::Damaged)?;
    if out.len() + len > limit {
        return Err(Error::TooLarge);
    }
    out.extend_from_slice(bytes);
    r.at += len;
    Ok(())
}

fn dynamic_codes(r: &mut BitReader) -> Result<(Huffman, Huffman), Error> {
    let literal_count = r.bits(5)? as usize + 257;
    let distance_count = r.bits(5)? as usize + 1;
    let length_count = r.bits(4)? as usize + 4;
    if literal_count > 286 || distance_count > 30 {
        return Err(Error::Damaged);
    }
    let mut code_lengths = [0u8; 19];
    for &symbol in &CODE_LENGTH_ORDER[..length_count] {
        code_lengths[symbol] = r.bits(3)? as u8;
    }
    let code_lengths = Huffman::new(&code_lengths)?;
    let mut lengths = Vec::with_capacity(literal_count + distance_count);
    while lengths.len() < literal_count + distance_count {
        let symbol = code_lengths.decode(r)?;
        let (value, repeat) = match symbol {
            0..=15 => (symbol as u8, 1),
            16 => (
                *lengths.last().ok_or(Error::Damaged)?,
                3 + r.bits(2)? as usize,
            ),
            17 => (0, 3 + r.bits(3)? as usize),
            _ => (0, 11 + r.bits(7)? as usize),
        };
        if lengths.len() + repeat > literal_count + distance_count {
            return Err(Error::Damaged);
        }
        lengths.extend(std::iter::repeat_n(value, repeat));
    }
    // A block must be able to end.
    if lengths[256] == 0 {
        return Err(Error::Damaged);
    }
    let literals = Huffman::new(&lengths[..literal_count])?;
    let distances = Huffman::new(&lengths[literal_count..])?;
    Ok((literals, distances))
}

fn codes_block(
    r: &mut BitReader,
    out: &mut Vec<u8>,
    limit: usize,
    literals: &Huffman,
    distances: &Huffman,
) -> Result<(), Error> {
    loop {
        let symbol = literals.decode(r)?;
        match symbol {
            0..=255 => {
                if out.len() >= limit {
                    return Err(Error::TooLarge);
                }
                out.push(symbol as u8);
            }
            256 => return Ok(()),
            _ => {
                let l = symbol - 257;
                let (Some(&base), Some(&extra)) = (LENGTH_BASE.get(l), LENGTH_EXTRA.get(l)) else {
                    return Err(Error::Damaged);
                };
                let length = usize::from(base) + r.bits(u32::from(extra))? as usize;
                let d = distances.decode(r)?;
                let (Some(&base), Some(&extra)) = (DIST_BASE.get(d), DIST_EXTRA.get(d)) else {
                    return Err(Error::Damaged);
                };
                let distance = usize::from(base) + r.bits(u32::from(extra))? as usize;
                if distance > out.len() {
                    return Err(Error::Damaged);
                }
                if out.len() + length > limit {
                    return Err(Error::TooLarge);
                }
                let from = out.len() - distance;
                // Byte by byte: a match may overlap what it writes.
                for i in 0..length {
                    let byte = out[from + i];
                    out.push(byte);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler32_of_known_text() {
        // The example of RFC 1950's reference implementation: "Wikipedia".
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        assert_eq!(adler32(b""), 1);
    }

    #[test]
    fn round_trips_empty_short_and_repetitive_text() {
        for data in [
            &b""[..],
            b"a",
            b"ab",
            b"abcabcabcabcabcabcabc",
            &[0u8; 70_000],
            br#"{"answers":{"goals":{"longer":3}},"list":[{"id":1,"q":"treat-goal"}]}"#,
        ] {
            let packed = compress(data);
            assert_eq!(decompress(&packed, usize::MAX).as_deref(), Ok(data));
        }
    }

    #[test]
    fn each_kind_of_block_is_used_where_it_is_shorter() {
        // The block type is bits 1–2 of the first byte after the header.
        let block_type = |packed: &[u8]| (packed[2] >> 1) & 0b11;
        assert_eq!(block_type(&compress(b"a")), 1, "fixed codes for a byte");
        let text = &include_bytes!("../content/en.json")[..4000];
        assert_eq!(
            block_type(&compress(text)),
            2,
            "made-to-measure codes for text"
        );
    }

    #[test]
    fn repeats_are_packed_small() {
        let packed = compress(&[b'x'; 10_000]);
        assert!(packed.len() < 100, "{} bytes", packed.len());
    }

    #[test]
    fn the_limit_stops_a_bomb_and_damage_is_caught() {
        let packed = compress(&[0u8; 100_000]);
        assert_eq!(decompress(&packed, 99_999), Err(Error::TooLarge));
        assert_eq!(decompress(&packed, 100_000).map(|v| v.len()), Ok(100_000));
        let mut changed = compress(b"hello, hello, hello");
        let last = changed.len() - 1;
        changed[last] ^= 1;
        assert_eq!(decompress(&changed, 1000), Err(Error::Damaged));
        let cut = compress(b"hello, hello, hello");
        assert_eq!(decompress(&cut[..cut.len() - 5], 1000), Err(Error::Damaged));
        assert_eq!(decompress(&[], 1000), Err(Error::Damaged));
        assert_eq!(
            decompress(&[0x78, 0x02], 1000),
            Err(Error::Damaged),
            "bad check bits"
        );
    }
}
