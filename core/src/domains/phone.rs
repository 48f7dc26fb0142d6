//! Phone numbers against the job: which countries an offer names (in its own words, in any
//! language the pack lists), so a number from another country, or from a country where scam
//! compounds hold trafficked workers, can be pointed out.

use super::names::NameMatcher;
use crate::error::Result;
use crate::text::normalize_phrase;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// `domains/countries.json`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CountriesFile {
    /// ISO codes of the destinations where trafficked jobseekers end up in scam compounds.
    #[serde(default)]
    pub high_risk: Vec<String>,
    /// ISO code -> names of the country and its main cities, in any language.
    #[serde(default)]
    pub names: BTreeMap<String, Vec<String>>,
}

/// Country names compiled for matching in normalized text.
#[derive(Debug, Clone, Default)]
pub struct Countries {
    matcher: NameMatcher,
    pattern_country: Vec<u16>,
    codes: Vec<String>,
    high_risk: HashSet<String>,
}

/// A country named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// ISO 3166 alpha-2 code.
    pub country: String,
    /// Byte range in the normalized text.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
}

impl Countries {
    /// Compiles the names; each goes through the engine's text normalization.
    pub fn new(file: &CountriesFile) -> Result<Countries> {
        let mut patterns = Vec::new();
        let mut pattern_country = Vec::new();
        let mut codes = Vec::new();
        for (ci, (code, names)) in file.names.iter().enumerate() {
            codes.push(code.to_ascii_uppercase());
            for n in names {
                let p = normalize_phrase(n);
                if !p.is_empty() {
                    patterns.push(p);
                    pattern_country.push(ci as u16);
                }
            }
        }
        let matcher = NameMatcher::new(&patterns, "domains.countries")?;
        Ok(Countries {
            matcher,
            pattern_country,
            codes,
            high_risk: file
                .high_risk
                .iter()
                .map(|c| c.to_ascii_uppercase())
                .collect(),
        })
    }

    /// Whether `country` is a high-risk destination.
    pub fn is_high_risk(&self, country: &str) -> bool {
        self.high_risk.contains(country)
    }

    /// The countries named in `normalized` text, as whole words in scripts written with spaces.
    pub fn mentioned(&self, normalized: &str) -> Vec<Mention> {
        self.matcher
            .find(normalized, true)
            .into_iter()
            .map(|(p, start, end)| Mention {
                country: self.codes[self.pattern_country[p] as usize].clone(),
                start,
                end,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_countries_as_words() {
        let file: CountriesFile = serde_json::from_str(
            r#"{"high_risk": ["kh"], "names": {"TH": ["Thailand", "Thaïlande", "Bangkok", "泰国"], "KH": ["Cambodia"]}}"#,
        )
        .unwrap();
        let c = Countries::new(&file).unwrap();
        let text = normalize_phrase("Job in THAÏLANDE (Bangkok), 泰国工作; not Thailandish");
        let found: Vec<String> = c.mentioned(&text).into_iter().map(|m| m.country).collect();
        assert_eq!(found, vec!["TH", "TH", "TH"]);
        assert!(c.is_high_risk("KH"));
        assert!(!c.is_high_risk("TH"));
    }
}
