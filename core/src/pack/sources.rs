//! Assembles pack content from a folder's files, handed over as (relative path, bytes).
//!
//! The layout is documented in `core/data/default/README.md`: `manifest.json` feeds the
//! header; a top-level `name.json` becomes `content[name]`; inside a folder `dir/`,
//! `name.json` becomes `content[dir][name]` (parsed), `name.txt` a list of its non-empty lines
//! that do not start with `#`, `name.dat` a single string. Under `i18n/`, `name.json` and
//! `section.name.json` both merge into `content.i18n[name]`, so several authors can keep
//! translations for one language in separate files.
//!
//! No I/O happens here: `build.rs` and the CLI read the files. This file is also compiled by
//! `build.rs` (through `#[path]`), so it depends only on `std` and `serde_json`.

use serde_json::{Map, Value};

/// The assembled header fields (from `manifest.json`) and the content object.
pub struct Assembled {
    /// Header fields: pack id, pack version, created date, minimum engine version.
    pub manifest: Map<String, Value>,
    /// Everything else, keyed by section.
    pub content: Map<String, Value>,
}

/// Builds pack content from `files`. Errors name the file at fault.
pub fn assemble(files: &[(String, Vec<u8>)]) -> Result<Assembled, String> {
    let mut manifest = None;
    let mut content = Map::new();
    let mut sorted: Vec<&(String, Vec<u8>)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, bytes) in sorted {
        let path = path.replace('\\', "/");
        let parts: Vec<&str> = path.split('/').collect();
        let text = std::str::from_utf8(bytes).map_err(|_| format!("{path}: not UTF-8"))?;
        let parse = || -> Result<Value, String> {
            serde_json::from_str(text).map_err(|e| format!("{path}: {e}"))
        };
        match parts.as_slice() {
            ["manifest.json"] => match parse()? {
                Value::Object(m) => manifest = Some(m),
                _ => return Err(format!("{path}: must be a JSON object")),
            },
            [name] if name.ends_with(".json") => {
                content.insert(name.trim_end_matches(".json").to_string(), parse()?);
            }
            [dir, name] => {
                let (stem, value) = if let Some(stem) = name.strip_suffix(".json") {
                    (stem, parse()?)
                } else if let Some(stem) = name.strip_suffix(".txt") {
                    let lines = text
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty() && !l.starts_with('#'))
                        .map(|l| Value::String(l.to_string()))
                        .collect();
                    (stem, Value::Array(lines))
                } else if let Some(stem) = name.strip_suffix(".dat") {
                    (stem, Value::String(text.to_string()))
                } else {
                    continue;
                };
                let section = content
                    .entry(dir.to_string())
                    .or_insert_with(|| Value::Object(Map::new()));
                let Value::Object(section) = section else {
                    return Err(format!("{path}: `{dir}` is both a file and a folder"));
                };
                if *dir == "i18n" {
                    let lang = stem.rsplit('.').next().unwrap_or(stem).to_string();
                    let Value::Object(entries) = value else {
                        return Err(format!("{path}: must be a JSON object"));
                    };
                    let target = section
                        .entry(lang)
                        .or_insert_with(|| Value::Object(Map::new()));
                    if let Value::Object(target) = target {
                        for (k, v) in entries {
                            if target.insert(k.clone(), v).is_some() {
                                return Err(format!("{path}: key `{k}` is defined twice"));
                            }
                        }
                    }
                } else {
                    section.insert(stem.to_string(), value);
                }
            }
            _ => {}
        }
    }
    let manifest = manifest.ok_or("manifest.json is missing")?;
    Ok(Assembled { manifest, content })
}

/// Assembles `files` and seals the result into pack bytes, with `extra` sections merged over
/// the folder's (used by the pack builder to add imported indicators).
pub fn build_pack(
    files: &[(String, Vec<u8>)],
    extra: Map<String, Value>,
) -> Result<Vec<u8>, String> {
    let mut assembled = assemble(files)?;
    for (k, v) in extra {
        assembled.content.insert(k, v);
    }
    let content =
        serde_json::to_vec(&Value::Object(assembled.content)).map_err(|e| e.to_string())?;
    Ok(super::envelope::seal(&assembled.manifest, &content))
}
