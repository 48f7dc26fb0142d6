//! Device audit: imported indicators found when planted, heuristics on realistic snapshots
//! (`tests/device/*.json`), translations, and bad input. The indicator lists are read from
//! `../shared/data` at run time and never copied into the repository.

use std::collections::BTreeSet;
use std::sync::OnceLock;
use vigie_core::{
    AppInfo, AuditReport, CheckOptions, DeviceSnapshot, Engine, Error, Risk, Severity,
};
use vigie_tests::{shared_data, tests_dir};

/// An engine whose pack holds the default content plus Echap's and ISDi's indicators, built
/// the way `vigie pack build --echap DIR --isdi FILE` builds it.
fn full_engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let data = shared_data();
        let (section, stats) = vigie_cli::import::build_section(
            Some(&data.join("stalkerware-indicators")),
            Some(&data.join("isdi/app-flags.csv")),
        )
        .unwrap();
        println!("import: {stats:?}");
        let files =
            vigie_cli::pack_build::read_source_dir(&vigie_cli::pack_build::default_source_dir())
                .unwrap();
        let mut extra = serde_json::Map::new();
        extra.insert("indicators".into(), section);
        let bytes = vigie_core::pack::sources::build_pack(&files, extra).unwrap();
        Engine::from_pack(&bytes).unwrap()
    })
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(tests_dir().join("device").join(name)).unwrap()
}

fn audit(name: &str, lang: &str) -> AuditReport {
    full_engine()
        .audit_device_json(
            &fixture(name),
            &CheckOptions {
                lang: Some(lang.into()),
            },
        )
        .unwrap()
}

fn summary(r: &AuditReport) -> Vec<(String, Option<String>, Severity)> {
    r.findings
        .iter()
        .map(|f| (f.finding_id.clone(), f.app.clone(), f.severity))
        .collect()
}

/// The distinct non-empty package names and certificates of Echap's stalkerware lists
/// (`ioc.yaml` + `samples.csv`), read with the importer's own parsers.
fn echap_stalkerware() -> (BTreeSet<String>, BTreeSet<String>) {
    let dir = shared_data().join("stalkerware-indicators");
    let ioc = std::fs::read_to_string(dir.join("ioc.yaml")).unwrap();
    let (families, _) = vigie_cli::import::echap::parse_yaml(&ioc, "stalkerware").unwrap();
    let samples = std::fs::read_to_string(dir.join("samples.csv")).unwrap();
    let rows = vigie_cli::import::echap::parse_samples(&samples).unwrap();
    let mut packages: BTreeSet<String> = families.iter().flat_map(|f| f.packages.clone()).collect();
    let mut certs: BTreeSet<String> = families
        .iter()
        .flat_map(|f| f.certificates.clone())
        .collect();
    for (_, p, c) in rows {
        if !p.is_empty() {
            packages.insert(p);
        }
        if let Some(c) = vigie_cli::import::normalize_cert(&c) {
            certs.insert(c);
        }
    }
    (packages, certs)
}

fn app(id: &str) -> AppInfo {
    AppInfo {
        id: id.to_string(),
        installer: Some("com.android.vending".into()),
        launcher_icon: Some(true),
        ..AppInfo::default()
    }
}

