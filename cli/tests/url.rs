//! `vigie url`: one JSON object per input, in order; `vigie pack build` with extra host lists.

use std::process::Command;

fn vigie() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
}

#[test]
fn url_json_one_object_per_input_in_order() {
    let inputs = [
        "hxxps://amaz0n-careers[.]top/apply",
        "jobs.apple.com",
        "hr.team@gmail.com",
        "xn--zz.com",
    ];
    let out = vigie()
        .args(["url", "--format", "json"])
        .args(inputs)
        .output()
        .unwrap();
    // One input is invalid: exit code 1, but every input still gets its line.
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), inputs.len());
    for (v, input) in lines.iter().zip(inputs) {
        assert_eq!(v["input"], input);
    }
    assert_eq!(lines[0]["risk"], "high");
    assert_eq!(lines[0]["registrable_domain"], "amaz0n-careers.top");
    assert_eq!(lines[0]["signals"][0]["kind"], "lookalike");
    assert_eq!(lines[0]["signals"][0]["brand_domain"], "amazon.com");
    assert_eq!(lines[1]["risk"], "none");
    assert_eq!(lines[1]["registrable_domain"], "apple.com");
    assert_eq!(lines[2]["kind"], "email");
    assert_eq!(lines[2]["signals"][0]["kind"], "free_mail");
    assert!(lines[3]["error"].is_string());
}

#[test]
fn pack_build_takes_extra_host_lists() {
    let dir = std::env::temp_dir().join(format!("vigie-url-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("bad.txt");
    std::fs::write(
        &list,
        "# fake recruiters\n0.0.0.0 fake-recruiter.example\n||other.example^\n",
    )
    .unwrap();
    let short = dir.join("short.json");
    std::fs::write(&short, r#"["sho.rt"]"#).unwrap();
    let pack = dir.join("p.vpk");
    let st = vigie()
        .args(["pack", "build", "-o"])
        .arg(&pack)
        .arg("--blocklist")
        .arg(&list)
        .arg("--shorteners")
        .arg(&short)
        .status()
        .unwrap();
    assert!(st.success());
    let out = vigie()
        .args(["url", "--format", "json", "--pack"])
        .arg(&pack)
        .args([
            "https://jobs.fake-recruiter.example/x",
            "sho.rt/abc",
            "fine.example",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let v: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(v[0]["risk"], "high");
    assert_eq!(v[0]["signals"][0]["kind"], "blocklist");
    assert_eq!(v[1]["signals"][0]["kind"], "shortener");
    assert_eq!(v[2]["risk"], "none");
    std::fs::remove_dir_all(&dir).ok();
}
