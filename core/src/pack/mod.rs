//! Data packs: the versioned, checksummed container of rules, lexicons, lists and translations.
//!
//! A pack is opened in two steps: [`envelope::open`] checks magic, format version, length and
//! SHA-256; [`Pack::parse`] then reads the header fields and the content sections. Only a pack
//! that passes both is ever compiled into an [`crate::Engine`], so a bad update can never
//! replace a working engine.

pub mod envelope;
pub mod sources;

use crate::error::{Error, Result};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The default pack, assembled by `build.rs` from `core/data/default/`.
pub static DEFAULT_PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default.vpk"));

/// What a pack says about itself.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PackInfo {
    /// Reverse-DNS identifier, e.g. `org.vigie.default`.
    pub pack_id: String,
    /// The pack's own version (date-like, e.g. `2026.11.22`).
    pub pack_version: String,
    /// When the pack was built (ISO date).
    pub created: String,
    /// The oldest engine version that can load it.
    pub min_engine_version: String,
    /// Envelope format version.
    pub format_version: u32,
    /// SHA-256 of the content, lower-case hex.
    pub content_sha256: String,
}

/// A rule as written in `rules.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    /// Stable id apps can map (`offer.fee.upfront`).
    pub id: String,
    /// Indicator category.
    pub category: String,
    /// `low`, `medium` or `high`.
    pub severity: String,
    /// Contribution to the score, 0–100.
    pub weight: f64,
    /// Alternatives (OR) of concept sets (AND).
    pub when: Vec<Vec<String>>,
    /// Concepts that cancel a hit nearby.
    #[serde(default)]
    pub unless: Vec<String>,
    /// Maximum distance in bytes between the parts of a clause.
    #[serde(default)]
    pub window: Option<u32>,
    /// ILO indicator or fair-recruitment principle.
    pub indicator: String,
    /// Where the pattern is documented.
    pub source: String,
}

/// A combination of rules that adds to the score when they fire together.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComboDef {
    /// Stable id.
    pub id: String,
    /// Indicator category.
    pub category: String,
    /// `low`, `medium` or `high`.
    pub severity: String,
    /// Points added to the score.
    pub bonus: f64,
    /// Alternatives (OR) of rule-id sets (AND).
    pub any_of: Vec<Vec<String>>,
    /// ILO indicator or fair-recruitment principle.
    pub indicator: String,
    /// Where the pattern is documented.
    pub source: String,
}

/// `rules.json`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RulesSection {
    /// The rules.
    #[serde(default)]
    pub rules: Vec<RuleDef>,
    /// The combinations.
    #[serde(default)]
    pub combos: Vec<ComboDef>,
    /// How negations ("no fee", "we never keep your passport") cancel hits.
    #[serde(default)]
    pub negation: Option<NegationDef>,
    /// Contexts that lower the score, such as a news article or NGO warning about scams.
    #[serde(default)]
    pub dampeners: Vec<DampenerDef>,
}

/// Negation handling: a hit preceded closely, in the same clause, by a negation is dropped.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NegationDef {
    /// The lexicon concept holding negation words (`not`, `never`, `不`, `ไม่`...).
    pub concept: String,
    /// How far before a hit, in normalized bytes, a negation counts.
    pub window: u32,
    /// At most this many words between the negation and the hit.
    pub max_words: u32,
    /// Concepts whose phrases carry their own negation and are never dropped.
    #[serde(default)]
    pub exempt: Vec<String>,
}

/// A context that scales the score down when its concept is found often enough.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DampenerDef {
    /// Stable id, reported in `contexts`.
    pub id: String,
    /// The lexicon concept.
    pub concept: String,
    /// Distinct hits needed.
    pub min_hits: u32,
    /// Factor applied to the score (0–1).
    pub factor: f64,
}

/// One language's entry in `languages.json`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LanguageDef {
    /// English name.
    #[serde(default)]
    pub name: String,
    /// Native name.
    #[serde(default)]
    pub native: String,
    /// ISO 15924 script code.
    #[serde(default)]
    pub script: String,
    /// Frequent function words.
    #[serde(default)]
    pub stopwords: Vec<String>,
}

/// A parsed pack: header plus typed content sections. Sections owned by other modules
/// (`domains`, `device`, `indicators`) are kept as JSON for them to read.
#[derive(Debug, Clone)]
pub struct Pack {
    /// Header fields.
    pub info: PackInfo,
    /// Rules and combos.
    pub rules: RulesSection,
    /// language -> concept -> phrases.
    pub lexicons: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// language -> key -> text.
    pub i18n: BTreeMap<String, BTreeMap<String, String>>,
    /// language code -> definition.
    pub languages: BTreeMap<String, LanguageDef>,
    /// emoji -> English word.
    pub emoji: BTreeMap<String, String>,
    /// Every other section, untyped.
    pub sections: Map<String, Value>,
}

