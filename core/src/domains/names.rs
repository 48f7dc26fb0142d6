//! Whole-word search of names (brands, countries) in normalized text: one leftmost-longest
//! Aho-Corasick over the normalized names.

use crate::error::{Error, Result};
use crate::text::{is_word_char, uses_spaces};
use aho_corasick::{AhoCorasick, MatchKind};

/// A compiled list of names.
#[derive(Debug, Clone, Default)]
pub struct NameMatcher {
    matcher: Option<AhoCorasick>,
}

impl NameMatcher {
    /// Compiles normalized `names`; `section` names the pack section in errors.
    pub fn new(names: &[String], section: &str) -> Result<NameMatcher> {
        if names.is_empty() {
            return Ok(NameMatcher::default());
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(names)
            .map_err(|e| Error::PackMalformed(format!("{section}: {e}")))?;
        Ok(NameMatcher {
            matcher: Some(matcher),
        })
    }

    /// The names found as whole words: (name index, start, end). Names in scripts written
    /// without spaces (Chinese, Thai...) match anywhere when `unspaced_anywhere` is set.
    pub fn find(&self, text: &str, unspaced_anywhere: bool) -> Vec<(usize, usize, usize)> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        m.find_iter(text)
            .filter(|h| {
                let spaced = text[h.start()..].chars().next().is_some_and(uses_spaces);
                (unspaced_anywhere && !spaced)
                    || (!text[..h.start()]
                        .chars()
                        .next_back()
                        .is_some_and(is_word_char)
                        && !text[h.end()..].chars().next().is_some_and(is_word_char))
            })
            .map(|h| (h.pattern().as_usize(), h.start(), h.end()))
            .collect()
    }
}
