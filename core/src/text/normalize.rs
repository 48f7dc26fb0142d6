//! Folds text into one comparable form while remembering, for every output byte, which
//! original bytes it came from, so evidence can point into the text the person pasted.
//!
//! Steps, applied the same way to user text and to pack phrases: compatibility decomposition
//! (NFKD, which also undoes full-width and styled letters), case folding, removal of
//! diacritics on Latin, Greek, Cyrillic and Arabic letters, typographic apostrophes to `'`,
//! `-`/`_`/whitespace to one space, zero-width characters dropped, leetspeak inside Latin
//! words (`whats@pp`, `te1egram`, `teIegram`) undone, letters spaced out to dodge filters
//! (`t e l e g r a m`, `W.H.A.T.S.A.P.P`) joined, and emoji that stand for words replaced by
//! the word.

use super::script::{is_word_char, Script};
use std::collections::HashMap;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Emoji standing for words, from the pack (`emoji.json`).
#[derive(Debug, Clone, Default)]
pub struct EmojiMap {
    words: HashMap<char, String>,
}

impl EmojiMap {
    /// Builds the map; keys longer than one code point (after dropping U+FE0F) are ignored.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a String, &'a String)>) -> EmojiMap {
        let mut words = HashMap::new();
        for (k, v) in entries {
            let mut chars = k.chars().filter(|&c| c != '\u{FE0F}');
            if let (Some(c), None) = (chars.next(), chars.next()) {
                let word = normalize_phrase(v);
                if !word.is_empty() {
                    words.insert(c, word);
                }
            }
        }
        EmojiMap { words }
    }
}

/// Normalized text with a map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The folded text.
    pub text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Normalized {
    /// The original byte range of the normalized range `start..end` (end exclusive).
    pub fn original_span(&self, start: usize, end: usize) -> (u32, u32) {
        if self.starts.is_empty() || start >= end {
            return (0, 0);
        }
        let s = self.starts[start.min(self.starts.len() - 1)];
        let e = self.ends[(end - 1).min(self.ends.len() - 1)];
        (s, e.max(s))
    }

    /// The normalized offset of the first output byte coming from original byte `orig` or later.
    pub fn normalized_offset(&self, orig: u32) -> usize {
        self.starts.partition_point(|&s| s < orig)
    }
}

/// The normalizer, holding the pack's emoji map.
#[derive(Debug, Clone, Default)]
pub struct Normalizer {
    emoji: EmojiMap,
}

const SPACED_SEPARATORS: [char; 7] = [' ', '.', '-', '_', '*', '·', '/'];

fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' | '|' | '!' => 'l',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        _ => return None,
    })
}

fn is_single_letter(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    c.is_alphabetic()
        && matches!(Script::of(c), Script::Latin | Script::Cyrillic)
        && (i == 0 || !is_word_char(chars[i - 1].1))
        && (i + 1 >= chars.len() || !is_word_char(chars[i + 1].1))
}

/// Marks the separators inside runs of four or more letters spaced out one by one.
fn spaced_letter_separators(chars: &[(usize, char)]) -> Vec<bool> {
    let mut skip = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        // Cheap test first: a spaced-out letter is followed by a separator.
        if !chars
            .get(i + 1)
            .is_some_and(|n| SPACED_SEPARATORS.contains(&n.1))
            || !is_single_letter(chars, i)
        {
            i += 1;
            continue;
        }
        let mut letters = 1;
        let mut last = i;
        let mut seps: Vec<usize> = Vec::new();
        loop {
            let mut j = last + 1;
            let mut run = Vec::new();
            while j < chars.len() && run.len() < 2 && SPACED_SEPARATORS.contains(&chars[j].1) {
                run.push(j);
                j += 1;
            }
            if run.is_empty() || j >= chars.len() || !is_single_letter(chars, j) {
                break;
            }
            seps.extend(run);
            letters += 1;
            last = j;
        }
        if letters >= 4 {
            for s in seps {
                skip[s] = true;
            }
        }
        i = last + 1;
    }
    skip
}

struct Out {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
    last_space: bool,
    fold_marks: bool,
}

impl Out {
    fn push(&mut self, c: char, s: u32, e: u32) {
        if c == ' ' || c == '\n' {
            // Runs of white space become one character: a line break if the run has one.
            if self.last_space {
                if c == '\n' && self.text.ends_with(' ') {
                    self.text.pop();
                    self.text.push('\n');
                }
                return;
            }
            self.last_space = true;
        } else {
            self.last_space = false;
        }
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.starts.push(s);
            self.ends.push(e);
        }
    }

    fn push_folded(&mut self, d: char, s: u32, e: u32) {
        if is_combining_mark(d) {
            if self.fold_marks {
                return;
            }
            self.push(d, s, e);
            return;
        }
        let script = Script::of(d);
        if script != Script::None {
            self.fold_marks = script.folds_marks();
        }
        match d {
            'đ' | 'Đ' => self.push('d', s, e),
            'ß' => {
                self.push('s', s, e);
                self.push('s', s, e);
            }
            'ø' | 'Ø' => self.push('o', s, e),
            'ł' | 'Ł' => self.push('l', s, e),
            '\u{0640}' => {} // Arabic tatweel, a stretching stroke
            _ => {
                for l in d.to_lowercase() {
                    self.push(l, s, e);
                }
            }
        }
    }
}

impl Normalizer {
    /// A normalizer using the pack's emoji map.
    pub fn new(emoji: EmojiMap) -> Normalizer {
        Normalizer { emoji }
    }