#[test]
fn every_echap_package_and_certificate_is_found_when_planted() {
    let engine = full_engine();
    let (packages, certs) = echap_stalkerware();

    let snapshot = DeviceSnapshot {
        apps: packages.iter().map(|p| app(p)).collect(),
        ..DeviceSnapshot::default()
    };
    let r = engine
        .audit_device(&snapshot, &CheckOptions::default())
        .unwrap();
    let found: BTreeSet<String> = r
        .findings
        .iter()
        .filter(|f| f.finding_id == "indicator.stalkerware" && f.category == "stalkerware")
        .filter_map(|f| f.app.clone())
        .collect();
    let want: BTreeSet<String> = packages.iter().map(|p| p.to_ascii_lowercase()).collect();
    let missing: Vec<_> = want.difference(&found).collect();
    println!(
        "echap package names: {} distinct, {} found by package name ({} ids after case folding)",
        packages.len(),
        found.len(),
        want.len()
    );
    assert!(missing.is_empty(), "not found: {missing:?}");
    assert_eq!(
        packages.len(),
        670,
        "distinct non-empty package names in ioc.yaml + samples.csv"
    );
    assert_eq!(r.risk, Risk::High);
    assert!(r
        .attributions
        .iter()
        .any(|a| a.id == "echap" && a.license == "CC-BY-4.0"));
    assert!(r
        .attributions
        .iter()
        .any(|a| a.id == "isdi" && a.license == "MIT"));
    assert!(r
        .findings
        .iter()
        .all(|f| f.source.as_deref() == Some("echap")));

    // Certificates alone, on apps with invented names, written in the odd ways collectors
    // write them: lower case, colons, spaces, a `SHA1:` label.
    let styles = |i: usize, c: &str| -> String {
        let pairs: Vec<String> = c
            .as_bytes()
            .chunks(2)
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .collect();
        match i % 4 {
            0 => c.to_string(),
            1 => pairs.join(":").to_ascii_lowercase(),
            2 => format!("SHA1: {}", pairs.join(" ")),
            _ => c.to_ascii_lowercase(),
        }
    };
    let snapshot = DeviceSnapshot {
        apps: certs
            .iter()
            .enumerate()
            .map(|(i, c)| AppInfo {
                cert_sha1: vec![styles(i, c)],
                ..app(&format!("org.vigietest.cert{i}"))
            })
            .collect(),
        ..DeviceSnapshot::default()
    };
    let r = engine
        .audit_device(&snapshot, &CheckOptions::default())
        .unwrap();
    let mut by_cert = 0;
    let mut shared = 0;
    for f in &r.findings {
        match f.finding_id.as_str() {
            "indicator.stalkerware" => by_cert += 1,
            "indicator.stalkerware_shared_cert" => shared += 1,
            _ => {}
        }
    }
    println!(
        "echap certificates: {} distinct, {} found ({} as a certificate shared by several families, reported at medium)",
        certs.len(),
        by_cert + shared,
        shared
    );
    assert_eq!(
        certs.len(),
        981,
        "distinct certificates in ioc.yaml + samples.csv"
    );
    assert_eq!(by_cert + shared, certs.len());
    assert!(shared <= 3, "only public test keys are shared: {shared}");
}

#[test]
fn watchware_and_dual_use_are_found_with_calm_wording() {
    let engine = full_engine();
    let dir = shared_data().join("stalkerware-indicators");
    let ww = std::fs::read_to_string(dir.join("watchware.yaml")).unwrap();
    let (families, _) = vigie_cli::import::echap::parse_yaml(&ww, "watchware").unwrap();
    let ids: BTreeSet<String> = families
        .iter()
        .flat_map(|f| f.packages.iter().chain(&f.ios_bundles).cloned())
        .collect();
    // Ids that Echap also lists as stalkerware are reported as stalkerware.
    let (stalker, _) = echap_stalkerware();
    let on_both: BTreeSet<String> = ids
        .iter()
        .filter(|i| stalker.contains(*i))
        .map(|i| i.to_ascii_lowercase())
        .collect();
    println!("watchware ids also listed as stalkerware: {on_both:?}");
    let snapshot = DeviceSnapshot {
        apps: ids.iter().map(|p| app(p)).collect(),
        ..DeviceSnapshot::default()
    };
    for lang in ["en", "fr", "es", "pt"] {
        let r = engine
            .audit_device(
                &snapshot,
                &CheckOptions {
                    lang: Some(lang.into()),
                },
            )
            .unwrap();
        let watch: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.category == "watchware")
            .collect();
        if lang == "en" {
            println!(
                "watchware ids: {}, flagged as watchware: {}",
                ids.len(),
                watch.len()
            );
        }
        let other: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.category != "watchware")
            .map(|f| (f.app.clone(), f.finding_id.clone()))
            .collect();
        assert_eq!(
            watch.len(),
            ids.len() - on_both.len(),
            "{} of {}: {other:?}",
            watch.len(),
            ids.len()
        );
        assert!(other.iter().all(|(app, id)| id == "indicator.stalkerware"
            && on_both.contains(app.as_deref().unwrap_or(""))));
        for f in watch {
            assert_eq!(f.severity, Severity::Medium);
            assert!(f.family.is_some());
            assert!(!f.explanation.contains('{'), "{}", f.explanation);
        }
    }
    let en = engine
        .audit_device(&snapshot, &CheckOptions::default())
        .unwrap();
    let w = en
        .findings
        .iter()
        .find(|f| f.category == "watchware")
        .unwrap();
    assert!(w.advice.contains("advocate") && w.advice.contains("before removing"));
    assert!(!w.title.to_lowercase().contains("spy"));

    // ISDi dual-use apps: a low note for an installed one, nothing for one that came with the
    // phone.
    let csv = std::fs::read_to_string(shared_data().join("isdi/app-flags.csv")).unwrap();
    let rows = vigie_cli::import::isdi::parse(&csv).unwrap();
    let dual: Vec<&String> = rows
        .iter()
        .filter(|f| f.kind == "dual_use")
        .flat_map(|f| &f.packages)
        .take(20)
        .collect();
    let mut apps: Vec<AppInfo> = dual.iter().map(|p| app(p)).collect();
    apps[0].system = true;
    let r = engine
        .audit_device(
            &DeviceSnapshot {
                apps,
                ..DeviceSnapshot::default()
            },
            &CheckOptions::default(),
        )
        .unwrap();
    let flagged: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.category == "dual_use")
        .collect();
    assert!(flagged.len() >= 15, "{}", flagged.len());
    assert!(flagged
        .iter()
        .all(|f| f.severity == Severity::Low && f.source.as_deref() == Some("isdi")));
    assert!(!flagged
        .iter()
        .any(|f| f.app.as_deref() == Some(&dual[0].to_ascii_lowercase())));
}

