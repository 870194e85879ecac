//! A decompression bomb for the share-link tests, native (tests/share.rs)
//! and in the browser (tests/browser_share.rs).

/// A zlib stream that inflates to `len` spaces, made by hand so that the
/// test itself need not hold 50 MB: one fixed-Huffman deflate block of a
/// space, then matches of 258 bytes at distance 1 (13 bits each).
pub fn zlib_of_spaces(len: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        bit: u32,
    }
    impl Bits {
        fn push(&mut self, value: u32, count: u32) {
            for i in 0..count {
                if self.bit == 0 {
                    self.out.push(0);
                }
                if value >> i & 1 == 1 {
                    if let Some(last) = self.out.last_mut() {
                        *last |= 1 << self.bit;
                    }
                }
                self.bit = (self.bit + 1) % 8;
            }
        }
        /// Huffman codes go most significant bit first.
        fn code(&mut self, code: u32, count: u32) {
            for i in (0..count).rev() {
                self.push(code >> i & 1, 1);
            }
        }
    }
    let mut bits = Bits {
        out: vec![0x78, 0x01],
        bit: 0,
    };
    bits.push(1, 1); // the final block
    bits.push(1, 2); // fixed Huffman codes
    let space = 0x30 + u32::from(b' ');
    bits.code(space, 8);
    let mut written = 1;
    while written + 258 <= len {
        bits.code(0xC0 + 5, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1
        written += 258;
    }
    while written < len {
        bits.code(space, 8);
        written += 1;
    }
    bits.code(0, 7); // end of block
                     // Adler-32 of `len` spaces, computed rather than counted.
    let (n, m) = (len as u64, 65521u64);
    let a = (1 + 32 * n) % m;
    let b = (n + 32 * (n * (n + 1) / 2 % m)) % m;
    let mut out = bits.out;
    out.extend_from_slice(&((b << 16 | a) as u32).to_be_bytes());
    out
}
