//! Assembles the embedded default pack from `data/default/` with the same code the pack
//! builder uses, so the default pack goes through the exact loading path of an update.

#[path = "src/pack/envelope.rs"]
#[allow(dead_code)]
mod envelope;
#[path = "src/pack/sources.rs"]
#[allow(dead_code)]
mod sources;

use std::path::Path;

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("data folder is readable")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read(&path).expect("data file is readable")));
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/default");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    for (rel, _) in &files {
        println!("cargo:rerun-if-changed={}", root.join(rel).display());
    }
    let bytes = sources::build_pack(&files, Default::default())
        .unwrap_or_else(|e| panic!("default pack: {e}"));
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("default.vpk");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}
