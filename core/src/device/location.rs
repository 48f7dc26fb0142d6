//! Location sharing: apps that can follow the phone's location (family locators, apps with
//! background location) and the checklist answers about Find My, Google Maps and other apps.
//! Wording stays calm: sharing a location is often wanted; the point is that the person knows
//! who can see it.

use super::heuristics::AppSigns;
use super::report::Raw;
use super::snapshot::{AppInfo, Checklist};
use crate::report::Severity;

/// The location finding for an app that no stronger finding covers.
pub fn app_finding(app: &AppInfo, key: &str, signs: &AppSigns) -> Option<Raw> {
    if app.system {
        return None;
    }
    let raw = if signs.locator_name {
        let mut signals = vec!["locator_name"];
        if signs.background_location {
            signals.push("background_location");
        }
        Raw::new("location.locator_app", "location_sharing", Severity::Medium).signals(signals)
    } else if signs.background_location {
        Raw::new("location.background_app", "location_sharing", Severity::Low)
            .signals(vec!["background_location"])
    } else {
        return None;
    };
    Some(raw.app(key, app.label.as_deref()))
}

/// Findings from the checklist answers (only the `yes` answers count).
pub fn checklist_findings(c: &Checklist) -> Vec<Raw> {
    let yes = |a: Option<bool>| a == Some(true);
    let mut out = Vec::new();
    let mut add = |answer: Option<bool>, id, category, severity| {
        if yes(answer) {
            out.push(Raw::new(id, category, severity).signals(vec!["checklist"]));
        }
    };
    add(
        c.location_shared_find_my,
        "location.find_my_shared",
        "location_sharing",
        Severity::Medium,
    );
    add(
        c.location_shared_google_maps,
        "location.google_maps_shared",
        "location_sharing",
        Severity::Medium,
    );
    add(
        c.location_shared_other,
        "location.other_shared",
        "location_sharing",
        Severity::Medium,
    );
    add(
        c.family_group_managed_by_other,
        "location.family_group",
        "location_sharing",
        Severity::Medium,
    );
    add(
        c.unknown_tracker_alert,
        "location.unknown_tracker",
        "location_sharing",
        Severity::High,
    );
    add(
        c.shared_account,
        "account.shared",
        "accounts",
        Severity::Medium,
    );
    add(
        c.unknown_devices_signed_in,
        "account.unknown_devices",
        "accounts",
        Severity::High,
    );
    add(
        c.someone_else_set_up_phone,
        "access.set_up_by_other",
        "physical_access",
        Severity::Medium,
    );
    add(
        c.someone_knows_passcode,
        "access.passcode_known",
        "physical_access",
        Severity::Medium,
    );
    add(
        c.phone_taken_recently,
        "access.phone_taken",
        "physical_access",
        Severity::Low,
    );
    out
}
