//! `vigie url`: checks links, bare hosts and e-mail addresses, one report per input, in order.

use vigie_core::{Engine, UrlReport};

/// Checks one input; errors are messages fit for the user.
pub fn check(engine: &Engine, input: &str) -> Result<UrlReport, String> {
    engine.check_url(input).map_err(|e| e.to_string())
}

/// One JSON object for an input: the report, or `{"input": ..., "error": ...}`.
pub fn json_line(input: &str, result: &Result<UrlReport, String>) -> String {
    match result {
        Ok(r) => serde_json::to_string(r).unwrap_or_else(|e| {
            serde_json::json!({ "input": input, "error": e.to_string() }).to_string()
        }),
        Err(e) => serde_json::json!({ "input": input, "error": e }).to_string(),
    }
}

/// A readable report for a terminal.
pub fn text(input: &str, result: &Result<UrlReport, String>) -> String {
    let r = match result {
        Ok(r) => r,
        Err(e) => return format!("{input}: error: {e}"),
    };
    let mut out = format!("{input}: {}", r.risk.as_str());
    match (&r.registrable_domain, &r.official_brand) {
        (Some(d), Some(b)) => out.push_str(&format!(" · {d} (official {b} domain)")),
        (Some(d), None) => out.push_str(&format!(" · {d}")),
        (None, _) => out.push_str(&format!(" · {}", r.host)),
    }
    if r.host_unicode != r.host {
        out.push_str(&format!(" · shown as {}", r.host_unicode));
    }
    for s in &r.signals {
        out.push_str(&format!(
            "\n    [{}] {:?}: {}",
            severity(s.severity),
            s.kind,
            s.detail
        ));
    }
    out
}

fn severity(s: vigie_core::Severity) -> &'static str {
    match s {
        vigie_core::Severity::Low => "low",
        vigie_core::Severity::Medium => "medium",
        vigie_core::Severity::High => "high",
    }
}
