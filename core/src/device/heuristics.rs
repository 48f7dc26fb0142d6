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
use aho_corasick::AhoCorasick;
use std::collections::HashSet;

/// Lower-case words of a name, separated by single spaces (`Sync-Service_2` → `sync service 2`).
pub fn words(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    if s.is_ascii() {
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase() as char);
            } else if !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
        }
        if out.ends_with(' ') {
            out.pop();
        }
        return out;
    }
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// A list of name phrases compiled for matching against [`NameForms`]: whole words in the label
/// or the id, or (for phrases of 8 letters or more) run together inside the id
/// (`systemupdate`).
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    padded: Option<AhoCorasick>,
    compact: Option<AhoCorasick>,
}

impl PhraseSet {
    /// Compiles phrases (any case and punctuation; they are reduced with [`words`]).
    pub fn new(phrases: &[String]) -> PhraseSet {
        let words: Vec<String> = phrases
            .iter()
            .map(|p| words(p))
            .filter(|p| !p.is_empty())
            .collect();
        let padded: Vec<String> = words.iter().map(|p| format!(" {p} ")).collect();
        let compact: Vec<String> = words
            .iter()
            .map(|p| p.replace(' ', ""))
            .filter(|p| p.len() >= 8)
            .collect();
        let build = |v: &[String]| (!v.is_empty()).then(|| AhoCorasick::new(v).ok()).flatten();
        PhraseSet {
            padded: build(&padded),
            compact: build(&compact),
        }
    }

    /// Whether a phrase is in the app's label or id.
    pub fn matches(&self, n: &NameForms) -> bool {
        self.padded
            .as_ref()
            .is_some_and(|a| a.is_match(&n.label) || a.is_match(&n.id))
            || self
                .compact
                .as_ref()
                .is_some_and(|a| a.is_match(&n.compact_id))
    }
}

/// An app's label and id in the forms [`PhraseSet`] matches: ` words `, and the id's letters
/// and digits run together.
#[derive(Debug, Clone, Default)]
pub struct NameForms {
    label: String,
    id: String,
    compact_id: String,
}

impl NameForms {
    /// The forms of one app's name.
    pub fn new(label: Option<&str>, id: &str) -> NameForms {
        NameForms {
            label: format!(" {} ", words(label.unwrap_or(""))),
            id: format!(" {} ", words(id)),
            compact_id: id
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect(),
        }
    }
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
    /// Its name sounds like a location tracker.
    pub locator_name: bool,
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
    // System apps are never judged on their names: skip building the forms.
    let names = if app.system {
        NameForms::default()
    } else {
        NameForms::new(app.label.as_deref(), key)
    };
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
        && (config.system_names.matches(&names)
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
        // Full names and short ones (`READ_SMS`) are both keys of the map.
        let cap = config.sensitive_permissions.get(p.trim());
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
    s.locator_name = !app.system && config.locator_names.matches(&names);
    if !app.system && config.monitor_names.matches(&names) {
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
        let set = PhraseSet::new(&["System Service".to_string(), "update service".to_string()]);
        assert!(set.matches(&NameForms::new(Some("System-Service"), "x.y")));
        assert!(set.matches(&NameForms::new(None, "org.example.updateservice.core")));
        assert!(!set.matches(&NameForms::new(Some("Systems"), "org.example.app")));
        assert!(!PhraseSet::default().matches(&NameForms::new(Some("x"), "y")));
        assert_eq!(words("Ünïcode Näme"), "ünïcode näme");
    }
}
