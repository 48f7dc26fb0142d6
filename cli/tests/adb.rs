//! `vigie audit --adb` parsers on recorded command outputs (`fixtures/adb/<phone>/<command>.txt`,
//! written by hand to match what Android prints, with invented or well-known legitimate apps).

use std::path::PathBuf;
use vigie_cli::adb::{snapshot, Outputs, COMMANDS};
use vigie_core::{CheckOptions, Engine, Risk};

fn fixture(name: &str) -> Outputs {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/adb")
        .join(name);
    Outputs::from_dir(&dir).unwrap()
}

#[test]
fn clean_pixel_reads_right_and_stays_low() {
    let s = snapshot(&fixture("pixel_clean"), Some("2026-11-20".into()));
    assert_eq!(s.apps.len(), 14);
    let get = |id: &str| s.apps.iter().find(|a| a.id == id).unwrap();
    assert!(get("com.google.android.gms").system);
    assert!(!get("com.whatsapp").system);
    assert_eq!(
        get("com.whatsapp").installer.as_deref(),
        Some("com.android.vending")
    );
    assert!(get("com.whatsapp")
        .permissions
        .contains(&"android.permission.RECORD_AUDIO".to_string()));
    assert_eq!(get("com.whatsapp").battery_optimization_exempt, Some(true));
    assert_eq!(get("com.google.android.gms").launcher_icon, Some(false));
    assert_eq!(get("org.mozilla.firefox").launcher_icon, Some(true));
    assert!(!get("com.google.android.marvin.talkback")
        .permissions
        .iter()
        .any(|p| p.ends_with("RECORD_AUDIO")));
    assert_eq!(s.accessibility_services.len(), 2);
    assert_eq!(s.device_admins.len(), 1);
    assert_eq!(s.notification_listeners.len(), 2);
    assert_eq!(s.device_owner, None);
    assert_eq!(s.settings.get("adb_enabled").map(String::as_str), Some("1"));
    assert!(
        !s.settings.contains_key("device_name"),
        "personal settings are not kept"
    );
    assert!(!s.settings.contains_key("bluetooth_name"));
    assert_eq!(s.security_patch.as_deref(), Some("2026-10-05"));
    assert!(s.root_indicators.is_empty());

    let r = Engine::new()
        .audit_device(&s, &CheckOptions::default())
        .unwrap();
    let ids: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.finding_id.as_str(), f.app.as_deref()))
        .collect();
    println!("pixel_clean: {:?} {ids:?}", r.risk);
    assert_eq!(r.risk, Risk::Low, "{ids:?}");
    assert!(ids.contains(&("settings.usb_debugging", None)));
    assert!(ids.contains(&("location.background_app", Some("com.accuweather.android"))));
}

#[test]
fn covert_monitor_on_samsung_is_high() {
    let s = snapshot(&fixture("samsung_covert"), Some("2026-11-20".into()));
    let spy = s
        .apps
        .iter()
        .find(|a| a.id == "com.android.systemsync.core")
        .unwrap();
    assert_eq!(spy.launcher_icon, Some(false));
    assert!(!spy.system);
    assert_eq!(
        spy.installer.as_deref(),
        Some("com.google.android.packageinstaller")
    );
    assert_eq!(s.device_admins.len(), 2);
    assert_eq!(s.root_indicators, vec!["su:/system/xbin/su"]);

    let r = Engine::new()
        .audit_device(
            &s,
            &CheckOptions {
                lang: Some("pt".into()),
            },
        )
        .unwrap();
    let ids: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.finding_id.as_str(), f.app.as_deref()))
        .collect();
    println!("samsung_covert: {:?} {ids:?}", r.risk);
    assert_eq!(r.risk, Risk::High);
    let top = &r.findings[0];
    assert_eq!(top.finding_id, "app.covert_monitor");
    assert_eq!(top.category, "stalkerware");
    assert_eq!(top.app.as_deref(), Some("com.android.systemsync.core"));
    for s in [
        "accessibility",
        "device_admin",
        "notification_listener",
        "hidden_icon",
        "sideloaded",
        "sms",
        "microphone",
        "background_location",
        "battery_exempt",
    ] {
        assert!(
            top.signals.iter().any(|x| x == s),
            "missing {s}: {:?}",
            top.signals
        );
    }
    assert!(ids.contains(&("settings.play_protect_off", None)));
    assert!(ids.contains(&("root.rooted", None)));
    // The flashlight app from the store with the camera alone is not flagged.
    assert!(!ids
        .iter()
        .any(|(_, app)| *app == Some("org.example.flashlight")));
}

#[test]
fn truncated_and_garbled_outputs_never_panic() {
    let engine = Engine::new();
    for phone in ["pixel_clean", "samsung_covert"] {
        let full = fixture(phone);
        for (name, _) in COMMANDS {
            let text = match *name {
                "packages" => &full.packages,
                "dumpsys_package" => &full.dumpsys_package,
                "dumpsys_accessibility" => &full.dumpsys_accessibility,
                "device_policy" => &full.device_policy,
                "dumpsys_notification" => &full.dumpsys_notification,
                "settings_global" => &full.settings_global,
                _ => continue,
            }
            .clone();
            let mut cut = 0;
            while cut < text.len() {
                if text.is_char_boundary(cut) {
                    let mut o = full.clone();
                    o.set(name, text[..cut].to_string());
                    let s = snapshot(&o, None);
                    engine.audit_device(&s, &CheckOptions::default()).unwrap();
                }
                cut += 7;
            }
        }
        // Everything garbled at once.
        let mut o = Outputs::default();
        for (name, _) in COMMANDS {
            o.set(
                name,
                "package:\u{0}\n{{{/}}} Package [ ] :\n=\u{fffd}\nuser,,\n".repeat(3),
            );
        }
        let s = snapshot(&o, None);
        engine.audit_device(&s, &CheckOptions::default()).unwrap();
    }
}
