//! The device snapshot: what an app (or the CLI, through `adb`) saw on a phone. The core only
//! judges it; it never collects anything itself. The JSON form is documented in
//! `docs/snapshot.md`. Parsing is tolerant: unknown fields are ignored, settings values may be
//! strings, numbers or booleans, and a missing list is an empty one.

use serde::{Deserialize, Deserializer, Serialize};
use std::collections::HashMap;

/// Which operating system the snapshot comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Platform {
    /// Android.
    Android,
    /// iOS or iPadOS.
    Ios,
    /// Not said, or not recognized.
    #[default]
    #[serde(other)]
    Unknown,
}

impl Platform {
    /// The lower-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Android => "android",
            Platform::Ios => "ios",
            Platform::Unknown => "unknown",
        }
    }
}

/// One installed app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppInfo {
    /// Package name (Android) or bundle id (iOS).
    #[serde(deserialize_with = "lenient_string")]
    pub id: String,
    /// The name shown to the person, if known.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub label: Option<String>,
    /// The package that installed it (`com.android.vending` for Google Play); absent when
    /// unknown.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub installer: Option<String>,
    /// Preinstalled with the system (or an update of a preinstalled app).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub system: bool,
    /// SHA-1 of the signing certificates, hex in any case, with or without colons.
    #[serde(deserialize_with = "lenient_strings")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cert_sha1: Vec<String>,
    /// Granted permissions (`android.permission.READ_SMS`, ...).
    #[serde(deserialize_with = "lenient_strings")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub permissions: Vec<String>,
    /// `false` when the app has no icon in the launcher; absent when unknown.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub launcher_icon: Option<bool>,
    /// `true` when the app is exempt from battery optimization (it may run at all times).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub battery_optimization_exempt: Option<bool>,
}

/// A configuration profile installed on an iPhone (Settings › General › VPN & Device
/// Management), or a management profile on any device.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConfigProfile {
    /// The profile's identifier, if known.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub identifier: Option<String>,
    /// The name shown in Settings.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// The organization that signed or issued it.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub organization: Option<String>,
    /// Whether it enrols the device in mobile device management (MDM).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub mdm: bool,
}

/// Answers to the guided checklist the outreach worker goes through with the person. Each is
/// `true` (yes), `false` (no) or absent (not asked, or not sure).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Checklist {
    /// Location is shared with someone in Find My (iPhone).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub location_shared_find_my: Option<bool>,
    /// Location is shared with someone in Google Maps.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub location_shared_google_maps: Option<bool>,
    /// Location is shared in another app (messenger live location, a family app, a car...).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub location_shared_other: Option<bool>,
    /// The Apple ID or Google account is shared with, or known to, someone else.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub shared_account: Option<bool>,
    /// Devices the person does not recognize are signed in to the account.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub unknown_devices_signed_in: Option<bool>,
    /// Someone else set up the phone or the account.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub someone_else_set_up_phone: Option<bool>,
    /// Someone else knows the phone's passcode.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub someone_knows_passcode: Option<bool>,
    /// Someone else had the phone alone recently.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone_taken_recently: Option<bool>,
    /// The phone is in a family group (Family Sharing, Family Link) run by someone else.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub family_group_managed_by_other: Option<bool>,
    /// The phone warned about an unknown tracker (AirTag or similar) moving with the person.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub unknown_tracker_alert: Option<bool>,
}

/// Everything a phone check saw. Unknown JSON fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeviceSnapshot {
    /// Android or iOS.
    pub platform: Platform,
    /// OS version (`14`, `17.5`), if known.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub os_version: Option<String>,
    /// Android security patch level (`2024-05-01`), if known.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub security_patch: Option<String>,
    /// The day the snapshot was taken (`YYYY-MM-DD`); used to judge the patch's age. The
    /// pack's date is used when absent.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub collected_on: Option<String>,
    /// Whether a PIN, pattern, password or biometric lock is set; absent when unknown.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub screen_lock: Option<bool>,
    /// Installed apps (Android; on iOS only what an export or backup tool could list).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub apps: Vec<AppInfo>,
    /// Enabled accessibility services, as `package/class`.
    #[serde(deserialize_with = "lenient_components")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub accessibility_services: Vec<String>,
    /// Active device administrators, as `package/class`.
    #[serde(deserialize_with = "lenient_components")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub device_admins: Vec<String>,
    /// Enabled notification listeners, as `package/class`.
    #[serde(deserialize_with = "lenient_components")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub notification_listeners: Vec<String>,
    /// The device owner (fully managed device), as a package or `package/class`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub device_owner: Option<String>,
    /// Raw Android settings (`adb_enabled`, `package_verifier_enable`, ...), values as text.
    #[serde(deserialize_with = "lenient_map")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub settings: HashMap<String, String>,
    /// Traces of root found by the collector (`su`, `magisk`, `test-keys`, ...).
    #[serde(deserialize_with = "lenient_strings")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub root_indicators: Vec<String>,
    /// Traces of a jailbreak found by the app (files, URL schemes, sandbox escape).
    #[serde(deserialize_with = "lenient_strings")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub jailbreak_indicators: Vec<String>,
    /// Installed configuration and MDM profiles (iOS).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub profiles: Vec<ConfigProfile>,
    /// Whether the iPhone is supervised (managed by an organization); absent when unknown.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub supervised: Option<bool>,
    /// Answers to the guided checklist.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub checklist: Checklist,
}

/// Accepts a string, a number or a boolean as text; anything else (null, objects) as empty.
fn scalar_text(v: serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(if b { "1" } else { "0" }.to_string()),
        _ => None,
    }
}

fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(scalar_text(serde_json::Value::deserialize(d)?).unwrap_or_default())
}

/// A list of strings; a single string counts as a one-element list.
fn lenient_strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Array(items) => items.into_iter().filter_map(scalar_text).collect(),
        other => scalar_text(other).into_iter().collect(),
    })
}

/// A list of component names; a single string is split on `:` as Android writes
/// `enabled_accessibility_services`.
fn lenient_components<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Array(items) => items.into_iter().filter_map(scalar_text).collect(),
        serde_json::Value::String(s) => s
            .split(':')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    })
}

fn lenient_map<'de, D: Deserializer<'de>>(d: D) -> Result<HashMap<String, String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Object(m) => m
            .into_iter()
            .filter_map(|(k, v)| scalar_text(v).map(|v| (k, v)))
            .collect(),
        _ => HashMap::new(),
    })
}

/// The package part of a component name (`com.example/.Service` → `com.example`).
pub fn component_package(component: &str) -> &str {
    component.split('/').next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerant_parsing() {
        let s: DeviceSnapshot = serde_json::from_str(
            r#"{"platform":"windows","apps":[{"id":12,"cert_sha1":"AB:CD","extra":1}],
               "settings":{"adb_enabled":1,"x":true,"y":null,"z":{}},
               "accessibility_services":"a/b:c/d","surprise":[1,2]}"#,
        )
        .unwrap();
        assert_eq!(s.platform, Platform::Unknown);
        assert_eq!(s.apps[0].id, "12");
        assert_eq!(s.apps[0].cert_sha1, vec!["AB:CD"]);
        assert_eq!(s.settings["adb_enabled"], "1");
        assert_eq!(s.settings["x"], "1");
        assert!(!s.settings.contains_key("y"));
        assert_eq!(s.accessibility_services, vec!["a/b", "c/d"]);
        assert_eq!(component_package("com.x/.Svc"), "com.x");
    }
}
