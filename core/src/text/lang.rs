//! Language detection: the dominant script first, then stop words among Latin-script languages.

use super::script::Script;
use crate::pack::LanguageDef;
use std::collections::{BTreeMap, HashMap};

/// How many characters are looked at: enough to decide, and detection stays cheap on 1 MB.
const SAMPLE_CHARS: usize = 4000;

/// FNV-1a: stop words are short keys looked up for every word of every check, where SipHash's
/// protection against crafted collisions buys nothing (the keys come from the pack).
#[derive(Debug, Clone, Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type BuildFnv = std::hash::BuildHasherDefault<Fnv>;

/// Scripts counted by [`LanguageDetector::detect`]; Latin first.
const SCRIPTS: [Script; 13] = [
    Script::Latin,
    Script::Greek,
    Script::Cyrillic,
    Script::Arabic,
    Script::Devanagari,
    Script::Ethiopic,
    Script::Han,
    Script::Kana,
    Script::Hangul,
    Script::Thai,
    Script::Lao,
    Script::Myanmar,
    Script::Khmer,
];

/// Detects the language of a text among those the pack describes.
#[derive(Debug, Clone, Default)]
pub struct LanguageDetector {
    /// stop word -> languages using it
    stopwords: HashMap<String, Vec<u16>, BuildFnv>,
    codes: Vec<String>,
}

fn script_language(script: Script) -> Option<&'static str> {
    Some(match script {
        Script::Han => "zh",
        Script::Kana => "ja",
        Script::Hangul => "ko",
        Script::Thai => "th",
        Script::Lao => "lo",
        Script::Myanmar => "my",
        Script::Khmer => "km",
        Script::Ethiopic => "am",
        Script::Arabic => "ar",
        Script::Devanagari => "hi",
        Script::Cyrillic => "ru",
        Script::Greek => "el",
        _ => return None,
    })
}

impl LanguageDetector {
    /// Builds the detector from the pack's `languages` section.
    pub fn new(languages: &BTreeMap<String, LanguageDef>) -> LanguageDetector {
        let mut det = LanguageDetector::default();
        for (code, def) in languages {
            let idx = det.codes.len() as u16;
            det.codes.push(code.clone());
            for w in &def.stopwords {
                let w = w.to_lowercase();
                let entry = det.stopwords.entry(w).or_default();
                if !entry.contains(&idx) {
                    entry.push(idx);
                }
            }
        }
        det
    }

    /// The language code of `text`, or `und` when nothing tells.
    pub fn detect(&self, text: &str) -> String {
        // A count per script, in an array: this runs on every check.
        let mut by_script = [0usize; SCRIPTS.len()];
        for c in text.chars().take(SAMPLE_CHARS) {
            if c.is_ascii() {
                by_script[0] += usize::from(c.is_ascii_alphabetic());
                continue;
            }
            let s = Script::of(c);
            if let Some(i) = SCRIPTS.iter().position(|x| *x == s) {
                by_script[i] += 1;
            }
        }
        let counts: HashMap<Script, usize> = SCRIPTS
            .iter()
            .copied()
            .zip(by_script)
            .filter(|(_, n)| *n > 0)
            .collect();
        // Japanese text mixes kana with Han: any real share of kana means Japanese.
        let kana = counts.get(&Script::Kana).copied().unwrap_or(0);
        let han = counts.get(&Script::Han).copied().unwrap_or(0);
        let latin = counts.get(&Script::Latin).copied().unwrap_or(0);
        let top = counts
            .iter()
            .filter(|(s, _)| **s != Script::Latin)
            .max_by_key(|(s, n)| (**n, **s as u8 as usize))
            .map(|(s, n)| (*s, *n));
        if kana * 5 > han && kana > 0 && kana + han >= latin / 2 {
            return "ja".into();
        }
        if let Some((script, n)) = top {
            // Code-switched text keeps its non-Latin language when that script is a real share.
            let weight = if matches!(script, Script::Han | Script::Kana | Script::Hangul) {
                3
            } else {
                1
            };
            if n * weight * 3 >= latin {
                if let Some(code) = script_language(script) {
                    return code.into();
                }
            }
        }
        if latin == 0 {
            return "und".into();
        }
        let mut scores = vec![0usize; self.codes.len()];
        let mut end = text.len().min(SAMPLE_CHARS * 2);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut lower = String::new();
        for word in text[..end].split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
            if word.is_empty() || word.len() > 24 {
                continue;
            }
            let word = if word.chars().any(char::is_uppercase) {
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                lower.as_str()
            } else {
                word
            };
            if let Some(langs) = self.stopwords.get(word) {
                for &l in langs {
                    scores[l as usize] += 1;
                }
            }
        }
        match scores
            .iter()
            .enumerate()
            .max_by_key(|(i, n)| (**n, usize::MAX - *i))
        {
            Some((i, &n)) if n > 0 => self.codes[i].clone(),
            _ => "und".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn det() -> LanguageDetector {
        let mut langs = BTreeMap::new();
        for (code, words) in [
            ("en", vec!["the", "and", "you"]),
            ("fr", vec!["le", "et", "vous", "les"]),
        ] {
            langs.insert(
                code.to_string(),
                LanguageDef {
                    stopwords: words.into_iter().map(String::from).collect(),
                    ..Default::default()
                },
            );
        }
        LanguageDetector::new(&langs)
    }

    #[test]
    fn scripts_then_stopwords() {
        let d = det();
        assert_eq!(d.detect("Vous et les autres"), "fr");
        assert_eq!(d.detect("You and the others"), "en");
        assert_eq!(d.detect("高薪招聘客服 customer service"), "zh");
        assert_eq!(d.detect("ត្រូវការបុគ្គលិក"), "km");
        assert_eq!(d.detect("12345"), "und");
    }
}
