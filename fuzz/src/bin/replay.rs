//! The stable-Rust fallback for the fuzz targets: runs one harness over every file of the given
//! directories (seed corpus, regressions), then over deterministic random mutations of them until
//! the time is up. Fails (exit 1) on a panic, on an input that takes more than a second, or on an
//! allocation over 1 GiB (the allocator aborts), saving the input under `fuzz/artifacts/<target>/`.
//!
//! Usage: `replay <target> <seconds> <dir>...` (see fuzz/README.md). Without libFuzzer's coverage
//! feedback it finds less than `cargo fuzz run`, but it needs no nightly toolchain.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: parallax_fuzz::LimitedAlloc = parallax_fuzz::LimitedAlloc;

/// An input taking longer than this is a hang.
const TIMEOUT: Duration = Duration::from_secs(1);
/// Mutated inputs never grow past this many bytes.
const MAX_LEN: usize = 256 * 1024;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(target), Some(seconds)) = (args.first(), args.get(1).and_then(|s| s.parse::<u64>().ok()))
    else {
        eprintln!("usage: replay <target> <seconds> <corpus dir>...");
        eprintln!("targets: {}", names().join(", "));
        std::process::exit(2);
    };
    let Some(&(_, harness)) = parallax_fuzz::TARGETS.iter().find(|(name, _)| name == target) else {
        eprintln!("replay: no target called {target}; targets: {}", names().join(", "));
        std::process::exit(2);
    };
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    for dir in &args[2..] {
        seeds.extend(read_dir(Path::new(dir)));
    }
    if seeds.is_empty() {
        seeds.push(Vec::new());
    }
    let artifacts = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/artifacts")).join(target);
    let current: Arc<Mutex<Vec<u8>>> = Arc::new(Mutex::new(Vec::new()));
    let started = Arc::new(AtomicU64::new(0));
    let running = Arc::new(AtomicBool::new(false));
    let clock = Instant::now();
    watchdog(Arc::clone(&current), Arc::clone(&started), Arc::clone(&running), clock, artifacts.clone());

    let deadline = clock + Duration::from_secs(seconds);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut executions: u64 = 0;
    let run = |input: Vec<u8>| {
        if let Ok(mut slot) = current.lock() {
            slot.clone_from(&input);
        }
        started.store(clock.elapsed().as_millis() as u64, Ordering::SeqCst);
        running.store(true, Ordering::SeqCst);
        let outcome = std::panic::catch_unwind(|| harness(&input));
        running.store(false, Ordering::SeqCst);
        if outcome.is_err() {
            let path = save(&artifacts, "crash", &input);
            eprintln!(
                "replay: {target}: PANIC on an input of {} bytes, saved to {}",
                input.len(),
                path.display()
            );
            std::process::exit(1);
        }
    };
    for seed in &seeds {
        run(seed.clone());
        executions += 1;
    }
    while Instant::now() < deadline {
        let input = mutate(&seeds, &mut rng);
        run(input);
        executions += 1;
    }
    println!(
        "replay: {target}: {executions} executions ({} seed inputs), no panic, hang or allocation over 1 GiB",
        seeds.len()
    );
}

fn names() -> Vec<&'static str> {
    parallax_fuzz::TARGETS.iter().map(|(name, _)| *name).collect()
}

/// Every regular file in `dir`, sorted by name (a missing directory holds nothing).
fn read_dir(dir: &Path) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Fails the run when one input has been running for more than [`TIMEOUT`].
fn watchdog(
    current: Arc<Mutex<Vec<u8>>>,
    started: Arc<AtomicU64>,
    running: Arc<AtomicBool>,
    clock: Instant,
    artifacts: PathBuf,
) {
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(100));
        let since = clock.elapsed().as_millis() as u64 - started.load(Ordering::SeqCst);
        if running.load(Ordering::SeqCst) && since > TIMEOUT.as_millis() as u64 {
            let input = current.lock().map(|i| i.clone()).unwrap_or_default();
            let path = save(&artifacts, "timeout", &input);
            eprintln!("replay: HANG: one input ran for more than {TIMEOUT:?}, saved to {}", path.display());
            std::process::exit(1);
        }
    });
}

fn save(dir: &Path, kind: &str, input: &[u8]) -> PathBuf {
    let _ = std::fs::create_dir_all(dir);
    let hash = input
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let path = dir.join(format!("replay-{kind}-{hash:016x}"));
    let _ = std::fs::write(&path, input);
    path
}

/// xorshift64*: deterministic, so a failing run repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Pieces of text that often matter to the parsers: line breaks, sentence ends, name particles,
/// quotes, query syntax, numbers, a file separator.
const TOKENS: &[&[u8]] = &[
    b"\n",
    b"\n\n",
    b"\r\n",
    b". ",
    b" da",
    b" al-",
    b"\"",
    b"\xe2\x80\x9c",
    b"-",
    b"Mr ",
    b"2,000",
    b"1.5 million",
    b"OR",
    b"entity:",
    b"story:",
    b"outlet:",
    b"\xff",
    b"\xe2\x80\xae",
    b"  ",
    b"(",
    b")",
    b"Al-Kadhimi",
    b"said",
];

fn mutate(seeds: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut data = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = rng.next() as u8;
            }
            2 => {
                let i = rng.below(len + 1);
                let n = 1 + rng.below(8);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                data.splice(i..i, bytes);
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                data.drain(i..i + n);
            }
            4 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(256));
                let copy = data[i..i + n].to_vec();
                let at = rng.below(len + 1);
                data.splice(at..at, copy);
            }
            5 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                let i = rng.below(len + 1);
                data.splice(i..i, token.iter().copied());
            }
            _ => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let to = from + rng.below(other.len() - from) + 1;
                    let at = rng.below(len + 1);
                    data.truncate(at);
                    data.extend_from_slice(&other[from..to]);
                }
            }
        }
    }
    data.truncate(MAX_LEN);
    data
}
