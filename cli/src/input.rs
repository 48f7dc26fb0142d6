//! Reading inputs: files or standard input (`-`), as text, with clear errors for what is not.

use std::io::Read;

/// The largest input read; larger inputs are refused without reading them whole.
pub const MAX_INPUT_BYTES: u64 = 16 << 20;

/// Reads `name` (a path, or `-` for standard input) as UTF-8 text.
pub fn read_text(name: &str) -> Result<String, String> {
    let bytes = read_bytes(name)?;
    decode(bytes)
}

/// Reads `name` (a path, or `-` for standard input) as bytes, refusing inputs over
/// [`MAX_INPUT_BYTES`].
pub fn read_bytes(name: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let read = if name == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(name).and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(format!(
            "{name} is larger than {} MiB",
            MAX_INPUT_BYTES >> 20
        ));
    }
    Ok(bytes)
}

/// Decodes bytes as text: UTF-8 (a BOM is dropped); binary data is refused.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err("the input looks binary (it contains NUL bytes), not text".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "the input is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}
