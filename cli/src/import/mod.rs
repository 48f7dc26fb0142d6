//! Importers for public indicator lists, run by `vigie pack build`: they read the upstream
//! formats (YAML and CSV) on the builder's machine and write the pack's `indicators` section
//! (JSON), so the mobile core never parses YAML or CSV. The section keeps each list's source and
//! license, which every audit report repeats.
//!
//! Section shape: see `vigie_core::device::indicators`.

pub mod echap;
pub mod isdi;

use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;

/// One family of apps, as written into the section.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Family {
    /// Family or app name.
    pub name: String,
    /// `stalkerware`, `watchware`, `dual_use`, `spyware`.
    pub kind: String,
    /// Source id (`echap`, `isdi`).
    pub source: String,
    /// Android package names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub packages: Vec<String>,
    /// iOS bundle ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ios_bundles: Vec<String>,
    /// Certificate SHA-1s, normalized (upper-case hex, no separators).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<String>,
}

/// What an import produced, for the builder's report and the tests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Families imported from Echap (ioc.yaml, watchware.yaml, and sample-only apps).
    pub echap_families: usize,
    /// Distinct non-empty package names from Echap's stalkerware (ioc.yaml + samples.csv).
    pub echap_stalkerware_packages: usize,
    /// Distinct certificates from Echap's stalkerware (ioc.yaml + samples.csv).
    pub echap_stalkerware_certificates: usize,
    /// Distinct watchware package names and bundle ids.
    pub echap_watchware_ids: usize,
    /// C2 addresses and domains seen (not imported into the pack; counted to show they parse).
    pub echap_c2_entries: usize,
    /// Certificates shared by several unrelated families (public test keys).
    pub shared_certificates: usize,
    /// Rows imported from ISDi's app-flags.csv.
    pub isdi_rows: usize,
}

/// The rows of a CSV file as the trimmed values of `columns`, in that order; columns are
/// found by header name (case-insensitive), so upstream column order may change.
pub fn csv_rows(text: &str, columns: &[&str]) -> Result<Vec<Vec<String>>, String> {
    let mut rd = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = rd.headers().map_err(|e| e.to_string())?.clone();
    let positions = columns
        .iter()
        .map(|name| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
                .ok_or_else(|| format!("column `{name}` is missing"))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let mut out = Vec::new();
    for rec in rd.records() {
        let rec = rec.map_err(|e| e.to_string())?;
        out.push(
            positions
                .iter()
                .map(|&i| rec.get(i).unwrap_or("").trim().to_string())
                .collect(),
        );
    }
    Ok(out)
}

/// Upper-case hex without separators, or `None` for anything that is not a SHA-1.
pub fn normalize_cert(raw: &str) -> Option<String> {
    vigie_core::device::indicators::normalize_cert(raw)
        .map(|c| vigie_core::device::indicators::cert_hex(&c))
}

/// Builds the `indicators` section from an Echap checkout and/or an ISDi `app-flags.csv`.
pub fn build_section(echap: Option<&Path>, isdi: Option<&Path>) -> Result<(Value, Stats), String> {
    let mut stats = Stats::default();
    let mut families = Vec::new();
    let mut sources = Vec::new();
    let mut shared = BTreeSet::new();
    if let Some(dir) = echap {
        let imported = echap::load(dir)?;
        stats = imported.stats.clone();
        shared = imported.shared_certificates.clone();
        families.extend(imported.families);
        sources.push(echap::attribution());
    }
    if let Some(file) = isdi {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let rows = isdi::parse(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        stats.isdi_rows = rows.len();
        families.extend(rows);
        sources.push(isdi::attribution());
    }
    stats.shared_certificates = shared.len();
    let section = json!({
        "format": 1,
        "sources": sources,
        "families": families,
        "shared_certificates": shared,
    });
    Ok((section, stats))
}
