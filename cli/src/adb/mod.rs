//! `vigie audit --adb`: collects a device snapshot from a USB-connected Android phone with
//! `adb` (package list with installers, `dumpsys`, settings, a few system properties), for an
//! outreach worker on a laptop. Only what the audit needs is kept: no messages, no contacts,
//! no Wi-Fi or Bluetooth names.
//!
//! Collection ([`collect`]) and interpretation ([`snapshot`]) are separate so the parsers are
//! tested on recorded outputs (`cli/tests/fixtures/adb/`).

pub mod parse;

use std::collections::HashMap;
use std::process::Command;
use vigie_core::{AppInfo, DeviceSnapshot, Platform};

/// The raw outputs of the commands run on the phone, one field per command. Any may be empty
/// (the command failed or does not exist on that Android version).
#[derive(Debug, Clone, Default)]
pub struct Outputs {
    /// `pm list packages -i -U`.
    pub packages: String,
    /// `pm list packages -s`.
    pub system_packages: String,
    /// `dumpsys package packages`.
    pub dumpsys_package: String,
    /// `settings get secure enabled_accessibility_services`.
    pub accessibility_setting: String,
    /// `dumpsys accessibility`.
    pub dumpsys_accessibility: String,
    /// `dumpsys device_policy`.
    pub device_policy: String,
    /// `settings get secure enabled_notification_listeners`.
    pub notification_setting: String,
    /// `dumpsys notification`.
    pub dumpsys_notification: String,
    /// `cmd package query-activities --brief -a android.intent.action.MAIN -c
    /// android.intent.category.LAUNCHER`.
    pub launcher: String,
    /// `dumpsys deviceidle whitelist`.
    pub deviceidle: String,
    /// `settings list global`.
    pub settings_global: String,
    /// `settings list secure`.
    pub settings_secure: String,
    /// `getprop ro.build.version.security_patch`.
    pub security_patch: String,
    /// `getprop ro.build.version.release`.
    pub release: String,
    /// `getprop ro.build.tags`.
    pub build_tags: String,
    /// `command -v su; ls /sbin/su /system/bin/su /system/xbin/su /data/adb/magisk` (errors
    /// dropped).
    pub su: String,
}

/// The commands, in collection order, with the field each fills.
pub const COMMANDS: &[(&str, &str)] = &[
    ("packages", "pm list packages -i -U"),
    ("system_packages", "pm list packages -s"),
    ("dumpsys_package", "dumpsys package packages"),
    ("accessibility_setting", "settings get secure enabled_accessibility_services"),
    ("dumpsys_accessibility", "dumpsys accessibility"),
    ("device_policy", "dumpsys device_policy"),
    ("notification_setting", "settings get secure enabled_notification_listeners"),
    ("dumpsys_notification", "dumpsys notification"),
    (
        "launcher",
        "cmd package query-activities --brief -a android.intent.action.MAIN -c android.intent.category.LAUNCHER",
    ),
    ("deviceidle", "dumpsys deviceidle whitelist"),
    ("settings_global", "settings list global"),
    ("settings_secure", "settings list secure"),
    ("security_patch", "getprop ro.build.version.security_patch"),
    ("release", "getprop ro.build.version.release"),
    ("build_tags", "getprop ro.build.tags"),
    (
        "su",
        "command -v su 2>/dev/null; ls -d /sbin/su /system/bin/su /system/xbin/su /data/adb/magisk 2>/dev/null",
    ),
];

impl Outputs {
    /// Sets the field named `name` (see [`COMMANDS`]); unknown names are ignored.
    pub fn set(&mut self, name: &str, text: String) {
        let slot = match name {
            "packages" => &mut self.packages,
            "system_packages" => &mut self.system_packages,
            "dumpsys_package" => &mut self.dumpsys_package,
            "accessibility_setting" => &mut self.accessibility_setting,
            "dumpsys_accessibility" => &mut self.dumpsys_accessibility,
            "device_policy" => &mut self.device_policy,
            "notification_setting" => &mut self.notification_setting,
            "dumpsys_notification" => &mut self.dumpsys_notification,
            "launcher" => &mut self.launcher,
            "deviceidle" => &mut self.deviceidle,
            "settings_global" => &mut self.settings_global,
            "settings_secure" => &mut self.settings_secure,
            "security_patch" => &mut self.security_patch,
            "release" => &mut self.release,
            "build_tags" => &mut self.build_tags,
            "su" => &mut self.su,
            _ => return,
        };
        *slot = text;
    }

