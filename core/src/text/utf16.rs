//! UTF-16 offsets, which Kotlin and Swift (NSString) strings are indexed by.

/// Converts byte offsets into `text` (each on a char boundary) to UTF-16 code-unit offsets,
/// in one pass over the text whatever the number of offsets.
pub fn utf16_offsets(text: &str, byte_offsets: &[u32]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..byte_offsets.len()).collect();
    order.sort_by_key(|&i| byte_offsets[i]);
    let mut out = vec![0u32; byte_offsets.len()];
    let mut chars = text.char_indices().peekable();
    let mut units = 0u32;
    for i in order {
        let target = byte_offsets[i] as usize;
        while let Some(&(pos, c)) = chars.peek() {
            if pos >= target {
                break;
            }
            units += c.len_utf16() as u32;
            chars.next();
        }
        out[i] = units;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_surrogate_pairs_and_cjk() {
        let t = "a😀中b";
        // bytes: a=0, 😀=1..5, 中=5..8, b=8
        assert_eq!(utf16_offsets(t, &[8, 0, 5, 1, 9]), vec![4, 0, 3, 1, 5]);
    }
}

/// Byte → UTF-16 offset conversion for many lookups into one text: checkpoints every
/// [`Utf16Index::STEP`] bytes, so each lookup walks at most that far.
#[derive(Debug, Clone)]
pub struct Utf16Index<'a> {
    text: &'a str,
    checkpoints: Vec<(u32, u32)>,
}

impl<'a> Utf16Index<'a> {
    /// Distance between checkpoints, in bytes.
    pub const STEP: usize = 256;

    /// Indexes `text` in one pass.
    pub fn new(text: &'a str) -> Utf16Index<'a> {
        let mut checkpoints = vec![(0u32, 0u32)];
        let mut units = 0u32;
        let mut next = Self::STEP;
        for (pos, c) in text.char_indices() {
            if pos >= next {
                checkpoints.push((pos as u32, units));
                next = pos + Self::STEP;
            }
            units += c.len_utf16() as u32;
        }
        Utf16Index { text, checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte` (a char boundary, clamped to the text).
    pub fn offset(&self, byte: usize) -> u32 {
        let byte = byte.min(self.text.len());
        let i = self.checkpoints.partition_point(|cp| cp.0 as usize <= byte) - 1;
        let (from, units) = self.checkpoints[i];
        units
            + self.text[from as usize..byte]
                .chars()
                .map(|c| c.len_utf16() as u32)
                .sum::<u32>()
    }
}

#[cfg(test)]
mod index_tests {
    use super::*;

    #[test]
    fn index_agrees_with_a_full_walk() {
        let text = "a😀中b".repeat(300);
        let index = Utf16Index::new(&text);
        for (pos, _) in text.char_indices().step_by(7) {
            assert_eq!(index.offset(pos), text[..pos].encode_utf16().count() as u32);
        }
        assert_eq!(index.offset(text.len()), text.encode_utf16().count() as u32);
    }
}
