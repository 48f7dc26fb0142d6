//! Echap's stalkerware-indicators (`ioc.yaml`, `watchware.yaml`, `samples.csv`), as published
//! upstream. License: CC-BY 4.0, attribution to Echap.
//!
//! The YAML is read leniently: missing or null lists are empty, unknown keys are ignored, and
//! `c2.ip` is read like `c2.ips` (two entries spell it that way). `samples.csv` adds packages
//! and certificates that `ioc.yaml` lacks; its `App` column names the family, merged with the
//! YAML family of the same name.

use super::{normalize_cert, Family, Stats};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// A certificate seen in the samples of this many unrelated families or more is a shared one
/// (the public Android test key is used by several stalkerware makers, and by ordinary builds).
pub const SHARED_CERT_FAMILIES: usize = 3;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct C2 {
    #[serde(alias = "ip")]
    ips: Option<Vec<Option<String>>>,
    domains: Option<Vec<Option<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Entry {
    name: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    packages: Option<Vec<Option<String>>>,
    certificates: Option<Vec<Option<String>>>,
    ios_bundles: Option<Vec<Option<String>>>,
    c2: Option<C2>,
}

fn list(v: Option<Vec<Option<String>>>) -> Vec<String> {
    v.unwrap_or_default()
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The families of one YAML file, and how many C2 entries it lists.
pub fn parse_yaml(text: &str, default_kind: &str) -> Result<(Vec<Family>, usize), String> {
    let entries: Vec<Option<Entry>> =
        serde_saphyr::from_str(text).map_err(|e| format!("not the expected YAML: {e}"))?;
    let mut c2_count = 0;
    let mut out = Vec::new();
    for e in entries.into_iter().flatten() {
        if let Some(c2) = e.c2 {
            c2_count += list(c2.ips).len() + list(c2.domains).len();
        }
        let kind = e
            .kind
            .map(|k| k.trim().to_ascii_lowercase())
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| default_kind.to_string());
        let mut certificates: Vec<String> = list(e.certificates)
            .iter()
            .filter_map(|c| normalize_cert(c))
            .collect();
        certificates.dedup();
        out.push(Family {
            name: e.name.unwrap_or_default().trim().to_string(),
            kind,
            source: "echap".into(),
            packages: list(e.packages),
            ios_bundles: list(e.ios_bundles),
            certificates,
        });
    }
    Ok((out, c2_count))
}

/// `(App, Package Name, Certificate)` of each row of `samples.csv`, columns found by header.
pub fn parse_samples(text: &str) -> Result<Vec<(String, String, String)>, String> {
    Ok(
        super::csv_rows(text, &["App", "Package Name", "Certificate"])?
            .into_iter()
            .map(|mut r| {
                let cert = r.pop().unwrap_or_default();
                let pkg = r.pop().unwrap_or_default();
                (r.pop().unwrap_or_default(), pkg, cert)
            })
            .collect(),
    )
}

/// Family names compared on letters and digits only.
fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Everything imported from an Echap checkout.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// Stalkerware and watchware families.
    pub families: Vec<Family>,
    /// Certificates shared by unrelated families.
    pub shared_certificates: BTreeSet<String>,
    /// Counts.
    pub stats: Stats,
}

/// Merges the three files' contents.
pub fn combine(
    ioc: Vec<Family>,
    watchware: Vec<Family>,
    samples: Vec<(String, String, String)>,
) -> Imported {
    let mut families = ioc;
    let mut by_name: HashMap<String, usize> = families
        .iter()
        .enumerate()
        .map(|(i, f)| (name_key(&f.name), i))
        .collect();
    for (app, pkg, cert) in samples {
        let key = name_key(&app);
        let i = *by_name.entry(key).or_insert_with(|| {
            families.push(Family {
                name: app.clone(),
                kind: "stalkerware".into(),
                source: "echap".into(),
                ..Family::default()
            });
            families.len() - 1
        });
        let f = &mut families[i];
        if !pkg.is_empty() && !f.packages.contains(&pkg) {
            f.packages.push(pkg);
        }
        if let Some(c) = normalize_cert(&cert) {
            if !f.certificates.contains(&c) {
                f.certificates.push(c);
            }
        }
    }
    let mut stats = Stats::default();
    let stalker_pk: BTreeSet<&str> = families
        .iter()
        .flat_map(|f| f.packages.iter().map(String::as_str))
        .collect();
    let stalker_certs: BTreeSet<&str> = families
        .iter()
        .flat_map(|f| f.certificates.iter().map(String::as_str))
        .collect();
    stats.echap_stalkerware_packages = stalker_pk.len();
    stats.echap_stalkerware_certificates = stalker_certs.len();
    let ww_ids: BTreeSet<&str> = watchware
        .iter()
        .flat_map(|f| f.packages.iter().chain(&f.ios_bundles).map(String::as_str))
        .collect();
    stats.echap_watchware_ids = ww_ids.len();
    families.extend(watchware);
    stats.echap_families = families.len();

    let mut cert_families: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for f in &families {
        for c in &f.certificates {
            cert_families
                .entry(c.as_str())
                .or_default()
                .insert(name_key(&f.name));
        }
    }
    let shared_certificates = cert_families
        .into_iter()
        .filter(|(_, fams)| fams.len() >= SHARED_CERT_FAMILIES)
        .map(|(c, _)| c.to_string())
        .collect();
    Imported {
        families,
        shared_certificates,
        stats,
    }
}

