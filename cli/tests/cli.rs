//! The `vigie` binary: JSON contract, many inputs, standard input and bad input.

use std::io::Write;
use std::process::{Command, Stdio};

fn vigie() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
}

/// A fresh folder for one test's files.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The JSON objects printed one per line.
fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Fails with the command's error output when it did not succeed.
fn assert_success(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn example() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/offer-fr.txt").to_string()
}

#[test]
fn offer_json_has_the_contract_fields() {
    let out = vigie()
        .args(["offer", "--format", "json", &example()])
        .output()
        .unwrap();
    assert_success(&out);
    let line = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    for field in ["risk", "score", "language", "findings", "entities"] {
        assert!(v.get(field).is_some(), "missing {field}");
    }
    assert_eq!(v["language"], "fr");
    let f = &v["findings"][0];
    for field in [
        "rule_id",
        "category",
        "severity",
        "title",
        "explanation",
        "advice",
        "evidence",
    ] {
        assert!(f.get(field).is_some(), "finding misses {field}");
    }
    for field in ["text", "start", "end", "start_utf16", "end_utf16"] {
        assert!(
            f["evidence"][0].get(field).is_some(),
            "evidence misses {field}"
        );
    }
}

#[test]
fn hundreds_of_files_in_order_and_stdin() {
    let dir = temp_dir("vigie-cli");
    let mut names = Vec::new();
    for i in 0..300 {
        let p = dir.join(format!("{i:03}.txt"));
        let text = if i % 2 == 0 {
            "Pay the registration fee of $200 before the interview."
        } else {
            "See you at lunch tomorrow?"
        };
        std::fs::write(&p, format!("{text} #{i}")).unwrap();
        names.push(p.to_string_lossy().to_string());
    }
    let out = vigie()
        .args(["offer", "--format", "json"])
        .args(&names)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = json_lines(&out.stdout);
    assert_eq!(lines.len(), 300);
    for (i, v) in lines.iter().enumerate() {
        assert_eq!(v["input"], names[i]);
    }
    let mut child = vigie()
        .args(["offer", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Send a copy of your passport and pay the visa fee on Telegram")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["input"], "-");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn binary_garbage_gets_a_clear_error() {
    let dir = temp_dir("vigie-bin");
    let bin = dir.join("garbage.bin");
    let bytes: Vec<u8> = (0..65536u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(&bin, bytes).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = vigie()
        .args(["offer", "--format", "json"])
        .arg(&bin)
        .arg(&empty)
        .arg(dir.join("missing.txt"))
        .arg(example())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "some inputs failed");
    let lines: Vec<serde_json::Value> = json_lines(&out.stdout);
    assert_eq!(lines.len(), 4);
    assert!(
        lines[0]["error"].as_str().unwrap().contains("not"),
        "{}",
        lines[0]
    );
    assert!(lines[1]["error"].as_str().unwrap().contains("empty"));
    assert!(lines[2]["error"].as_str().unwrap().contains("cannot read"));
    assert!(lines[3].get("risk").is_some());
    let text = vigie().args(["offer"]).arg(&bin).output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("error:"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_pack_and_bad_usage_exit_with_a_message() {
    let dir = temp_dir("vigie-pack");
    let bad = dir.join("bad.vpk");
    std::fs::write(&bad, b"VIGIEPAK\x01\x00garbage").unwrap();
    let out = vigie()
        .args(["offer", "--pack"])
        .arg(&bad)
        .arg(example())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pack"));
    let out = vigie()
        .args(["offer", "--format", "xml", "x"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn pack_build_round_trips() {
    let dir = temp_dir("vigie-build");
    let pack = dir.join("default.vpk");
    let out = vigie()
        .args(["pack", "build", "-o"])
        .arg(&pack)
        .output()
        .unwrap();
    assert_success(&out);
    let built = std::fs::read(&pack).unwrap();
    let digest = |b: &[u8]| vigie_core::pack::envelope::sha256_hex(b);
    // Both assemble core/data/default: the builder at run time, build.rs at compile time.
    assert_eq!(
        digest(&built),
        digest(vigie_core::pack::DEFAULT_PACK),
        "the builder and build.rs agree"
    );
    let out = vigie()
        .args(["offer", "--format", "json", "--pack"])
        .arg(&pack)
        .arg(example())
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::remove_dir_all(&dir).ok();
}
