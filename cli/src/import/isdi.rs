//! ISDi's `app-flags.csv` (IPV Spyware Discovery, Cornell University, MIT License): one row per
//! app, `appId,store,flag,title`, where `flag` is `dual-use`, `stalkerware`, `spyware` or
//! `safe`. Dual-use apps are legitimate apps (GPS trackers, family locators, backups) that an
//! abuser can turn into monitors. `safe` rows are not imported.

use super::Family;
use serde_json::{json, Value};

/// The families (one per app) of an `app-flags.csv`.
pub fn parse(text: &str) -> Result<Vec<Family>, String> {
    let (id, store, flag, title) = (0, 1, 2, 3);
    let mut out = Vec::new();
    for rec in super::csv_rows(text, &["appId", "store", "flag", "title"])? {
        let get = |i: usize| rec[i].as_str();
        let app = get(id);
        let kind = match get(flag).to_ascii_lowercase().as_str() {
            "dual-use" | "dual_use" => "dual_use",
            "stalkerware" => "stalkerware",
            "spyware" => "spyware",
            _ => continue,
        };
        if app.is_empty() {
            continue;
        }
        let name = if get(title).is_empty() {
            app
        } else {
            get(title)
        };
        let mut f = Family {
            name: name.to_string(),
            kind: kind.to_string(),
            source: "isdi".into(),
            ..Family::default()
        };
        if get(store) == "appstore" {
            f.ios_bundles.push(app.to_string());
            // Some ids carry the developer's 10-character team prefix (`ABCDE12345.org.x`);
            // apps on the phone report the bundle id without it.
            if let Some((prefix, rest)) = app.split_once('.') {
                let team = prefix.len() == 10
                    && prefix
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                if team && rest.contains('.') {
                    f.ios_bundles.push(rest.to_string());
                }
            }
        } else {
            f.packages.push(app.to_string());
        }
        out.push(f);
    }
    Ok(out)
}

/// ISDi's copyright and license notice, as the MIT License asks.
pub fn attribution() -> Value {
    json!({
        "id": "isdi",
        "name": "ISDi app flags (IPV Spyware Discovery)",
        "license": "MIT",
        "attribution": "app-flags.csv from ISDi, the IPV Spyware Discovery tool (https://github.com/stopipv/isdi). Copyright (c) 2018 Cornell University. Licensed under the MIT License (https://opensource.org/licenses/MIT). Converted to Vigie's pack format.",
        "url": "https://github.com/stopipv/isdi"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows() {
        let csv = "appId,store,flag,title\n\
                   org.example.gps,playstore,dual-use,\"GPS, Tracker\"\n\
                   org.example.safe,playstore,safe,Fine\n\
                   ABCDE12345.org.example.ios,appstore,spyware,Spy\n\
                   ,playstore,dual-use,Nothing\n";
        let f = parse(csv).unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].name, "GPS, Tracker");
        assert_eq!(
            f[1].ios_bundles,
            vec!["ABCDE12345.org.example.ios", "org.example.ios"]
        );
        assert!(parse("a,b\n1,2\n").is_err());
    }
}