    /// Normalizes `input`, keeping the map back to it.
    pub fn normalize(&self, input: &str) -> Normalized {
        let chars: Vec<(usize, char)> = input.char_indices().collect();
        let skip = spaced_letter_separators(&chars);
        let mut out = Out {
            text: String::with_capacity(input.len() + 16),
            starts: Vec::with_capacity(input.len() + 16),
            ends: Vec::with_capacity(input.len() + 16),
            last_space: true,
            fold_marks: false,
        };
        let ascii_letter = |i: usize| chars.get(i).is_some_and(|&(_, c)| c.is_ascii_alphabetic());
        for (idx, &(pos, c)) in chars.iter().enumerate() {
            if skip[idx] {
                continue;
            }
            let s = pos as u32;
            let e = (pos + c.len_utf8()) as u32;
            if c.is_ascii() {
                let prev = idx.checked_sub(1).is_some_and(ascii_letter);
                let next = ascii_letter(idx + 1);
                let mapped = match c {
                    'A'..='Z' => {
                        // A capital I between lower-case letters stands in for an l ("teIegram").
                        let lower =
                            |i: usize| chars.get(i).is_some_and(|&(_, c)| c.is_ascii_lowercase());
                        if c == 'I' && idx > 0 && lower(idx - 1) && lower(idx + 1) {
                            'l'
                        } else {
                            c.to_ascii_lowercase()
                        }
                    }
                    '-' | '_' => ' ',
                    '\n' | '\r' => '\n',
                    ' ' | '\t'
                        if joins_unspaced(
                            out.text.chars().next_back(),
                            chars.get(idx + 1).map(|p| p.1),
                        ) =>
                    {
                        continue
                    }
                    c if c.is_ascii_whitespace() => ' ',
                    // Digits and symbols count as letters only inside a word (`whats@pp`).
                    c if prev && next => leet(c).unwrap_or(c),
                    c => c,
                };
                out.fold_marks = true;
                out.push(mapped, s, e);
                continue;
            }
            if let Some(word) = self.emoji.words.get(&c) {
                out.push(' ', s, e);
                for w in word.chars() {
                    out.push(w, s, e);
                }
                out.push(' ', s, e);
                continue;
            }
            match c {
                '\u{FE0F}' | '\u{FE0E}' | '\u{200B}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
                | '\u{00AD}' => {}
                '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => {
                    out.push('\'', s, e)
                }
                '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n', s, e),
                // Burmese, Khmer and Thai put spaces between phrases, not words: a space between
                // two of their letters is dropped so phrases match across it.
                c if c.is_whitespace()
                    && joins_unspaced(
                        out.text.chars().next_back(),
                        chars.get(idx + 1).map(|p| p.1),
                    ) => {}
                c if c.is_whitespace() => out.push(' ', s, e),
                c => decompose_compatible(c, |d| out.push_folded(d, s, e)),
            }
        }
        Normalized {
            text: out.text,
            starts: out.starts,
            ends: out.ends,
        }
    }
}

fn joins_unspaced(prev: Option<char>, next: Option<char>) -> bool {
    let spaceless = |c: Option<char>| {
        c.map(Script::of)
            .filter(|s| matches!(s, Script::Myanmar | Script::Khmer | Script::Thai))
    };
    matches!((spaceless(prev), spaceless(next)), (Some(a), Some(b)) if a == b)
}

/// Normalizes a pack phrase exactly as text is normalized, trimmed.
pub fn normalize_phrase(phrase: &str) -> String {
    Normalizer::default()
        .normalize(phrase)
        .text
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        Normalizer::default().normalize(s).text
    }

    #[test]
    fn folds_case_diacritics_width_and_spaces() {
        assert_eq!(
            n("Frais d’INSCRIPTION  à payer"),
            "frais d'inscription a payer"
        );
        assert_eq!(n("ＴＥＬＥＧＲＡＭ"), "telegram");
        assert_eq!(n("Không cần kinh nghiệm"), "khong can kinh nghiem");
        assert_eq!(n("no-experience\tneeded"), "no experience needed");
        assert_eq!(n("Паспорт"), "паспорт");
        assert_eq!(n("高薪 客服"), "高薪 客服");
        assert_eq!(n("လစာ ကောင်း"), "လစာကောင်း");
        assert_eq!(n("ប្រាក់ ខែ"), "ប្រាក់ខែ");
    }

    #[test]
    fn undoes_obfuscation() {
        assert_eq!(n("whats@pp"), "whatsapp");
        assert_eq!(n("teIegram"), "telegram");
        assert_eq!(n("te1egram"), "telegram");
        assert_eq!(n("t e l e g r a m now"), "telegram now");
        assert_eq!(n("W.H.A.T.S.A.P.P"), "whatsapp");
        assert_eq!(n("pay $500 now"), "pay $500 now");
        assert_eq!(n("a b c"), "a b c");
    }

    #[test]
    fn keeps_marks_where_they_carry_meaning() {
        assert_eq!(n("पासपोर्ट"), "पासपोर्ट");
        assert_eq!(n("ค่าธรรมเนียม"), "ค่าธรรมเนียม");
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let text = "Envoyez 💰 sur t e l e g r a m";
        let emoji = EmojiMap::new([(&"💰".to_string(), &"money".to_string())]);
        let norm = Normalizer::new(emoji).normalize(text);
        assert_eq!(norm.text, "envoyez money sur telegram");
        let at = norm.text.find("money").unwrap();
        let (s, e) = norm.original_span(at, at + 5);
        assert_eq!(&text[s as usize..e as usize], "💰");
        let at = norm.text.find("telegram").unwrap();
        let (s, e) = norm.original_span(at, at + 8);
        assert_eq!(&text[s as usize..e as usize], "t e l e g r a m");
    }
}
