//! Device safety audit: finds stalkerware, watchware, dual-use monitoring apps, risky
//! settings, root or jailbreak, device management and location sharing in a
//! [`DeviceSnapshot`], and explains each finding with safety-first advice.
//!
//! The modules have one job each: [`snapshot`] is the input model, [`indicators`] the known
//! apps imported from public lists, [`config`] Vigie's own curated lists, [`heuristics`] the
//! behaviour signs of unknown monitors, [`settings`] and [`location`] the platform and sharing
//! checks, [`report`] the output records. [`DeviceAuditor`] ties them together; the
//! [`crate::Engine`] holds one built from its pack.

mod config;
mod heuristics;
pub mod indicators;
mod location;
pub mod report;
mod settings;
pub mod snapshot;

use crate::error::{Error, Result};
use crate::i18n::Catalog;
use crate::report::Severity;
use indicators::{Indicators, Kind, MatchedBy};
use report::{overall_risk, AuditReport, Raw};
use snapshot::{DeviceSnapshot, Platform};
use std::collections::HashSet;

/// The largest snapshot JSON accepted: 16 MiB.
pub const MAX_SNAPSHOT_BYTES: usize = 16 << 20;
/// The most apps a snapshot may list. Real phones have a few hundred to ~1,500 packages.
pub const MAX_APPS: usize = 20_000;

/// The compiled device data of a pack.
#[derive(Debug, Clone, Default)]
pub(crate) struct DeviceAuditor {
    /// Known apps from imported lists.
    pub indicators: Indicators,
    /// Vigie's curated lists.
    pub config: Config,
}

use config::Config;

impl DeviceAuditor {
    /// Compiles the pack's `device` and `indicators` sections.
    pub fn compile(
        device: Option<&serde_json::Value>,
        indicators: Option<&serde_json::Value>,
    ) -> Result<DeviceAuditor> {
        Ok(DeviceAuditor {
            indicators: Indicators::compile(indicators)?,
            config: Config::compile(device)?,
        })
    }

    /// Parses a snapshot from JSON, with typed errors for what cannot be read.
    pub fn parse_snapshot(json: &str) -> Result<DeviceSnapshot> {
        if json.len() > MAX_SNAPSHOT_BYTES {
            return Err(Error::InputTooLarge {
                len: json.len() as u64,
                max: MAX_SNAPSHOT_BYTES as u64,
            });
        }
        if json.trim().is_empty() {
            return Err(Error::InvalidInput("the snapshot is empty".into()));
        }
        if !json.trim_start().starts_with('{') {
            return Err(Error::InvalidInput(
                "the snapshot must be a JSON object (see docs/snapshot.md)".into(),
            ));
        }
        serde_json::from_str(json).map_err(|e| {
            // serde's message names the position and what was expected, never the content.
            Error::InvalidInput(format!(
                "the snapshot is not valid JSON of the expected shape: {e}"
            ))
        })
    }

    /// Judges a snapshot. The findings are raw; `localize` makes the report.
    pub(crate) fn audit(&self, s: &DeviceSnapshot, today: &str) -> Result<(Vec<Raw>, u32)> {
        if s.apps.len() > MAX_APPS {
            return Err(Error::InvalidInput(format!(
                "the snapshot lists {} apps; the limit is {MAX_APPS}",
                s.apps.len()
            )));
        }
        let access = heuristics::Access::new(s);
        let mut findings = Vec::new();
        let mut seen: HashSet<String> = HashSet::with_capacity(s.apps.len());
        for app in &s.apps {
            let key = indicators::normalize_package(&app.id);
            if key.is_empty() || seen.contains(&key) {
                continue;
            }
            if let Some(f) = self.judge_app(app, &key, &access, true) {
                findings.push(f);
            }
            seen.insert(key);
        }
        // Special access held by packages the app list does not show (the list may be partial).
        let mut orphans: Vec<&String> = access
            .accessibility
            .iter()
            .chain(&access.device_admin)
            .chain(&access.notification_listener)
            .filter(|p| !seen.contains(*p))
            .collect();
        orphans.sort();
        orphans.dedup();
        for p in orphans {
            let app = snapshot::AppInfo {
                id: p.clone(),
                ..Default::default()
            };
            seen.insert(p.clone());
            if let Some(f) = self.judge_app(&app, p, &access, false) {
                findings.push(f);
            }
        }
        findings.extend(settings::findings(s, &self.config, today));
        findings.extend(location::checklist_findings(&s.checklist));
        let apps_checked = seen.len() as u32;
        Ok((findings, apps_checked))
    }

