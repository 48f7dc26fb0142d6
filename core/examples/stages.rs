//! Per-stage timing of one 2 KB check, repeated (a rough guide for optimisation).
use std::time::Instant;
fn main() {
    let pack = vigie_core::pack::Pack::parse(vigie_core::pack::DEFAULT_PACK).unwrap();
    let n = vigie_core::text::Normalizer::new(vigie_core::text::EmojiMap::new(&pack.emoji));
    let lex = vigie_core::rules::Lexicon::compile(&pack.lexicons, &n, &["negation"]).unwrap();
    let det = vigie_core::text::LanguageDetector::new(&pack.languages);
    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden/en-compound.txt"
    ))
    .unwrap();
    let text: String = unit.repeat(8).chars().take(2000).collect();
    let engine = vigie_core::Engine::new();
    let opts = vigie_core::CheckOptions::default();
    lex.find(&n.normalize(&text).text);
    engine.check_offer(&text, &opts).unwrap();
    let k = 2000;
    macro_rules! time {
        ($name:expr, $e:expr) => {{
            let t = Instant::now();
            for _ in 0..k {
                std::hint::black_box($e);
            }
            println!("{:<12} {:?}", $name, t.elapsed() / k);
        }};
    }
    let norm = n.normalize(&text);
    time!("normalize", n.normalize(&text));
    time!("lexicon", lex.find(&norm.text));
    time!("extract", vigie_core::extract::extract(&text));
    time!("language", det.detect(&text));
    time!("check", engine.check_offer(&text, &opts).unwrap());
}