fn section<T: for<'de> Deserialize<'de> + Default>(
    content: &mut Map<String, Value>,
    name: &str,
) -> Result<T> {
    match content.remove(name) {
        None => Ok(T::default()),
        Some(v) => serde_json::from_value(v)
            .map_err(|e| Error::PackMalformed(format!("section `{name}`: {e}"))),
    }
}

fn header_str(header: &Map<String, Value>, key: &str) -> Result<String> {
    header
        .get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| Error::PackMalformed(format!("header field `{key}` is missing")))
}

/// Parses `a.b.c` into numbers; missing parts count as 0.
fn version_tuple(v: &str) -> Option<(u64, u64, u64)> {
    let mut it = v.trim().split('.').map(|p| p.parse::<u64>());
    let a = it.next()?.ok()?;
    let b = it.next().unwrap_or(Ok(0)).ok()?;
    let c = it.next().unwrap_or(Ok(0)).ok()?;
    Some((a, b, c))
}

impl Pack {
    /// Opens and parses pack bytes. Nothing is compiled yet.
    pub fn parse(bytes: &[u8]) -> Result<Pack> {
        use envelope::EnvelopeError as E;
        let (header, content) = envelope::open(bytes).map_err(|e| match e {
            E::Truncated => Error::PackTruncated,
            E::BadMagic => Error::PackBadMagic,
            E::UnsupportedFormat(found) => Error::PackUnsupportedFormat {
                found,
                supported: envelope::FORMAT_VERSION,
            },
            E::BadHeader(m) => Error::PackMalformed(format!("header: {m}")),
            E::TrailingBytes => Error::PackMalformed("bytes after the content".into()),
            E::ChecksumMismatch => Error::PackChecksum,
        })?;
        let info = PackInfo {
            pack_id: header_str(&header, "pack_id")?,
            pack_version: header_str(&header, "pack_version")?,
            created: header_str(&header, "created")?,
            min_engine_version: header_str(&header, "min_engine_version")?,
            format_version: envelope::FORMAT_VERSION as u32,
            content_sha256: header_str(&header, "content_sha256")?,
        };
        let required = version_tuple(&info.min_engine_version)
            .ok_or_else(|| Error::PackMalformed("min_engine_version is not a version".into()))?;
        let current = env!("CARGO_PKG_VERSION");
        if required > version_tuple(current).unwrap_or((0, 0, 0)) {
            return Err(Error::PackNeedsNewerEngine {
                required: info.min_engine_version.clone(),
                current: current.into(),
            });
        }
        let content: Value = serde_json::from_slice(content)
            .map_err(|e| Error::PackMalformed(format!("content: {e}")))?;
        let Value::Object(mut content) = content else {
            return Err(Error::PackMalformed("content is not a JSON object".into()));
        };
        Ok(Pack {
            info,
            rules: section(&mut content, "rules")?,
            lexicons: section(&mut content, "lexicons")?,
            i18n: section(&mut content, "i18n")?,
            languages: section(&mut content, "languages")?,
            emoji: section(&mut content, "emoji")?,
            sections: content,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_pack_parses() {
        let pack = Pack::parse(DEFAULT_PACK).expect("default pack");
        assert_eq!(pack.info.pack_id, "org.vigie.default");
        assert!(!pack.rules.rules.is_empty());
    }

    #[test]
    fn envelope_errors_are_typed() {
        assert_eq!(Pack::parse(b"").unwrap_err(), Error::PackTruncated);
        assert_eq!(
            Pack::parse(b"hello world, not a pack").unwrap_err(),
            Error::PackBadMagic
        );
        let cut = &DEFAULT_PACK[..DEFAULT_PACK.len() - 10];
        assert_eq!(Pack::parse(cut).unwrap_err(), Error::PackTruncated);
        let mut flipped = DEFAULT_PACK.to_vec();
        let last = flipped.len() - 2;
        flipped[last] ^= 0x01;
        assert_eq!(Pack::parse(&flipped).unwrap_err(), Error::PackChecksum);
        let mut version = DEFAULT_PACK.to_vec();
        version[8] = 9;
        assert!(matches!(
            Pack::parse(&version).unwrap_err(),
            Error::PackUnsupportedFormat { found: 9, .. }
        ));
    }

    #[test]
    fn newer_engine_required_is_refused() {
        let mut fields = Map::new();
        for (k, v) in [
            ("pack_id", "t"),
            ("pack_version", "1"),
            ("created", "2026-01-01"),
            ("min_engine_version", "99.0.0"),
        ] {
            fields.insert(k.into(), Value::from(v));
        }
        let bytes = envelope::seal(&fields, b"{}");
        assert!(matches!(
            Pack::parse(&bytes).unwrap_err(),
            Error::PackNeedsNewerEngine { .. }
        ));
    }
}
