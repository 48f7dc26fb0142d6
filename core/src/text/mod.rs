//! Text handling: normalization with offsets kept into the original, scripts, language
//! detection and UTF-16 offsets for Kotlin and Swift.

mod lang;
mod normalize;
mod script;
mod utf16;

pub use lang::LanguageDetector;
pub use normalize::{normalize_phrase, EmojiMap, Normalized, Normalizer};
pub use script::{is_word_char, uses_spaces, Script};
pub use utf16::{utf16_offsets, Utf16Index};
