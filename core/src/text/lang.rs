//! Language detection: the dominant script first, then stop words among Latin-script languages.

use super::script::Script;
use crate::pack::LanguageDef;
use std::collections::{BTreeMap, HashMap};

/// How many characters are looked at: enough to decide, and detection stays cheap on 1 MB.
const SAMPLE_CHARS: usize = 4000;

/// Detects the language of a text among those the pack describes.
#[derive(Debug, Clone, Default)]
pub struct LanguageDetector {
    /// stop word -> languages using it
    stopwords: HashMap<String, Vec<u16>>,
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
        let mut counts: HashMap<Script, usize> = HashMap::new();
        for c in text.chars().take(SAMPLE_CHARS) {
            let s = Script::of(c);
            if s != Script::None {
                *counts.entry(s).or_default() += 1;
            }
        }
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
        let sample: String = text
            .chars()
            .take(SAMPLE_CHARS)
            .collect::<String>()
            .to_lowercase();
        for word in sample.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
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