    /// The strongest finding for one app: a known indicator, the behaviour heuristics, or
    /// location sharing, in that order of precedence when severities tie.
    fn judge_app(
        &self,
        app: &snapshot::AppInfo,
        key: &str,
        access: &heuristics::Access,
        listed: bool,
    ) -> Option<Raw> {
        let hit = self
            .indicators
            .lookup(key, &app.cert_sha1)
            .into_iter()
            .next();
        // A system app is only judged on the lists; its signs are read only to describe a hit.
        if app.system && hit.is_none() {
            return None;
        }
        let mut signs = heuristics::signs(app, key, access, &self.config);
        if !listed {
            // Not in the app list: where it came from is not known, which says nothing.
            let before = signs.signals.len();
            signs.signals.retain(|s| *s != "unknown_installer");
            if signs.signals.len() < before {
                signs.concealment -= 1;
            }
        }
        let mut best: Option<Raw> = None;
        let mut consider = |r: Raw| {
            let stronger = match &best {
                None => true,
                Some(b) => r.severity > b.severity,
            };
            if stronger {
                best = Some(r);
            }
        };
        if let Some((family, how)) = hit {
            let source = self
                .indicators
                .sources
                .get(family.source)
                .map(|s| s.id.clone());
            let how_signal = match how {
                MatchedBy::Package => "indicator_package",
                MatchedBy::Certificate => "indicator_certificate",
                MatchedBy::SharedCertificate => "indicator_shared_certificate",
            };
            let (id, category, severity) = match (family.kind, how) {
                (Kind::Stalkerware, MatchedBy::SharedCertificate) => (
                    "indicator.stalkerware_shared_cert",
                    "stalkerware",
                    Severity::Medium,
                ),
                (Kind::Stalkerware, _) => ("indicator.stalkerware", "stalkerware", Severity::High),
                (Kind::Watchware, _) => ("indicator.watchware", "watchware", Severity::Medium),
                (Kind::DualUse, _) => ("indicator.dual_use", "dual_use", Severity::Low),
            };
            // A shared test certificate on a preinstalled app is how some phones are built;
            // dual-use apps that came with the phone (Find My Device...) are expected too.
            let skip =
                app.system && (how == MatchedBy::SharedCertificate || family.kind == Kind::DualUse);
            if !skip {
                let mut signals = vec![how_signal];
                signals.extend(signs.signals.iter().copied());
                let mut raw = Raw::new(id, category, severity)
                    .app(key, app.label.as_deref())
                    .signals(signals);
                raw.family = Some(family.name.clone()).filter(|n| !n.is_empty());
                raw.source = source;
                consider(raw);
            }
        }
        if let Some(r) = heuristics::judge(app, key, &signs) {
            consider(r);
        }
        if let Some(r) = location::app_finding(app, key, &signs) {
            consider(r);
        }
        best
    }
}

/// Builds the localized report.
pub(crate) fn build_report(
    mut raws: Vec<Raw>,
    apps_checked: u32,
    platform: Platform,
    auditor: &DeviceAuditor,
    catalog: &Catalog,
    lang: &str,
    pack: &crate::PackInfo,
) -> AuditReport {
    raws.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| category_rank(a.category).cmp(&category_rank(b.category)))
            .then_with(|| a.app.cmp(&b.app))
    });
    let risk = overall_risk(&raws);
    // Attribution is owed whenever the pack carries the lists, whether or not this report
    // names an app from them: a clean result relied on them too.
    AuditReport {
        risk,
        platform,
        output_language: lang.to_string(),
        risk_label: catalog.get(lang, &format!("device.risk.{}.label", risk.as_str())),
        summary: catalog.get(lang, &format!("device.risk.{}.summary", risk.as_str())),
        findings: raws.iter().map(|r| r.localize(catalog, lang)).collect(),
        advice: catalog.numbered(lang, "device.advice"),
        apps_checked,
        attributions: auditor.indicators.sources.clone(),
        pack_id: pack.pack_id.clone(),
        pack_version: pack.pack_version.clone(),
    }
}

fn category_rank(c: &str) -> u8 {
    match c {
        "stalkerware" => 0,
        "accounts" => 1,
        "location_sharing" => 2,
        "watchware" => 3,
        "management" => 4,
        "root" => 5,
        "permissions" => 6,
        "dual_use" => 7,
        "physical_access" => 8,
        _ => 9,
    }
}
