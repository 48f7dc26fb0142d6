//! Settings and platform: USB debugging, installs from unknown sources, Play Protect, screen
//! lock, the age of the security patch, root and jailbreak traces, device management (device
//! owner, MDM and configuration profiles, supervision).

use super::config::Config;
use super::report::Raw;
use super::snapshot::{DeviceSnapshot, Platform};
use crate::report::Severity;

fn setting<'a>(s: &'a DeviceSnapshot, key: &str) -> Option<&'a str> {
    s.settings.get(key).map(|v| v.trim())
}

fn is_on(v: Option<&str>) -> bool {
    matches!(v, Some("1" | "true" | "on"))
}

fn is_off(v: Option<&str>) -> bool {
    matches!(v, Some("0" | "false" | "off"))
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (extra text after the day is ignored).
pub fn days(date: &str) -> Option<i64> {
    let d = date.trim();
    let mut it = d.get(..10)?.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let day: i64 = it.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) || !(1970..=9999).contains(&y) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Settings and platform findings. `today` is the reference date (`YYYY-MM-DD`).
pub fn findings(s: &DeviceSnapshot, config: &Config, today: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    if is_on(setting(s, "adb_enabled")) {
        out.push(Raw::new(
            "settings.usb_debugging",
            "settings",
            Severity::Low,
        ));
    }
    if is_on(setting(s, "development_settings_enabled")) && !is_on(setting(s, "adb_enabled")) {
        out.push(Raw::new(
            "settings.developer_options",
            "settings",
            Severity::Low,
        ));
    }
    if is_on(setting(s, "install_non_market_apps")) {
        out.push(Raw::new(
            "settings.unknown_sources",
            "settings",
            Severity::Low,
        ));
    }
    if is_off(setting(s, "package_verifier_enable")) {
        out.push(Raw::new(
            "settings.play_protect_off",
            "settings",
            Severity::Medium,
        ));
    }
    if s.screen_lock == Some(false) {
        out.push(Raw::new(
            "settings.no_screen_lock",
            "settings",
            Severity::Medium,
        ));
    }
    if let (Some(patch), Some(now)) = (
        s.security_patch.as_deref().and_then(days),
        s.collected_on
            .as_deref()
            .and_then(days)
            .or_else(|| days(today)),
    ) {
        if now - patch > i64::from(config.patch_max_age_days) {
            out.push(Raw::new(
                "settings.old_security_patch",
                "settings",
                Severity::Low,
            ));
        }
    }

    // Root: traces from the collector, or a root tool installed.
    let mut root_signals: Vec<&'static str> = Vec::new();
    for r in &s.root_indicators {
        let r = r.trim().to_ascii_lowercase();
        let sig = if r.contains("magisk") {
            "magisk"
        } else if r.contains("test-keys") || r.contains("test_keys") {
            "test_keys"
        } else if r.contains("su") {
            "su_binary"
        } else if r.is_empty() {
            continue;
        } else {
            "root_trace"
        };
        if !root_signals.contains(&sig) {
            root_signals.push(sig);
        }
    }
    let mut root_tools = Vec::new();
    for app in &s.apps {
        let key = super::indicators::normalize_package(&app.id);
        if config.root_tools.contains_key(&key) {
            root_tools.push(
                Raw::new("root.tool", "root", Severity::Medium)
                    .app(&key, app.label.as_deref())
                    .signals(vec!["root_tool"]),
            );
        } else if config.jailbreak_tools.contains_key(&key) {
            root_tools.push(
                Raw::new("root.jailbreak_tool", "root", Severity::Medium)
                    .app(&key, app.label.as_deref())
                    .signals(vec!["jailbreak_tool"]),
            );
        }
    }
    // test-keys alone is how some cheap phones ship: weak on its own.
    if root_signals.iter().any(|s| *s != "test_keys") {
        out.push(Raw::new("root.rooted", "root", Severity::Medium).signals(root_signals));
    } else if !root_signals.is_empty() {
        out.push(Raw::new("root.test_build", "root", Severity::Low).signals(root_signals));
    }
    out.extend(root_tools);
    let jb = s.jailbreak_indicators.iter().any(|j| !j.trim().is_empty());
    if jb {
        out.push(
            Raw::new("root.jailbroken", "root", Severity::Medium).signals(vec!["jailbreak_trace"]),
        );
    }

    // Management.
    if let Some(owner) = s.device_owner.as_deref().filter(|o| !o.trim().is_empty()) {
        let pkg = super::snapshot::component_package(owner);
        let label = s
            .apps
            .iter()
            .find(|a| a.id.eq_ignore_ascii_case(pkg))
            .and_then(|a| a.label.as_deref());
        out.push(
            Raw::new("management.device_owner", "management", Severity::Medium)
                .app(&super::indicators::normalize_package(pkg), label)
                .signals(vec!["device_owner"]),
        );
    }
    for p in &s.profiles {
        let label = p.name.as_deref().or(p.identifier.as_deref());
        let (id, sev) = if p.mdm {
            ("management.mdm_profile", Severity::Medium)
        } else {
            ("management.config_profile", Severity::Low)
        };
        let mut raw =
            Raw::new(id, "management", sev).signals(vec![if p.mdm { "mdm" } else { "profile" }]);
        raw.app_label = label.map(str::to_string);
        raw.family = p.organization.clone().filter(|o| !o.trim().is_empty());
        out.push(raw);
    }
    if s.supervised == Some(true) && s.platform != Platform::Android {
        out.push(Raw::new(
            "management.supervised",
            "management",
            Severity::Medium,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2000-03-01"), Some(11_017));
        assert_eq!(
            days("2024-05-01").unwrap() - days("2023-05-01").unwrap(),
            366
        );
        assert_eq!(days("2024-13-01"), None);
        assert_eq!(days("garbage"), None);
        assert_eq!(days("２０２４-01-01"), None);
    }
}
