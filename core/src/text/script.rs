//! Coarse script classes: enough to pick word boundaries, diacritic folding and a language.

/// The scripts the engine tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Latin letters.
    Latin,
    /// Greek letters.
    Greek,
    /// Cyrillic letters.
    Cyrillic,
    /// Arabic letters.
    Arabic,
    /// Devanagari.
    Devanagari,
    /// Ethiopic (Ge'ez).
    Ethiopic,
    /// Chinese characters.
    Han,
    /// Japanese kana.
    Kana,
    /// Korean Hangul.
    Hangul,
    /// Thai.
    Thai,
    /// Lao.
    Lao,
    /// Myanmar (Burmese).
    Myanmar,
    /// Khmer.
    Khmer,
    /// Any other letter.
    OtherLetter,
    /// Not a letter.
    None,
}

impl Script {
    /// The script of `c`.
    pub fn of(c: char) -> Script {
        let u = c as u32;
        match u {
            0x41..=0x5A | 0x61..=0x7A => Script::Latin,
            0..=0x7F => Script::None,
            0xC0..=0x24F
            | 0x1E00..=0x1EFF
            | 0x2C60..=0x2C7F
            | 0xA720..=0xA7FF
            | 0xFF21..=0xFF3A
            | 0xFF41..=0xFF5A => {
                if c.is_alphabetic() {
                    Script::Latin
                } else {
                    Script::None
                }
            }
            0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
            0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
            0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                Script::Arabic
            }
            0x900..=0x97F | 0xA8E0..=0xA8FF => Script::Devanagari,
            0x1200..=0x139F | 0x2D80..=0x2DDF | 0xAB00..=0xAB2F => Script::Ethiopic,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => Script::Han,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
            0xE00..=0xE7F => Script::Thai,
            0xE80..=0xEFF => Script::Lao,
            0x1000..=0x109F | 0xA9E0..=0xA9FF | 0xAA60..=0xAA7F => Script::Myanmar,
            0x1780..=0x17FF | 0x19E0..=0x19FF => Script::Khmer,
            _ if c.is_alphabetic() => Script::OtherLetter,
            _ => Script::None,
        }
    }

    /// Whether diacritics on this script's letters are folded away.
    pub fn folds_marks(self) -> bool {
        matches!(
            self,
            Script::Latin | Script::Greek | Script::Cyrillic | Script::Arabic
        )
    }
}

/// Whether words of `c`'s script are separated by spaces (so phrases match whole words).
pub fn uses_spaces(c: char) -> bool {
    !matches!(
        Script::of(c),
        Script::Han | Script::Kana | Script::Thai | Script::Lao | Script::Myanmar | Script::Khmer
    )
}

/// Whether `c` continues a word: letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) || c == '\u{200C}'
}
