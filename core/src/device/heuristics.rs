//! Behaviour heuristics for monitoring apps that no list knows: what access an app holds
//! (accessibility, device admin, notification listener), how it hides (no launcher icon, a
//! name that sounds like part of the system, installed outside a store) and what it can
//! collect (SMS, call log, microphone, background location, always-on running).
//!
//! Each app gets three sub-scores; the finding needs several kinds of sign together, so one
//! powerful but ordinary permission never alarms anyone. Known legitimate users of powerful
//! access (screen readers, password managers, watch companions) installed from a store do not
//! count their expected access.

use super::config::Config;
use super::report::Raw;
use super::snapshot::AppInfo;
use crate::report::Severity;
use std::collections::HashSet;

/// Lower-case words of a name, separated by single spaces (`Sync-Service_2` → `sync service 2`).
pub fn words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// Whether one of `phrases` (already in [`words`] form) is in the app's label or id.
pub fn name_matches(phrases: &[String], label: Option<&str>, id: &str) -> bool {
    if phrases.is_empty() {
        return false;
    }
    let label = format!(" {} ", words(label.unwrap_or("")));
    let id_words = format!(" {} ", words(id));
    let compact_id: String = id
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    phrases.iter().any(|p| {
        let padded = format!(" {p} ");
        let compact: String = p.chars().filter(|c| *c != ' ').collect();
        label.contains(&padded)
            || id_words.contains(&padded)
            || (compact.len() >= 8 && compact_id.contains(&compact))
    })
}

/// Which packages hold which special access, from the snapshot's component lists.
#[derive(Debug, Default)]
pub struct Access {
    /// Packages with an enabled accessibility service.
    pub accessibility: HashSet<String>,
    /// Packages that are device administrators.
    pub device_admin: HashSet<String>,
    /// Packages with an enabled notification listener.
    pub notification_listener: HashSet<String>,
    /// The device owner's package.
    pub device_owner: Option<String>,
}

fn packages(components: &[String]) -> HashSet<String> {
    components
        .iter()
        .map(|c| super::indicators::normalize_package(super::snapshot::component_package(c)))
        .filter(|p| !p.is_empty())
        .collect()
}

impl Access {
    /// Collects the access lists of a snapshot.
    pub fn new(s: &super::snapshot::DeviceSnapshot) -> Access {
        Access {
            accessibility: packages(&s.accessibility_services),
            device_admin: packages(&s.device_admins),
            notification_listener: packages(&s.notification_listeners),
            device_owner: s
                .device_owner
                .as_deref()
                .map(|o| {
                    super::indicators::normalize_package(super::snapshot::component_package(o))
                })
                .filter(|p| !p.is_empty()),
        }
    }
}

/// What the heuristics saw in one app.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct AppSigns {
    /// Signal ids, in display order.
    pub signals: Vec<&'static str>,
    /// Special access (accessibility 3, device admin 2, notification listener 2, owner 3).
    pub capability: u32,
    /// Hiding (no icon 2, system-sounding name 2, posing as a trusted app 3, sideloaded 1).
    pub concealment: u32,
    /// Collection (one per sensitive capability, up to 4; always running 1; monitoring name 2).
    pub collection: u32,
    /// Installed from a store (or preinstalled).
    pub from_store: bool,
    /// Holds background location.
    pub background_location: bool,
}

