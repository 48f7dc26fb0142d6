//! Rough timing of the engine's stages (not a benchmark; see benches/).
fn main() {
    use std::time::Instant;
    let t = Instant::now();
    let pack = vigie_core::pack::Pack::parse(vigie_core::pack::DEFAULT_PACK).unwrap();
    println!("parse {:?}", t.elapsed());
    let t = Instant::now();
    let n = vigie_core::text::Normalizer::new(vigie_core::text::EmojiMap::new(&pack.emoji));
    let lex = vigie_core::rules::Lexicon::compile(&pack.lexicons, &n, &["negation"]).unwrap();
    println!("lexicon {:?} phrases {}", t.elapsed(), lex.phrase_count);
    let t = Instant::now();
    lex.build_all();
    println!("build all automata {:?}", t.elapsed());
    let t = Instant::now();
    let mut k = 0;
    for l in pack.lexicons.values() {
        for ps in l.values() {
            for p in ps {
                k += n.normalize(p).text.len();
            }
        }
    }
    println!("normalize phrases {:?} {k}", t.elapsed());
    let t = Instant::now();
    let e = vigie_core::Engine::new();
    println!("engine {:?}", t.elapsed());
    let text = std::fs::read_to_string("/work/main/tests/golden/en-compound.txt")
        .unwrap()
        .repeat(2000);
    let t = Instant::now();
    let norm = n.normalize(&text);
    println!("normalize {} bytes {:?}", text.len(), t.elapsed());
    let t = Instant::now();
    let hits = lex.find(&norm.text);
    println!("find {} hits {:?}", hits.len(), t.elapsed());
    let t = Instant::now();
    let ents = vigie_core::extract::extract(&text);
    println!("extract {} {:?}", ents.len(), t.elapsed());
    let t = Instant::now();
    let r = e.check_offer(&text, &Default::default()).unwrap();
    println!("check {:?} {}", t.elapsed(), r.findings.len());
}
