//! `parallax synth`: writes the engine's deterministic synthetic corpus as a folder of raw files,
//! for benchmarks and load tests (`tests/e2e/bench/`).

use std::path::Path;

use anyhow::{Context, Result};

/// Writes `n` synthetic raw files generated from `seed` into `dir` (created if missing) and
/// returns how many bytes were written.
pub fn write(n: usize, seed: u64, dir: &Path) -> Result<u64> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut bytes = 0;
    for (name, text) in parallax_engine::synth::corpus(n, seed) {
        let path = dir.join(&name);
        std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::write;

    #[test]
    fn writes_the_same_files_for_the_same_seed() {
        let dir = std::env::temp_dir().join(format!("parallax-synth-test-{}", std::process::id()));
        let bytes = write(3, 7, &dir).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["00000_synthetic.txt", "00001_synthetic.txt", "00002_synthetic.txt"]);
        let expected: u64 = parallax_engine::synth::corpus(3, 7).iter().map(|f| f.1.len() as u64).sum();
        assert_eq!(bytes, expected);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