/// Reads `ioc.yaml` (required), `watchware.yaml` and `samples.csv` (optional) from `dir`.
pub fn load(dir: &Path) -> Result<Imported, String> {
    let read = |name: &str| -> Result<Option<String>, String> {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(t) => Ok(Some(t)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    };
    let ioc = read("ioc.yaml")?.ok_or_else(|| format!("{}: ioc.yaml is missing", dir.display()))?;
    let (ioc, c2a) = parse_yaml(&ioc, "stalkerware").map_err(|e| format!("ioc.yaml: {e}"))?;
    let (watchware, c2b) = match read("watchware.yaml")? {
        Some(t) => parse_yaml(&t, "watchware").map_err(|e| format!("watchware.yaml: {e}"))?,
        None => (Vec::new(), 0),
    };
    let samples = match read("samples.csv")? {
        Some(t) => parse_samples(&t).map_err(|e| format!("samples.csv: {e}"))?,
        None => Vec::new(),
    };
    let mut imported = combine(ioc, watchware, samples);
    imported.stats.echap_c2_entries = c2a + c2b;
    Ok(imported)
}

/// Echap's attribution, as CC-BY 4.0 asks.
pub fn attribution() -> Value {
    json!({
        "id": "echap",
        "name": "Echap stalkerware-indicators",
        "license": "CC-BY-4.0",
        "attribution": "Stalkerware indicators by Echap (https://github.com/AssoEchap/stalkerware-indicators), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Converted to Vigie's pack format (certificates normalized to upper-case hex).",
        "url": "https://github.com/AssoEchap/stalkerware-indicators"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_yaml() {
        let yaml = "- name: Example\n  type: stalkerware\n  packages:\n  - org.example.one\n  - ''\n  certificates:\n  - 'aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd'\n  - nonsense\n  c2:\n    ip:\n    - 192.0.2.1\n    domains:\n    - example.invalid\n  unknown_key: 1\n- name: Empty\n  packages:\n- null\n";
        let (fams, c2) = parse_yaml(yaml, "stalkerware").unwrap();
        assert_eq!(fams.len(), 2);
        assert_eq!(fams[0].packages, vec!["org.example.one"]);
        assert_eq!(
            fams[0].certificates,
            vec!["AABBCCDDEEFF00112233445566778899AABBCCDD"]
        );
        assert_eq!(c2, 2);
        assert!(parse_yaml("not: [a list", "x").is_err());
    }

    #[test]
    fn samples_merge_and_shared_certs() {
        let csv = "SHA256,Package Name,Certificate,Version,App\n\
                   x,org.example.one,1111111111111111111111111111111111111111,1,Example\n\
                   x,org.example.two,,1,Other\n\
                   x,org.example.three,1111111111111111111111111111111111111111,1,Third\n\
                   x,,1111111111111111111111111111111111111111,1,Fourth\n";
        let samples = parse_samples(csv).unwrap();
        let ioc = vec![Family {
            name: "Example".into(),
            kind: "stalkerware".into(),
            source: "echap".into(),
            ..Family::default()
        }];
        let imp = combine(ioc, Vec::new(), samples);
        assert_eq!(imp.families.len(), 4);
        assert_eq!(imp.stats.echap_stalkerware_packages, 3);
        assert_eq!(imp.shared_certificates.len(), 1);
    }
}