#[test]
fn clean_phones_stay_none_or_low() {
    for (name, want) in [
        ("android_clean.json", Risk::None),
        ("ios_clean.json", Risk::None),
    ] {
        for engine in [full_engine(), &Engine::new()] {
            let r = engine
                .audit_device_json(&fixture(name), &CheckOptions::default())
                .unwrap();
            println!("{name}: {:?} {:?}", r.risk, summary(&r));
            assert!(r.risk <= Risk::Low, "{name}: {:?}", summary(&r));
            assert_eq!(r.risk, want, "{name}: {:?}", summary(&r));
        }
    }
}

#[test]
fn screen_readers_and_password_managers_do_not_alarm() {
    let r = audit("accessibility_users.json", "en");
    println!("accessibility_users: {:?} {:?}", r.risk, summary(&r));
    assert_eq!(r.risk, Risk::None, "{:?}", summary(&r));
    // The same id installed from a file, hidden, reading SMS: not the real TalkBack.
    let r = audit("impostor_talkback.json", "en");
    println!("impostor_talkback: {:?} {:?}", r.risk, summary(&r));
    let f = &r.findings[0];
    assert!(f.severity >= Severity::Medium);
    assert!(f.signals.iter().any(|s| s == "impersonates_trusted"));
}

#[test]
fn covert_unknown_monitor_is_high() {
    for lang in ["en", "fr", "es", "pt"] {
        for engine in [full_engine(), &Engine::new()] {
            let r = engine
                .audit_device_json(
                    &fixture("covert_monitor.json"),
                    &CheckOptions {
                        lang: Some(lang.into()),
                    },
                )
                .unwrap();
            assert_eq!(r.risk, Risk::High, "{:?}", summary(&r));
            let f = &r.findings[0];
            assert_eq!(f.finding_id, "app.covert_monitor");
            assert_eq!(f.category, "stalkerware");
            assert_eq!(f.app.as_deref(), Some("net.example.devicecare"));
            assert_eq!(f.app_label.as_deref(), Some("Device Health Service"));
            assert!(f.signals.iter().any(|s| s == "system_name"));
            assert_eq!(f.evidence.len(), f.signals.len());
            if lang == "en" {
                println!(
                    "covert_monitor: {:?} {:?} signals {:?}",
                    r.risk,
                    summary(&r),
                    f.signals
                );
                assert!(f.advice.contains("alert the person who installed it"));
                assert!(f.advice.contains("safety plan") && f.advice.contains("safer device"));
                assert!(f.explanation.contains("Device Health Service"));
            }
        }
    }
}