    /// Reads recorded outputs from a folder of `NAME.txt` files (missing files stay empty).
    pub fn from_dir(dir: &std::path::Path) -> Result<Outputs, String> {
        let mut o = Outputs::default();
        for (name, _) in COMMANDS {
            let path = dir.join(format!("{name}.txt"));
            match std::fs::read(&path) {
                Ok(bytes) => o.set(name, String::from_utf8_lossy(&bytes).into_owned()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
            }
        }
        Ok(o)
    }
}

/// Runs the commands with `adb` (on `serial` when given). Fails when `adb` is missing or no
/// phone answers; a single command that fails leaves its output empty.
pub fn collect(serial: Option<&str>) -> Result<Outputs, String> {
    let run = |cmd: &str| -> Result<std::process::Output, String> {
        let mut c = Command::new("adb");
        if let Some(s) = serial {
            c.args(["-s", s]);
        }
        c.args(["shell", cmd]);
        c.output().map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                "adb was not found: install Android platform-tools and put adb on the PATH".into()
            } else {
                format!("cannot run adb: {e}")
            }
        })
    };
    let probe = run("echo vigie")?;
    if !String::from_utf8_lossy(&probe.stdout).contains("vigie") {
        let err = String::from_utf8_lossy(&probe.stderr).trim().to_string();
        return Err(format!(
            "no phone answered adb ({}). Connect it with USB, turn on USB debugging and accept the prompt on the phone",
            if err.is_empty() { "no output" } else { &err }
        ));
    }
    let mut out = Outputs::default();
    for (name, cmd) in COMMANDS {
        let o = run(cmd)?;
        out.set(name, String::from_utf8_lossy(&o.stdout).into_owned());
    }
    Ok(out)
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Builds the snapshot from the outputs.
pub fn snapshot(o: &Outputs, collected_on: Option<String>) -> DeviceSnapshot {
    let listed = parse::pm_list(&o.packages);
    let system: std::collections::HashSet<String> = parse::pm_list(&o.system_packages)
        .into_iter()
        .map(|l| l.package)
        .collect();
    let dump = parse::dumpsys_package(&o.dumpsys_package);
    let launcher = parse::launcher_packages(&o.launcher);
    let exempt = parse::deviceidle_user_whitelist(&o.deviceidle);

    // The package list is the base; packages only `dumpsys` knows are added.
    let mut order: Vec<String> = listed.iter().map(|l| l.package.clone()).collect();
    let mut installers: HashMap<String, Option<String>> = listed
        .into_iter()
        .map(|l| (l.package, l.installer))
        .collect();
    let mut extra: Vec<&String> = dump
        .keys()
        .filter(|p| !installers.contains_key(*p))
        .collect();
    extra.sort();
    for p in extra {
        order.push(p.clone());
        installers.insert(p.clone(), None);
    }
    let apps = order
        .into_iter()
        .map(|p| {
            let d = dump.get(&p);
            let installer = installers
                .get(&p)
                .cloned()
                .flatten()
                .or_else(|| d.and_then(|d| d.installer.clone()));
            AppInfo {
                label: None,
                installer,
                system: system.contains(&p) || d.is_some_and(|d| d.system),
                cert_sha1: Vec::new(),
                permissions: d.map(|d| d.granted.clone()).unwrap_or_default(),
                launcher_icon: launcher.as_ref().map(|l| l.contains(&p)),
                battery_optimization_exempt: Some(exempt.contains(&p)),
                id: p,
            }
        })
        .collect();

    let mut settings: HashMap<String, String> = HashMap::new();
    settings.extend(parse::settings_list(&o.settings_global));
    settings.extend(parse::settings_list(&o.settings_secure));

    let mut accessibility = parse::component_setting(&o.accessibility_setting);
    accessibility.extend(parse::dumpsys_accessibility(&o.dumpsys_accessibility));
    if let Some(v) = settings.get("enabled_accessibility_services") {
        accessibility.extend(parse::component_setting(v));
    }
    let mut listeners = parse::component_setting(&o.notification_setting);
    listeners.extend(parse::dumpsys_notification(&o.dumpsys_notification));
    if let Some(v) = settings.get("enabled_notification_listeners") {
        listeners.extend(parse::component_setting(v));
    }
    let (admins, owner) = parse::device_policy(&o.device_policy);
    // Component lists are read by the core; keep the settings map to the switches.
    settings.remove("enabled_accessibility_services");
    settings.remove("enabled_notification_listeners");

    let mut root = Vec::new();
    for line in o.su.lines().map(str::trim).filter(|l| l.starts_with('/')) {
        if line.contains("magisk") {
            root.push("magisk".to_string());
        } else if line.ends_with("/su") {
            root.push(format!("su:{line}"));
        }
    }
    if parse::prop(&o.build_tags).is_some_and(|t| t.contains("test-keys")) {
        root.push("test-keys".to_string());
    }
    root.dedup();

    DeviceSnapshot {
        platform: Platform::Android,
        os_version: parse::prop(&o.release),
        security_patch: parse::prop(&o.security_patch),
        collected_on,
        screen_lock: None,
        apps,
        accessibility_services: dedup(accessibility),
        device_admins: admins,
        notification_listeners: dedup(listeners),
        device_owner: owner,
        settings,
        root_indicators: root,
        ..DeviceSnapshot::default()
    }
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.clone()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_date() {
        let t = today();
        assert_eq!(t.len(), 10);
        assert!(t.starts_with("20"));
    }
}
