//! Known-app indicators: the `indicators` pack section written by the pack builder's importers
//! (Echap's stalkerware-indicators, ISDi's app flags), compiled into hash maps keyed by
//! package name or bundle id (case-insensitive) and by certificate SHA-1.
//!
//! Section shape (format 1):
//! ```json
//! {"format": 1,
//!  "sources": [{"id": "echap", "name": "...", "license": "CC-BY-4.0", "attribution": "...",
//!               "url": "..."}],
//!  "families": [{"name": "...", "kind": "stalkerware" | "watchware" | "dual_use" | "spyware",
//!                "source": "echap", "packages": [..], "ios_bundles": [..],
//!                "certificates": [..]}],
//!  "shared_certificates": [..]}
//! ```
//! `shared_certificates` are certificates seen in the samples of several unrelated families,
//! such as the public Android test key: on their own they are a weaker sign.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Where a set of indicators comes from, and under which license: shown in every report that
/// uses them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Attribution {
    /// Short id (`echap`, `isdi`).
    pub id: String,
    /// Human name of the data set.
    pub name: String,
    /// SPDX license id (`CC-BY-4.0`, `MIT`).
    pub license: String,
    /// The attribution text the license asks for.
    pub attribution: String,
    /// Where the data set is published.
    pub url: String,
}

/// What kind of app a family of indicators describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Dual-use: a legitimate app (GPS tracker, backup) that can be turned into a monitor.
    DualUse,
    /// Watchware: parental or family monitoring.
    Watchware,
    /// Stalkerware or spyware: made to watch someone covertly.
    Stalkerware,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "stalkerware" | "spyware" => Some(Kind::Stalkerware),
            "watchware" => Some(Kind::Watchware),
            "dual_use" | "dualuse" => Some(Kind::DualUse),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct FamilyDef {
    name: String,
    kind: String,
    source: String,
    packages: Vec<String>,
    ios_bundles: Vec<String>,
    certificates: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct SectionDef {
    format: u32,
    sources: Vec<Attribution>,
    families: Vec<FamilyDef>,
    shared_certificates: Vec<String>,
}

/// One family of apps.
#[derive(Debug, Clone)]
pub struct Family {
    /// Its name (`TheTruthSpy`, `Life360`, an app title).
    pub name: String,
    /// What kind of app it is.
    pub kind: Kind,
    /// Index into [`Indicators::sources`].
    pub source: usize,
}

/// How an app matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// Its package name or bundle id.
    Package,
    /// Its signing certificate.
    Certificate,
    /// Only a certificate that several unrelated families share (e.g. a public test key).
    SharedCertificate,
}

/// The compiled indicators.
#[derive(Debug, Clone, Default)]
pub struct Indicators {
    /// Data sets, for attribution.
    pub sources: Vec<Attribution>,
    /// Families.
    pub families: Vec<Family>,
    by_package: HashMap<String, Vec<u32>>,
    by_cert: HashMap<[u8; 20], Vec<u32>>,
    shared: HashSet<[u8; 20]>,
}

/// Normalizes a certificate fingerprint: an optional `SHA1:`/`SHA-1 ` label dropped,
/// separators (colons, spaces, dashes) removed, hex decoded. Anything that is not 20 bytes of
/// hex afterwards (a SHA-256, garbage) gives `None`.
pub fn normalize_cert(raw: &str) -> Option<[u8; 20]> {
    let t = raw.trim();
    let lower = t.to_ascii_lowercase();
    let t = ["sha1:", "sha-1:", "sha1 ", "sha-1 ", "sha1=", "sha-1="]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &t[p.len()..]))
        .unwrap_or(t);
    let mut out = [0u8; 20];
    let mut n = 0usize;
    let mut hi: Option<u8> = None;
    for c in t.chars() {
        let v = match c {
            '0'..='9' | 'a'..='f' | 'A'..='F' => c.to_digit(16)? as u8,
            ':' | ' ' | '-' | '\t' => continue,
            _ => return None,
        };
        match hi.take() {
            None => hi = Some(v),
            Some(h) => {
                if n == 20 {
                    return None;
                }
                out[n] = h << 4 | v;
                n += 1;
            }
        }
    }
    (n == 20 && hi.is_none()).then_some(out)
}

/// The canonical text form of a certificate: upper-case hex without separators.
pub fn cert_hex(c: &[u8; 20]) -> String {
    c.iter().map(|b| format!("{b:02X}")).collect()
}

/// Package names and bundle ids are compared without case (Android's are case-sensitive, but
/// no two real apps differ only by case, and lists are not always careful about it).
pub fn normalize_package(id: &str) -> String {
    id.trim().to_ascii_lowercase()
}

