//! Localized strings: look up a key in the requested language, then English, then the key.

use std::collections::{BTreeMap, HashMap};

/// Translations from the pack, keyed by language then message key.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    langs: HashMap<String, HashMap<String, String>>,
}

/// The language every key must exist in; lookups fall back to it.
pub const FALLBACK_LANG: &str = "en";

/// Reduces a tag such as `pt-BR` or `fr_FR` to its primary language, lower-cased.
pub fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

impl Catalog {
    /// Builds a catalog from the pack's `i18n` section.
    pub fn new(section: &BTreeMap<String, BTreeMap<String, String>>) -> Catalog {
        let langs = section
            .iter()
            .map(|(lang, entries)| {
                (
                    lang.clone(),
                    entries
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                )
            })
            .collect();
        Catalog { langs }
    }

    /// Whether the catalog holds translations for `lang`.
    pub fn has(&self, lang: &str) -> bool {
        self.langs.contains_key(lang)
    }

    /// Chooses the output language: the requested one if translated, else the detected one if
    /// translated, else English.
    pub fn choose(&self, requested: Option<&str>, detected: &str) -> String {
        if let Some(req) = requested.map(primary_language) {
            if self.has(&req) {
                return req;
            }
        } else if self.has(detected) {
            return detected.to_string();
        }
        FALLBACK_LANG.to_string()
    }

    /// The text for `key` in `lang`, falling back to English, then to the key itself.
    pub fn get(&self, lang: &str, key: &str) -> String {
        self.lookup(lang, key).unwrap_or_else(|| key.to_string())
    }

    /// The text for `key` in `lang` or English, if any.
    pub fn lookup(&self, lang: &str, key: &str) -> Option<String> {
        self.langs
            .get(lang)
            .and_then(|m| m.get(key))
            .or_else(|| self.langs.get(FALLBACK_LANG).and_then(|m| m.get(key)))
            .cloned()
    }

    /// Every `prefix.1`, `prefix.2`, ... present, in order.
    pub fn numbered(&self, lang: &str, prefix: &str) -> Vec<String> {
        (1..)
            .map(|i| self.lookup(lang, &format!("{prefix}.{i}")))
            .take_while(Option::is_some)
            .flatten()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_english_then_key() {
        let mut section = BTreeMap::new();
        section.insert(
            "en".to_string(),
            BTreeMap::from([("a".to_string(), "A".to_string())]),
        );
        section.insert(
            "fr".to_string(),
            BTreeMap::from([("b".to_string(), "B-fr".to_string())]),
        );
        let c = Catalog::new(&section);
        assert_eq!(c.get("fr", "a"), "A");
        assert_eq!(c.get("fr", "b"), "B-fr");
        assert_eq!(c.get("xx", "zz"), "zz");
        assert_eq!(c.choose(Some("fr-CA"), "en"), "fr");
        assert_eq!(c.choose(Some("de"), "fr"), "en");
        assert_eq!(c.choose(None, "fr"), "fr");
        assert_eq!(c.choose(None, "th"), "en");
    }
}
