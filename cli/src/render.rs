//! Rendering reports: JSON objects (one per input) and readable text.

use serde::Serialize;
use vigie_core::OfferReport;

/// A JSON line for one input: its name plus the report, or its error.
pub fn json_line<T: Serialize>(input: &str, report: Result<&T, &str>) -> String {
    let mut value = match report {
        Ok(r) => serde_json::to_value(r)
            .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() })),
        Err(e) => serde_json::json!({ "error": e }),
    };
    if let serde_json::Value::Object(map) = &mut value {
        map.insert("input".into(), serde_json::Value::from(input));
    }
    value.to_string()
}

/// A readable report for a terminal.
pub fn offer_text(input: &str, r: &OfferReport) -> String {
    let mut out = String::new();
    out.push_str(&format!("== {input}\n"));
    out.push_str(&format!(
        "{} ({}) · score {}/100 · language {}\n",
        r.risk_label,
        r.risk.as_str(),
        r.score,
        r.language
    ));
    out.push_str(&format!("{}\n", r.summary));
    for f in &r.findings {
        out.push_str(
            &format!("\n[{:?}] {}  ({})\n", f.severity, f.title, f.rule_id)
                .replace("[Low]", "[low]")
                .replace("[Medium]", "[medium]")
                .replace("[High]", "[high]"),
        );
        out.push_str(&format!("    {}\n", f.explanation));
        out.push_str(&format!("    → {}\n", f.advice));
        for e in &f.evidence {
            let at = e
                .message_index
                .map(|m| format!("message {}, ", m + 1))
                .unwrap_or_default();
            out.push_str(&format!(
                "    « {} »  ({at}bytes {}–{})\n",
                e.text, e.start, e.end
            ));
        }
    }
    if !r.entities.is_empty() {
        out.push_str("\nFound in the text:\n");
        for e in &r.entities {
            out.push_str(&format!("    {:?}: {}\n", e.kind, e.value));
        }
    }
    if !r.advice.is_empty() && !r.findings.is_empty() {
        out.push('\n');
        for a in &r.advice {
            out.push_str(&format!("  • {a}\n"));
        }
    }
    out
}
