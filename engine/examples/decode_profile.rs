//! How long a bundle takes to open, stage by stage: the checksum, the postcard decode and the
//! consistency check (the app does all three on the page's thread before anything shows).
//!
//!     cargo run --release -p parallax-engine --example decode_profile -- <corpus.plx | synth:N>
use std::time::Instant;

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "synth:2000".into());
    let bytes = match arg.strip_prefix("synth:") {
        Some(n) => {
            let files = parallax_engine::synth::corpus(n.parse().expect("synth:N"), 7);
            let sources: Vec<_> = files
                .iter()
                .map(|(name, text)| parallax_engine::SourceInput { name, bytes: text.as_bytes() })
                .collect();
            parallax_engine::bundle::encode(&parallax_engine::build_bundle(&sources, "").bundle)
        }
        None => std::fs::read(&arg).expect("a bundle file"),
    };
    let time = |label: &str, f: &mut dyn FnMut()| {
        let best = (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min);
        println!("{label:<28} {best:>9.1} ms");
    };
    println!("bundle: {:.2} MB", bytes.len() as f64 / 1e6);
    time("decode (all of it)", &mut || {
        parallax_engine::bundle::decode(&bytes).expect("a bundle");
    });
    time("checks and checksum only", &mut || {
        parallax_engine::bundle::payload(&bytes).expect("a bundle");
    });
    let payload = parallax_engine::bundle::payload(&bytes).expect("a bundle");
    time("postcard payload only", &mut || {
        let _: parallax_engine::Bundle = postcard::from_bytes(payload).expect("payload");
    });
    let bundle = parallax_engine::bundle::decode(&bytes).expect("a bundle");
    time("consistency check only", &mut || {
        parallax_engine::bundle::validate::bundle(&bundle).expect("consistent");
    });
}
