//! Device-audit speed: a 400-app snapshot against the full imported indicators (Echap's
//! ioc.yaml, watchware.yaml and samples.csv, ISDi's app-flags.csv, read from `../shared/data`
//! at bench time; goal ≤ 1 ms), from the record and from JSON.
//!
//! The core has no YAML or CSV parser (the CLI's importer does that job), so the bench builds
//! the `indicators` section itself with a minimal line reader: enough for these files.

#![allow(missing_docs)] // criterion_group! generates undocumented functions

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Map, Value};
use std::hint::black_box;
use vigie_core::{AppInfo, CheckOptions, DeviceSnapshot, Engine};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data");

/// `packages:`, `ios_bundles:` and `certificates:` items of each `- name:` entry.
fn yaml_families(text: &str, kind: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cur: Option<(String, Vec<String>, Vec<String>)> = None;
    let mut key = String::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("- name:") {
            if let Some((n, p, c)) = cur.take() {
                out.push(json!({"name": n, "kind": kind, "source": "echap", "packages": p, "certificates": c}));
            }
            cur = Some((name.trim().to_string(), Vec::new(), Vec::new()));
            continue;
        }
        let t = line.trim();
        if let Some(item) = t.strip_prefix("- ") {
            if let Some((_, p, c)) = cur.as_mut() {
                match key.as_str() {
                    "packages" | "ios_bundles" => p.push(item.trim().to_string()),
                    "certificates" => c.push(item.trim().to_string()),
                    _ => {}
                }
            }
        } else if let Some(k) = t.strip_suffix(':') {
            key = k.to_string();
        }
    }
    if let Some((n, p, c)) = cur {
        out.push(
            json!({"name": n, "kind": kind, "source": "echap", "packages": p, "certificates": c}),
        );
    }
    out
}

fn engine_with_indicators() -> (Engine, Vec<String>, Vec<String>) {
    let read = |p: &str| std::fs::read_to_string(format!("{DATA}/{p}")).expect("../shared/data");
    let mut families = yaml_families(&read("stalkerware-indicators/ioc.yaml"), "stalkerware");
    families.extend(yaml_families(
        &read("stalkerware-indicators/watchware.yaml"),
        "watchware",
    ));
    let mut packages = Vec::new();
    let mut certs = Vec::new();
    for line in read("stalkerware-indicators/samples.csv").lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        if cols.len() >= 5 {
            packages.push(cols[1].to_string());
            certs.push(cols[2].to_string());
            families.push(
                json!({"name": cols[4], "kind": "stalkerware", "source": "echap",
                                 "packages": [cols[1]], "certificates": [cols[2]]}),
            );
        }
    }
    for line in read("isdi/app-flags.csv").lines().skip(1) {
        let cols: Vec<&str> = line.splitn(4, ',').collect();
        if cols.len() == 4 {
            families.push(
                json!({"name": cols[3], "kind": cols[2], "source": "isdi", "packages": [cols[0]]}),
            );
        }
    }
    let section = json!({
        "format": 1,
        "sources": [{"id": "echap", "name": "Echap", "license": "CC-BY-4.0"},
                    {"id": "isdi", "name": "ISDi", "license": "MIT"}],
        "families": families,
    });
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/data/default");
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(src)];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(src)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut extra = Map::new();
    extra.insert("indicators".into(), section);
    let bytes = vigie_core::pack::sources::build_pack(&files, extra).unwrap();
    (Engine::from_pack(&bytes).unwrap(), packages, certs)
}

/// 400 apps: 150 system, 230 ordinary store apps with permissions, 10 known by package name,
/// 5 by certificate, 5 hidden sideloaded monitors; with their access lists and settings.
fn snapshot(packages: &[String], certs: &[String]) -> DeviceSnapshot {
    let perms = [
        "android.permission.INTERNET",
        "android.permission.CAMERA",
        "android.permission.RECORD_AUDIO",
        "android.permission.READ_CONTACTS",
        "android.permission.ACCESS_FINE_LOCATION",
        "android.permission.POST_NOTIFICATIONS",
    ];
    let mut apps = Vec::new();
    for i in 0..400 {
        let mut a = AppInfo {
            id: format!("org.example.vendor{}.app{i}", i % 17),
            label: Some(format!("App number {i}")),
            installer: Some("com.android.vending".into()),
            system: i < 150,
            cert_sha1: vec![format!("{:040X}", i * 7919)],
            permissions: perms.iter().take(i % 7).map(|p| p.to_string()).collect(),
            launcher_icon: Some(i % 5 != 0),
            battery_optimization_exempt: Some(i % 11 == 0),
        };
        if (380..390).contains(&i) {
            a.id = packages[(i * 37) % packages.len()].clone();
        } else if (390..395).contains(&i) {
            a.cert_sha1 = vec![certs[(i * 53) % certs.len()].to_ascii_lowercase()];
        } else if i >= 395 {
            a.installer = None;
            a.launcher_icon = Some(false);
            a.permissions = vec![
                "android.permission.READ_SMS".into(),
                "android.permission.ACCESS_BACKGROUND_LOCATION".into(),
            ];
        }
        apps.push(a);
    }
    DeviceSnapshot {
        platform: vigie_core::Platform::Android,
        security_patch: Some("2026-01-05".into()),
        collected_on: Some("2026-11-20".into()),
        accessibility_services: (395..400).map(|i| format!("{}/.S", apps[i].id)).collect(),
        device_admins: (395..398).map(|i| format!("{}/.A", apps[i].id)).collect(),
        notification_listeners: vec!["com.android.systemui/.N".into()],
        settings: [("adb_enabled", "1"), ("package_verifier_enable", "1")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        apps,
        ..DeviceSnapshot::default()
    }
}

fn bench(c: &mut Criterion) {
    let (engine, packages, certs) = engine_with_indicators();
    let (np, nc) = engine.indicator_counts();
    println!("indicators: {np} package ids, {nc} certificates");
    let snap = snapshot(&packages, &certs);
    let json = serde_json::to_string(&snap).unwrap();
    let options = CheckOptions::default();
    let r = engine.audit_device(&snap, &options).unwrap();
    println!(
        "400-app snapshot: {} findings, risk {:?}, {} bytes of JSON",
        r.findings.len(),
        r.risk,
        json.len()
    );
    // On a shared machine wall time varies with load; the thread's CPU time does much less.
    if let Some(start) = thread_cpu_ticks() {
        let n = 2000;
        let t = std::time::Instant::now();
        for _ in 0..n {
            black_box(engine.audit_device(black_box(&snap), &options).unwrap());
        }
        let wall = t.elapsed();
        if let Some(end) = thread_cpu_ticks() {
            // Clock ticks are 1/100 s on Linux.
            let cpu_us = (end - start) as f64 * 10_000.0 / n as f64;
            println!(
                "audit_device 400 apps: {cpu_us:.0} µs CPU per audit ({:.0} µs wall) over {n} runs",
                wall.as_secs_f64() * 1e6 / n as f64
            );
        }
    }
    c.bench_function("audit_device 400 apps", |b| {
        b.iter(|| engine.audit_device(black_box(&snap), &options).unwrap())
    });
    c.bench_function("audit_device_json 400 apps", |b| {
        b.iter(|| {
            engine
                .audit_device_json(black_box(&json), &options)
                .unwrap()
        })
    });
}

/// utime + stime of this thread, in clock ticks (Linux only).
fn thread_cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

criterion_group!(benches, bench);
criterion_main!(benches);
