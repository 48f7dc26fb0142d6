//! Vigie's own curated device data, from the pack's `device` section (`device/*.json` in the
//! pack sources): app stores, known legitimate users of powerful access (screen readers,
//! password managers, watch companions), root and jailbreak tools, sensitive permissions and
//! the name patterns that sound like part of the system.

use super::heuristics::PhraseSet;
use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct AppsDef {
    stores: Vec<String>,
    trusted: HashMap<String, String>,
    root_tools: HashMap<String, String>,
    jailbreak_tools: HashMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct SignalsDef {
    sensitive_permissions: HashMap<String, String>,
    system_name_phrases: Vec<String>,
    locator_name_phrases: Vec<String>,
    monitor_name_phrases: Vec<String>,
    patch_max_age_days: Option<u32>,
}

/// The compiled curated data.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Installers that are app stores.
    pub stores: HashSet<String>,
    /// Known legitimate apps that need powerful access, with their role (`screen_reader`,
    /// `password_manager`, `watch_companion`, ...).
    pub trusted: HashMap<String, String>,
    /// Root tools (package → name).
    pub root_tools: HashMap<String, String>,
    /// Jailbreak package managers (bundle id → name).
    pub jailbreak_tools: HashMap<String, String>,
    /// Permission → the capability it gives (`sms`, `call_log`, `microphone`, ...).
    pub sensitive_permissions: HashMap<String, String>,
    /// Names that sound like part of the system.
    pub system_names: PhraseSet,
    /// Names of location trackers.
    pub locator_names: PhraseSet,
    /// Names of monitoring apps.
    pub monitor_names: PhraseSet,
    /// Security patches older than this many days are reported.
    pub patch_max_age_days: u32,
}

fn lower_keys(m: HashMap<String, String>) -> HashMap<String, String> {
    m.into_iter()
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v))
        .collect()
}

fn lower_set(v: Vec<String>) -> HashSet<String> {
    v.into_iter()
        .map(|s| s.trim().to_ascii_lowercase())
        .collect()
}

impl Config {
    /// Compiles the `device` section (absent → empty lists).
    pub fn compile(section: Option<&serde_json::Value>) -> Result<Config> {
        let get = |name: &str| section.and_then(|s| s.get(name)).cloned();
        let parse_err = |name: &str, e: serde_json::Error| {
            Error::PackMalformed(format!("section `device.{name}`: {e}"))
        };
        let apps: AppsDef = match get("apps") {
            Some(v) => serde_json::from_value(v).map_err(|e| parse_err("apps", e))?,
            None => AppsDef::default(),
        };
        let signals: SignalsDef = match get("signals") {
            Some(v) => serde_json::from_value(v).map_err(|e| parse_err("signals", e))?,
            None => SignalsDef::default(),
        };
        Ok(Config {
            stores: lower_set(apps.stores),
            trusted: lower_keys(apps.trusted),
            root_tools: lower_keys(apps.root_tools),
            jailbreak_tools: lower_keys(apps.jailbreak_tools),
            sensitive_permissions: signals
                .sensitive_permissions
                .into_iter()
                .flat_map(|(k, v)| {
                    let short = k.rsplit('.').next().unwrap_or(&k).to_string();
                    [(short, v.clone()), (k, v)]
                })
                .collect(),
            system_names: PhraseSet::new(&signals.system_name_phrases),
            locator_names: PhraseSet::new(&signals.locator_name_phrases),
            monitor_names: PhraseSet::new(&signals.monitor_name_phrases),
            patch_max_age_days: signals.patch_max_age_days.unwrap_or(365),
        })
    }
}