#[test]
fn location_sharing_and_ios_checklist() {
    let r = audit("location_sharing.json", "en");
    println!("location_sharing: {:?} {:?}", r.risk, summary(&r));
    assert_eq!(r.risk, Risk::Medium);
    let ids = summary(&r);
    assert!(ids.contains(&(
        "location.locator_app".into(),
        Some("org.example.familymap".into()),
        Severity::Medium
    )));
    assert!(ids.contains(&(
        "location.background_app".into(),
        Some("org.example.weather".into()),
        Severity::Low
    )));
    assert!(ids
        .iter()
        .any(|(id, _, _)| id == "location.google_maps_shared"));
    for f in &r.findings {
        assert_eq!(f.category, "location_sharing");
        assert!(f.severity <= Severity::Medium);
    }

    let r = audit("ios_shared.json", "es");
    println!("ios_shared: {:?} {:?}", r.risk, summary(&r));
    assert_eq!(r.risk, Risk::Medium);
    let cats: BTreeSet<&str> = r.findings.iter().map(|f| f.category.as_str()).collect();
    assert!(
        cats.contains("location_sharing")
            && cats.contains("accounts")
            && cats.contains("management")
    );
    let mdm = r
        .findings
        .iter()
        .find(|f| f.finding_id == "management.mdm_profile")
        .unwrap();
    assert!(
        mdm.explanation.contains("Example Remote Care"),
        "{}",
        mdm.explanation
    );
    assert_eq!(r.output_language, "es");
}

#[test]
fn every_finding_is_translated_in_every_language() {
    let mut snap: serde_json::Value =
        serde_json::from_str(&fixture("covert_monitor.json")).unwrap();
    snap["checklist"] = serde_json::json!({
        "location_shared_find_my": true, "location_shared_google_maps": true, "location_shared_other": true,
        "shared_account": true, "unknown_devices_signed_in": true, "someone_else_set_up_phone": true,
        "someone_knows_passcode": true, "phone_taken_recently": true, "family_group_managed_by_other": true,
        "unknown_tracker_alert": true
    });
    snap["settings"] = serde_json::json!({"adb_enabled": "1", "install_non_market_apps": "1", "package_verifier_enable": "0"});
    snap["security_patch"] = "2020-01-01".into();
    snap["screen_lock"] = false.into();
    snap["root_indicators"] = serde_json::json!(["/sbin/su", "magisk", "test-keys"]);
    snap["jailbreak_indicators"] = serde_json::json!(["/Applications/Cydia.app"]);
    snap["device_owner"] = "net.example.devicecare/.AdminReceiver".into();
    snap["supervised"] = true.into();
    snap["profiles"] = serde_json::json!([{"name": "Wi-Fi", "mdm": false}, {"name": "MDM", "organization": "X", "mdm": true}]);
    let apps = snap["apps"].as_array_mut().unwrap();
    apps.push(serde_json::json!({"id": "com.topjohnwu.magisk", "label": "Magisk", "installer": "com.android.packageinstaller"}));
    apps.push(serde_json::json!({"id": "org.coolstar.SileoStore", "label": "Sileo"}));
    apps.push(serde_json::json!({"id": "org.example.tracker", "label": "GPS Tracker", "installer": "com.android.vending"}));
    apps.push(serde_json::json!({"id": "org.example.hiddenrec", "installer": "com.android.vending", "launcher_icon": false, "permissions": ["android.permission.RECORD_AUDIO"]}));
    apps.push(serde_json::json!({"id": "org.example.notes", "installer": "com.android.vending", "permissions": ["android.permission.READ_SMS"]}));
    let json = snap.to_string();
    let mut ids = BTreeSet::new();
    for lang in ["en", "fr", "es", "pt"] {
        let r = full_engine()
            .audit_device_json(
                &json,
                &CheckOptions {
                    lang: Some(lang.into()),
                },
            )
            .unwrap();
        assert_eq!(r.output_language, lang);
        assert_eq!(r.advice.len(), 4);
        assert!(!r.risk_label.starts_with("device."));
        for f in &r.findings {
            ids.insert(f.finding_id.clone());
            for text in [&f.title, &f.explanation, &f.advice, &f.category_label] {
                assert!(
                    !text.starts_with("device.") && !text.starts_with("category."),
                    "{lang}: untranslated {text}"
                );
                assert!(
                    !text.contains("{app}") && !text.contains("{family}"),
                    "{lang}: {text}"
                );
            }
            for e in &f.evidence {
                assert!(!e.starts_with("device.signal."), "{lang}: {e}");
            }
        }
    }
    println!("finding ids exercised: {} {ids:?}", ids.len());
    assert!(ids.len() >= 25, "{ids:?}");
}

