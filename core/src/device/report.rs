//! The device audit report: plain records, serializable to JSON and exported through uniffi,
//! and the step that turns raw findings into localized ones.

use super::indicators::Attribution;
use super::snapshot::Platform;
use crate::i18n::Catalog;
use crate::report::{Risk, Severity};
use serde::Serialize;

/// One thing found on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeviceFinding {
    /// Stable id apps can map (`indicator.stalkerware`, `app.covert_monitor`, ...).
    pub finding_id: String,
    /// `stalkerware`, `watchware`, `dual_use`, `permissions`, `settings`, `root`,
    /// `location_sharing`, `accounts`, `physical_access`, `management`.
    pub category: String,
    /// Localized name of the category.
    pub category_label: String,
    /// How strong the sign is.
    pub severity: Severity,
    /// The app it concerns (package name or bundle id), when it concerns one.
    pub app: Option<String>,
    /// The app's name as shown on the phone, when known.
    pub app_label: Option<String>,
    /// The known app family it matched (`Life360`, ...), for indicator matches.
    pub family: Option<String>,
    /// Id of the indicator source it came from (`echap`, `isdi`), for indicator matches; see
    /// [`AuditReport::attributions`].
    pub source: Option<String>,
    /// Short localized title.
    pub title: String,
    /// Plain, localized explanation.
    pub explanation: String,
    /// Localized, safety-first advice.
    pub advice: String,
    /// Stable ids of the signals that raised it (`accessibility`, `hidden_icon`, ...).
    pub signals: Vec<String>,
    /// The same signals, localized, for display.
    pub evidence: Vec<String>,
}

/// The result of a device audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AuditReport {
    /// Overall risk: the strongest finding's severity.
    pub risk: Risk,
    /// The platform judged.
    pub platform: Platform,
    /// Language the texts are written in.
    pub output_language: String,
    /// Localized risk label.
    pub risk_label: String,
    /// Localized one-line summary.
    pub summary: String,
    /// Findings, strongest first.
    pub findings: Vec<DeviceFinding>,
    /// Localized safety-first steps that apply to every audit.
    pub advice: Vec<String>,
    /// Number of apps looked at (after dropping duplicates and empty ids).
    pub apps_checked: u32,
    /// Sources and licenses of the indicator lists in the pack (CC-BY 4.0 Echap, MIT ISDi...).
    pub attributions: Vec<Attribution>,
    /// Id of the pack that judged.
    pub pack_id: String,
    /// Version of the pack that judged.
    pub pack_version: String,
}

/// A finding before localization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Raw {
    pub id: &'static str,
    pub category: &'static str,
    pub severity: Severity,
    pub app: Option<String>,
    pub app_label: Option<String>,
    pub family: Option<String>,
    pub source: Option<String>,
    pub signals: Vec<&'static str>,
}

impl Raw {
    pub fn new(id: &'static str, category: &'static str, severity: Severity) -> Raw {
        Raw {
            id,
            category,
            severity,
            app: None,
            app_label: None,
            family: None,
            source: None,
            signals: Vec::new(),
        }
    }

    pub fn app(mut self, id: &str, label: Option<&str>) -> Raw {
        self.app = Some(id.to_string());
        self.app_label = label.filter(|l| !l.trim().is_empty()).map(str::to_string);
        self
    }

    pub fn signals(mut self, signals: Vec<&'static str>) -> Raw {
        self.signals = signals;
        self
    }

    pub fn localize(&self, catalog: &Catalog, lang: &str) -> DeviceFinding {
        let name = self
            .app_label
            .as_deref()
            .or(self.app.as_deref())
            .unwrap_or("");
        let family = self.family.as_deref().unwrap_or(name);
        let fill = |key: String| {
            catalog
                .get(lang, &key)
                .replace("{app}", name)
                .replace("{family}", family)
        };
        DeviceFinding {
            finding_id: self.id.to_string(),
            category: self.category.to_string(),
            category_label: catalog.get(lang, &format!("category.{}.label", self.category)),
            severity: self.severity,
            app: self.app.clone(),
            app_label: self.app_label.clone(),
            family: self.family.clone(),
            source: self.source.clone(),
            title: fill(format!("device.{}.title", self.id)),
            explanation: fill(format!("device.{}.explanation", self.id)),
            advice: fill(format!("device.{}.advice", self.id)),
            signals: self.signals.iter().map(|s| s.to_string()).collect(),
            evidence: self
                .signals
                .iter()
                .map(|s| catalog.get(lang, &format!("device.signal.{s}")))
                .collect(),
        }
    }
}

/// The overall risk: the strongest severity found; none without findings.
pub(crate) fn overall_risk(findings: &[Raw]) -> Risk {
    match findings.iter().map(|f| f.severity).max() {
        None => Risk::None,
        Some(Severity::Low) => Risk::Low,
        Some(Severity::Medium) => Risk::Medium,
        Some(Severity::High) => Risk::High,
    }
}
