//! `vigie pack build`: assembles a pack from a source folder laid out like
//! `core/data/default/`, plus extra sections from importers.

use std::path::Path;

/// Reads every file below `dir` as (relative path, bytes).
pub fn read_source_dir(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out)?;
            } else {
                let rel = path
                    .strip_prefix(root)
                    .map_err(|e| e.to_string())?
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((
                    rel,
                    std::fs::read(&path)
                        .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
                ));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    Ok(out)
}

/// The default pack's source folder, as compiled into this binary.
pub fn default_source_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/data/default")
}

/// Adds host lists given on the command line to the `domains` section as extra files
/// (`domains/<list>.cli<n>.txt`), so they merge with the folder's `domains/<list>.txt`.
/// Each file may be one host a line, hosts-file or adblock lines, or a JSON array or
/// eth-phishing-detect config.
pub fn add_host_lists(
    files: &mut Vec<(String, Vec<u8>)>,
    list: &str,
    paths: &[std::path::PathBuf],
) -> Result<usize, String> {
    let mut total = 0;
    for (i, path) in paths.iter().enumerate() {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let text =
            String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
        let hosts = vigie_core::domains::read_host_list(&text);
        total += hosts.len();
        files.push((
            format!("domains/{list}.cli{i}.txt"),
            hosts.join("\n").into_bytes(),
        ));
    }
    Ok(total)
}