#[test]
fn bad_input_gives_typed_errors_never_panics() {
    let e = Engine::new();
    let o = CheckOptions::default();
    for bad in [
        "",
        "   ",
        "{",
        "[]",
        "null",
        "42",
        "{\"apps\": 5",
        "{\"apps\": [1, 2]}",
        "\u{feff}{}",
    ] {
        match e.audit_device_json(bad, &o) {
            Err(Error::InvalidInput(_)) => {}
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    let deep = "[".repeat(100_000);
    assert!(matches!(
        e.audit_device_json(&deep, &o),
        Err(Error::InvalidInput(_))
    ));
    // Unknown fields, wrong scalar types and nulls are tolerated.
    let r = e
        .audit_device_json(
            r#"{"platform": "android", "future_field": {"x": [1]}, "apps": [{"id": "org.example.a", "system": false, "permissions": null, "label": null, "mystery": 1}], "settings": {"adb_enabled": true, "weird": [1]}}"#,
            &o,
        )
        .unwrap();
    assert_eq!(r.apps_checked, 1);
    // Empty and duplicate ids are skipped.
    let r = e
        .audit_device_json(
            r#"{"apps": [{"id": ""}, {"id": "  "}, {}, {"id": "a.b"}, {"id": "A.B"}]}"#,
            &o,
        )
        .unwrap();
    assert_eq!(r.apps_checked, 1);
    // Odd certificate formats: matched when they are a SHA-1, ignored otherwise.
    let r = e
        .audit_device_json(
            r#"{"apps": [{"id": "x.y", "cert_sha1": ["", "zz", ":::", "00", "SHA256: 0000000000000000000000000000000000000000000000000000000000000000", "é", "0:0:0"]}]}"#,
            &o,
        )
        .unwrap();
    assert_eq!(r.risk, Risk::None);
    // Too large.
    let big = format!(
        "{{\"x\": \"{}\"}}",
        "a".repeat(vigie_core::MAX_SNAPSHOT_BYTES)
    );
    assert!(matches!(
        e.audit_device_json(&big, &o),
        Err(Error::InputTooLarge { .. })
    ));
}

#[test]
fn one_hundred_thousand_apps_are_refused_and_twenty_thousand_checked() {
    let e = full_engine();
    let many = |n: usize| DeviceSnapshot {
        apps: (0..n)
            .map(|i| AppInfo {
                id: format!("org.example.app{i}"),
                cert_sha1: vec![format!("{i:040X}")],
                ..AppInfo::default()
            })
            .collect(),
        ..DeviceSnapshot::default()
    };
    let s = many(100_000);
    match e.audit_device(&s, &CheckOptions::default()) {
        Err(Error::InvalidInput(m)) => assert!(m.contains("100000")),
        other => panic!("{other:?}"),
    }
    let json = serde_json::to_string(&s).unwrap();
    println!("100,000-app snapshot: {} bytes of JSON", json.len());
    assert!(e
        .audit_device_json(&json, &CheckOptions::default())
        .is_err());
    let t = std::time::Instant::now();
    let r = e
        .audit_device(&many(vigie_core::MAX_APPS), &CheckOptions::default())
        .unwrap();
    println!("{} apps audited in {:?}", r.apps_checked, t.elapsed());
    assert_eq!(r.apps_checked as usize, vigie_core::MAX_APPS);
}
