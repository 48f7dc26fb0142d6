//! Parsers of `adb shell` command outputs. Each takes the raw text and returns what it could
//! read: unknown lines are skipped, a truncated output gives a partial result, nothing panics.

use std::collections::{BTreeMap, HashMap, HashSet};

/// A package from `pm list packages -i -U`: name, installer (absent when `null`), uid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Package name.
    pub package: String,
    /// Installing package, if any.
    pub installer: Option<String>,
    /// Linux uid, if shown.
    pub uid: Option<u32>,
}

fn valid_package(p: &str) -> bool {
    !p.is_empty()
        && p.len() <= 256
        && p.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
}

/// `package:com.example installer=com.android.vending uid:10123` lines (the `-f` form
/// `package:/data/app/.../base.apk=com.example ...` is read too).
pub fn pm_list(text: &str) -> Vec<Listed> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.trim().strip_prefix("package:") else {
            continue;
        };
        let mut parts = rest.split_whitespace();
        let Some(first) = parts.next() else { continue };
        let package = match first.rsplit_once(".apk=") {
            Some((_, p)) => p,
            None => first,
        };
        if !valid_package(package) {
            continue;
        }
        let mut listed = Listed {
            package: package.to_string(),
            installer: None,
            uid: None,
        };
        for p in parts {
            if let Some(i) = p.strip_prefix("installer=") {
                if i != "null" && valid_package(i) {
                    listed.installer = Some(i.to_string());
                }
            } else if let Some(u) = p.strip_prefix("uid:") {
                listed.uid = u.split(',').next().and_then(|u| u.parse().ok());
            }
        }
        out.push(listed);
    }
    out
}

/// Component names in a colon-separated setting (`enabled_accessibility_services`,
/// `enabled_notification_listeners`); `null` is empty.
pub fn component_setting(text: &str) -> Vec<String> {
    text.trim()
        .split(':')
        .map(str::trim)
        .filter(|c| c.contains('/') && !c.contains(char::is_whitespace))
        .map(str::to_string)
        .collect()
}

/// `pkg/cls` inside `{...}` or `ComponentInfo{...}`, anywhere in a line.
fn braced_components(line: &str, out: &mut Vec<String>) {
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find(['}', '{']).unwrap_or(after.len());
        let inner = after[..close].trim();
        if let Some((p, c)) = inner.split_once('/') {
            if valid_package(p) && !c.is_empty() && !c.contains(char::is_whitespace) {
                out.push(inner.to_string());
            }
        }
        rest = &after[close.min(after.len())..];
        if close == after.len() {
            break;
        }
    }
}

/// Enabled services from `dumpsys accessibility` (`Enabled services:{{pkg/cls}, {pkg/cls}}`).
pub fn dumpsys_accessibility(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if let Some(rest) = t
            .strip_prefix("Enabled services:")
            .or_else(|| t.strip_prefix("enabled services:"))
        {
            braced_components(rest, &mut out);
        }
    }
    dedup(out)
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    v.retain(|x| seen.insert(x.clone()));
    v
}

/// Active device admins and the device owner from `dumpsys device_policy`.
pub fn device_policy(text: &str) -> (Vec<String>, Option<String>) {
    let mut admins = Vec::new();
    let mut owner = None;
    let mut in_admins: Option<usize> = None;
    let mut in_owner = false;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with("Enabled Device Admins") {
            in_admins = Some(indent);
            in_owner = false;
            continue;
        }
        if t.starts_with("Device Owner") {
            in_owner = true;
            in_admins = None;
            continue;
        }
        if let Some(base) = in_admins {
            if indent <= base {
                in_admins = None;
            } else if let Some(c) = t.strip_suffix(':') {
                if let Some((p, cls)) = c.split_once('/') {
                    if valid_package(p) && !cls.is_empty() && !cls.contains(' ') {
                        admins.push(c.to_string());
                    }
                }
                continue;
            }
        }
        if in_owner {
            if let Some(rest) = t.strip_prefix("admin=") {
                let mut found = Vec::new();
                braced_components(rest, &mut found);
                owner = found.into_iter().next().or(owner);
                in_owner = false;
            } else if indent == 0 {
                in_owner = false;
            }
        }
    }
    (dedup(admins), owner)
}

/// Notification listeners from `dumpsys notification`: components listed under a header that
/// mentions notification listeners.
pub fn dumpsys_notification(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut section: Option<usize> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let lower = t.to_ascii_lowercase();
        if (lower.contains("notification listeners") && t.ends_with(':'))
            || lower.starts_with("live notification listeners")
        {
            section = Some(indent);
            continue;
        }
        if let Some(base) = section {
            if indent <= base {
                section = None;
                continue;
            }
            if t.contains('{') {
                braced_components(t, &mut out);
            } else if let Some(c) = t.split_whitespace().next() {
                if let Some((p, cls)) = c.split_once('/') {
                    if valid_package(p) && !cls.is_empty() {
                        out.push(c.to_string());
                    }
                }
            }
        }
    }
    dedup(out)
}