/// The signs of one app. `key` is its normalized id.
pub fn signs(app: &AppInfo, key: &str, access: &Access, config: &Config) -> AppSigns {
    let mut s = AppSigns::default();
    let installer = app
        .installer
        .as_deref()
        .map(|i| i.trim().to_ascii_lowercase())
        .filter(|i| !i.is_empty() && i != "null");
    let from_store = app.system
        || installer
            .as_ref()
            .is_some_and(|i| config.stores.contains(i));
    s.from_store = from_store;
    let trusted = config.trusted.contains_key(key);
    let trusted_ok = trusted && from_store;

    if access.accessibility.contains(key) && !trusted_ok {
        s.signals.push("accessibility");
        s.capability += 3;
    }
    if access.device_admin.contains(key) {
        s.signals.push("device_admin");
        s.capability += 2;
    }
    if access.notification_listener.contains(key) && !trusted_ok {
        s.signals.push("notification_listener");
        s.capability += 2;
    }
    if access.device_owner.as_deref() == Some(key) {
        s.signals.push("device_owner");
        s.capability += 3;
    }

    if app.launcher_icon == Some(false) && !app.system {
        s.signals.push("hidden_icon");
        s.concealment += 2;
    }
    if trusted && !from_store {
        s.signals.push("impersonates_trusted");
        s.concealment += 3;
    } else if !app.system
        && !trusted
        && (name_matches(&config.system_name_phrases, app.label.as_deref(), key)
            || (!from_store && (key.starts_with("com.android.") || key.starts_with("android."))))
    {
        s.signals.push("system_name");
        s.concealment += 2;
    }
    if !from_store {
        match installer {
            Some(_) => s.signals.push("sideloaded"),
            None => s.signals.push("unknown_installer"),
        }
        s.concealment += 1;
    }

    let mut caps: Vec<&'static str> = Vec::new();
    for p in &app.permissions {
        let name = p.trim();
        let short = name.rsplit('.').next().unwrap_or(name);
        let cap = config
            .sensitive_permissions
            .get(name)
            .or_else(|| config.sensitive_permissions.get(short));
        if let Some(cap) = cap.and_then(|c| capability_id(c)) {
            if !caps.contains(&cap) {
                caps.push(cap);
            }
        }
    }
    caps.sort_unstable();
    s.background_location = caps.contains(&"background_location");
    s.collection += (caps.len() as u32).min(4);
    s.signals.extend(caps);
    if app.battery_optimization_exempt == Some(true) && !app.system {
        s.signals.push("battery_exempt");
        s.collection += 1;
    }
    if name_matches(&config.monitor_name_phrases, app.label.as_deref(), key) {
        s.signals.push("monitor_name");
        s.collection += 2;
    }
    s
}

/// Signal ids are `&'static str`; the pack's capability names are mapped onto the known ones.
fn capability_id(name: &str) -> Option<&'static str> {
    Some(match name {
        "sms" => "sms",
        "call_log" => "call_log",
        "microphone" => "microphone",
        "background_location" => "background_location",
        "camera" => "camera",
        "contacts" => "contacts",
        "install_apps" => "install_apps",
        _ => return None,
    })
}

/// The heuristic finding for an app, if its signs add up. System apps are left alone: they
/// come with the phone and hold powerful access by design.
pub fn judge(app: &AppInfo, key: &str, s: &AppSigns) -> Option<Raw> {
    if app.system {
        return None;
    }
    let (cap, hide, collect) = (s.capability, s.concealment, s.collection);
    let total = cap + hide + collect;
    let (id, category, severity) = if (cap >= 3 && hide >= 2 && collect >= 2) || total >= 11 {
        ("app.covert_monitor", "stalkerware", Severity::High)
    } else if (cap >= 2 && (hide >= 1 || collect >= 2)) || (hide >= 3 && collect >= 3) {
        ("app.monitoring_access", "permissions", Severity::Medium)
    } else if cap >= 2 || (hide >= 2 && collect >= 1) || (hide >= 1 && collect >= 3) {
        ("app.sensitive_access", "permissions", Severity::Low)
    } else {
        return None;
    };
    Some(
        Raw::new(id, category, severity)
            .app(key, app.label.as_deref())
            .signals(s.signals.clone()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_names() {
        assert_eq!(words("  Sync-Service_2!"), "sync service 2");
        let phrases = vec!["system service".to_string(), "update service".to_string()];
        assert!(name_matches(&phrases, Some("System Service"), "x.y"));
        assert!(name_matches(
            &phrases,
            None,
            "org.example.updateservice.core"
        ));
        assert!(!name_matches(&phrases, Some("Systems"), "org.example.app"));
    }
}
