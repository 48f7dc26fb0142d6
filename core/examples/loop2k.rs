//! Checks a 2 KB offer in a loop, for profilers (`perf record`).
fn main() {
    let engine = vigie_core::Engine::new();
    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden/en-compound.txt"
    ))
    .unwrap();
    let text: String = unit.repeat(8).chars().take(2000).collect();
    let options = vigie_core::CheckOptions::default();
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5000);
    let t = std::time::Instant::now();
    let mut score = 0;
    for _ in 0..n {
        score += engine.check_offer(&text, &options).unwrap().score;
    }
    println!(
        "{:?} per check ({} bytes, score sum {score})",
        t.elapsed() / n,
        text.len()
    );
}