impl Indicators {
    /// Compiles the `indicators` section (absent → empty).
    pub fn compile(section: Option<&serde_json::Value>) -> Result<Indicators> {
        let Some(v) = section else {
            return Ok(Indicators::default());
        };
        let def: SectionDef = serde_json::from_value(v.clone())
            .map_err(|e| Error::PackMalformed(format!("section `indicators`: {e}")))?;
        if def.format > 1 {
            return Err(Error::PackMalformed(format!(
                "section `indicators`: format {} is newer than this engine reads",
                def.format
            )));
        }
        let mut ind = Indicators {
            sources: def.sources,
            ..Indicators::default()
        };
        for f in def.families {
            let Some(kind) = Kind::parse(&f.kind) else {
                continue;
            };
            let source = match ind.sources.iter().position(|s| s.id == f.source) {
                Some(i) => i,
                None => {
                    ind.sources.push(Attribution {
                        id: f.source.clone(),
                        name: f.source.clone(),
                        ..Attribution::default()
                    });
                    ind.sources.len() - 1
                }
            };
            let idx = ind.families.len() as u32;
            ind.families.push(Family {
                name: f.name,
                kind,
                source,
            });
            for p in f.packages.iter().chain(&f.ios_bundles) {
                let key = normalize_package(p);
                if !key.is_empty() {
                    let v = ind.by_package.entry(key).or_default();
                    if !v.contains(&idx) {
                        v.push(idx);
                    }
                }
            }
            for c in &f.certificates {
                if let Some(c) = normalize_cert(c) {
                    let v = ind.by_cert.entry(c).or_default();
                    if !v.contains(&idx) {
                        v.push(idx);
                    }
                }
            }
        }
        ind.shared = def
            .shared_certificates
            .iter()
            .filter_map(|c| normalize_cert(c))
            .collect();
        Ok(ind)
    }

    /// Numbers of distinct package ids and certificates indexed.
    pub fn counts(&self) -> (usize, usize) {
        (self.by_package.len(), self.by_cert.len())
    }

    /// Whether there is anything to match.
    pub fn is_empty(&self) -> bool {
        self.families.is_empty()
    }

    /// The families an app matches, with how: earlier sources first, then strongest kind.
    /// `key` is the app's id as [`normalize_package`] gives it.
    pub fn lookup(&self, key: &str, certs: &[String]) -> Vec<(&Family, MatchedBy)> {
        let mut out: Vec<(u32, MatchedBy)> = Vec::new();
        if let Some(fams) = self.by_package.get(key) {
            out.extend(fams.iter().map(|&f| (f, MatchedBy::Package)));
        }
        for c in certs.iter().filter_map(|c| normalize_cert(c)) {
            if let Some(fams) = self.by_cert.get(&c) {
                let how = if self.shared.contains(&c) {
                    MatchedBy::SharedCertificate
                } else {
                    MatchedBy::Certificate
                };
                for &f in fams {
                    if !out.iter().any(|(g, _)| *g == f) {
                        out.push((f, how));
                    }
                }
            }
        }
        let mut res: Vec<(&Family, MatchedBy)> = out
            .into_iter()
            .map(|(f, how)| (&self.families[f as usize], how))
            .collect();
        // Earlier sources take precedence (the builder writes Echap's curated families before
        // ISDi's broad flags, so an app Echap calls watchware is not reported as stalkerware
        // because ISDi flags it so); within a source, the strongest kind first.
        res.sort_by(|a, b| a.0.source.cmp(&b.0.source).then(b.0.kind.cmp(&a.0.kind)));
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificates_normalize() {
        let want = normalize_cert("00112233445566778899AABBCCDDEEFF00112233").unwrap();
        for v in [
            "00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33",
            " 0011 2233 4455 6677 8899 aabb ccdd eeff 0011 2233 ",
            "SHA1: 00112233445566778899aabbccddeeff00112233",
            "sha-1 00-11-22-33-44-55-66-77-88-99-AA-BB-CC-DD-EE-FF-00-11-22-33",
        ] {
            assert_eq!(normalize_cert(v), Some(want), "{v}");
        }
        for bad in [
            "",
            "zz",
            "0011",
            &"00".repeat(32),
            "0:",
            "00112233445566778899AABBCCDDEEFF0011223",
        ] {
            assert_eq!(normalize_cert(bad), None, "{bad}");
        }
        assert_eq!(cert_hex(&want), "00112233445566778899AABBCCDDEEFF00112233");
    }

    #[test]
    fn lookup_by_package_and_cert() {
        let section = serde_json::json!({
            "format": 1,
            "sources": [{"id": "t", "name": "Test", "license": "MIT"}],
            "families": [
                {"name": "A", "kind": "stalkerware", "source": "t",
                 "packages": ["org.example.Spy"], "certificates": ["aa".repeat(20)]},
                {"name": "B", "kind": "dual-use", "source": "t", "packages": ["org.example.spy"]},
                {"name": "C", "kind": "nonsense", "source": "t", "packages": ["x"]}
            ],
            "shared_certificates": ["AA".repeat(20)]
        });
        let ind = Indicators::compile(Some(&section)).unwrap();
        assert_eq!(ind.counts(), (1, 1));
        let hits = ind.lookup(&normalize_package("ORG.EXAMPLE.SPY"), &[]);
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].0.kind, Kind::Stalkerware);
        let hits = ind.lookup("other", &["AA:".repeat(20)]);
        assert_eq!(hits[0].1, MatchedBy::SharedCertificate);
        assert!(ind.lookup("x", &[]).is_empty());
    }
}