/// What `dumpsys package packages` says about one package.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackageDump {
    /// `installerPackageName=`.
    pub installer: Option<String>,
    /// `pkgFlags=[ SYSTEM ... ]`.
    pub system: bool,
    /// Permissions shown `granted=true`.
    pub granted: Vec<String>,
}

/// Per-package blocks of `dumpsys package packages` (or `dumpsys package`).
pub fn dumpsys_package(text: &str) -> HashMap<String, PackageDump> {
    let mut out: HashMap<String, PackageDump> = HashMap::new();
    let mut current: Option<(String, usize)> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(rest) = t.strip_prefix("Package [") {
            current = rest
                .split_once(']')
                .map(|(p, _)| p)
                .filter(|p| valid_package(p))
                .map(|p| (p.to_string(), indent));
            if let Some((p, _)) = &current {
                out.entry(p.clone()).or_default();
            }
            continue;
        }
        let Some((pkg, base)) = &current else {
            continue;
        };
        if indent <= *base {
            current = None;
            continue;
        }
        let entry = out.entry(pkg.clone()).or_default();
        if let Some(i) = t.strip_prefix("installerPackageName=") {
            let i = i.trim();
            if i != "null" && valid_package(i) {
                entry.installer = Some(i.to_string());
            }
        } else if let Some(flags) = t
            .strip_prefix("pkgFlags=[")
            .or_else(|| t.strip_prefix("flags=["))
        {
            entry.system |= flags.split_whitespace().any(|f| f == "SYSTEM");
        } else if let Some((perm, rest)) = t.split_once(": granted=") {
            if rest.starts_with("true") && perm.contains('.') && !perm.contains(' ') {
                let perm = perm.to_string();
                if !entry.granted.contains(&perm) {
                    entry.granted.push(perm);
                }
            }
        }
    }
    out
}

/// Packages with a launcher activity, from `cmd package query-activities --brief -a
/// android.intent.action.MAIN -c android.intent.category.LAUNCHER`. `None` when the output
/// has no component at all (the command is missing or failed).
pub fn launcher_packages(text: &str) -> Option<HashSet<String>> {
    let set: HashSet<String> = text
        .lines()
        .filter_map(|l| {
            let t = l.trim();
            let c = t.split_whitespace().next()?;
            let (p, cls) = c.split_once('/')?;
            (valid_package(p) && !cls.is_empty()).then(|| p.to_string())
        })
        .collect();
    (!set.is_empty()).then_some(set)
}

/// User-added battery-optimization exemptions from `dumpsys deviceidle whitelist`
/// (`user,com.example,10123`).
pub fn deviceidle_user_whitelist(text: &str) -> HashSet<String> {
    text.lines()
        .filter_map(|l| {
            let mut it = l.trim().split(',');
            (it.next()? == "user").then(|| it.next()).flatten()
        })
        .filter(|p| valid_package(p))
        .map(str::to_string)
        .collect()
}

/// The settings a device audit reads; everything else in `settings list` is left out, so no
/// personal data (Wi-Fi names, Bluetooth names) enters the snapshot.
pub const SETTINGS_KEPT: &[&str] = &[
    "adb_enabled",
    "adb_wifi_enabled",
    "development_settings_enabled",
    "install_non_market_apps",
    "package_verifier_enable",
    "package_verifier_user_consent",
    "verifier_verify_adb_installs",
    "enabled_accessibility_services",
    "accessibility_enabled",
    "enabled_notification_listeners",
    "location_mode",
    "lock_screen_owner_info_enabled",
];

/// `key=value` lines of `settings list global|secure|system`, kept keys only.
pub fn settings_list(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .filter(|(k, _)| SETTINGS_KEPT.contains(k))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A `getprop` value: the first line, trimmed; empty → `None`.
pub fn prop(text: &str) -> Option<String> {
    text.lines()
        .next()
        .map(str::trim)
        .filter(|v| !v.is_empty() && v.len() <= 128)
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pm_lines() {
        let l = pm_list(
            "package:org.example.a installer=com.android.vending uid:10123\n\
             package:/data/app/~~x==/org.example.b-1/base.apk=org.example.b installer=null uid:10124\n\
             garbage\npackage:\npackage:bad!name installer=x\npackage:org.example.c installer=com.and",
        );
        assert_eq!(l.len(), 3);
        assert_eq!(l[0].installer.as_deref(), Some("com.android.vending"));
        assert_eq!(l[0].uid, Some(10123));
        assert_eq!(l[1].package, "org.example.b");
        assert_eq!(l[1].installer, None);
        assert_eq!(l[2].installer.as_deref(), Some("com.and"));
    }

    #[test]
    fn components() {
        assert_eq!(component_setting("null\n"), Vec::<String>::new());
        assert_eq!(
            component_setting("a.b/.C:d.e/d.e.F\n"),
            vec!["a.b/.C", "d.e/d.e.F"]
        );
        assert_eq!(
            dumpsys_accessibility(
                "  Enabled services:{{a.b/a.b.S}, {c.d/.T}}\n  Enabled services:{{a.b/a.b.S"
            ),
            vec!["a.b/a.b.S", "c.d/.T"]
        );
    }
}
