//! `vigie audit`: judges device snapshots (JSON files, `-` for standard input, or a phone
//! reached with `adb`) and prints readable reports or one JSON object per snapshot, in order.

use vigie_core::{AuditReport, CheckOptions, Engine, Severity};

/// Audits one snapshot file.
pub fn audit_file(
    engine: &Engine,
    name: &str,
    options: &CheckOptions,
) -> Result<AuditReport, String> {
    let bytes = crate::input::read_bytes(name)?;
    let text = crate::input::decode(bytes)?;
    engine
        .audit_device_json(&text, options)
        .map_err(|e| e.to_string())
}

/// Audits the phone connected with `adb`.
pub fn audit_adb(
    engine: &Engine,
    serial: Option<&str>,
    options: &CheckOptions,
) -> Result<AuditReport, String> {
    let outputs = crate::adb::collect(serial)?;
    let snapshot = crate::adb::snapshot(&outputs, Some(crate::adb::today()));
    engine
        .audit_device(&snapshot, options)
        .map_err(|e| e.to_string())
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
    }
}

/// A readable report for a terminal.
pub fn text(input: &str, r: &AuditReport) -> String {
    let mut out = format!("== {input}\n");
    out.push_str(&format!(
        "{} ({}) · {} apps checked\n{}\n",
        r.risk_label,
        r.risk.as_str(),
        r.apps_checked,
        r.summary
    ));
    for f in &r.findings {
        let app = match (&f.app_label, &f.app) {
            (Some(l), Some(id)) => format!(" — {l} ({id})"),
            (None, Some(id)) => format!(" — {id}"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "\n[{}] {}{app}\n    {} · {}\n    {}\n    → {}\n",
            severity(f.severity),
            f.title,
            f.category_label,
            f.finding_id,
            f.explanation,
            f.advice
        ));
        if !f.evidence.is_empty() {
            out.push_str(&format!("    signs: {}\n", f.evidence.join("; ")));
        }
    }
    if !r.advice.is_empty() {
        out.push('\n');
        for a in &r.advice {
            out.push_str(&format!("  • {a}\n"));
        }
    }
    for a in &r.attributions {
        out.push_str(&format!("\nIndicators: {} ({})", a.attribution, a.license));
    }
    if !r.attributions.is_empty() {
        out.push('\n');
    }
    out
}
