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
