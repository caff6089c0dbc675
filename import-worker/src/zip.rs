//! A minimal zip writer: files stored as they are (no compression, the wasm and the bundle hardly
//! shrink and a host unpacks it once), UTF-8 names, one fixed date, so the same site gives the same
//! zip. Enough for "export as a site"; no zip64, so at most 65,535 files and 4 GiB.
//!
//! ```
//! let zip = parallax_import_worker::zip::store(&[("site/index.html".into(), b"<!doctype html>".to_vec())]).unwrap();
//! assert_eq!(&zip[..4], b"PK\x03\x04");
//! ```

/// Why a zip could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// More files, or more bytes, than a zip without zip64 holds.
    TooLarge,
}

impl std::fmt::Display for ZipError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the site is too large for a zip file (more than 65,535 files or 4 GiB)")
    }
}

/// 1980-01-01 00:00, the earliest date a zip entry can carry (MS-DOS format).
const DOS_DATE: u16 = (1 << 5) | 1;
/// Bit 11: names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;

/// The zip of `files` (path with `/` separators, bytes), in the order given.
pub fn store(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ZipError> {
    let n = u16::try_from(files.len()).map_err(|_| ZipError::TooLarge)?;
    let total: usize = files.iter().map(|(name, bytes)| 30 + name.len() + bytes.len()).sum();
    let mut out = Vec::with_capacity(total + files.len() * 46 + 22);
    let mut central = Vec::new();
    for (name, bytes) in files {
        let offset = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
        let size = u32::try_from(bytes.len()).map_err(|_| ZipError::TooLarge)?;
        let name_len = u16::try_from(name.len()).map_err(|_| ZipError::TooLarge)?;
        let crc = crc32(bytes);
        // Local file header.
        put32(&mut out, 0x0403_4b50);
        for v in [20, UTF8_NAMES, 0, 0, DOS_DATE] {
            put16(&mut out, v);
        }
        for v in [crc, size, size] {
            put32(&mut out, v);
        }
        put16(&mut out, name_len);
        put16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(bytes);
        // Its central directory entry.
        put32(&mut central, 0x0201_4b50);
        for v in [20, 20, UTF8_NAMES, 0, 0, DOS_DATE] {
            put16(&mut central, v);
        }
        for v in [crc, size, size] {
            put32(&mut central, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            put16(&mut central, v);
        }
        put32(&mut central, 0);
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_at = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
    let central_len = u32::try_from(central.len()).map_err(|_| ZipError::TooLarge)?;
    u32::try_from(out.len() + central.len() + 22).map_err(|_| ZipError::TooLarge)?;
    out.extend_from_slice(&central);
    // End of central directory.
    put32(&mut out, 0x0605_4b50);
    for v in [0, 0, n, n] {
        put16(&mut out, v);
    }
    put32(&mut out, central_len);
    put32(&mut out, central_at);
    put16(&mut out, 0);
    Ok(out)
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// CRC-32 (IEEE, as zip uses), a byte at a time from a table.
pub fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |c, &b| TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_one_zip_tools_check() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn every_file_is_listed_in_the_central_directory_where_its_header_is() {
        let files =
            vec![("a/index.html".to_string(), b"hello".to_vec()), ("a/b.wasm".to_string(), vec![0; 70])];
        let zip = store(&files).expect("small");
        let end = zip.len() - 22;
        assert_eq!(&zip[end..end + 4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([zip[end + 10], zip[end + 11]]), 2, "two entries");
        let central =
            u32::from_le_bytes([zip[end + 16], zip[end + 17], zip[end + 18], zip[end + 19]]) as usize;
        assert_eq!(&zip[central..central + 4], b"PK\x01\x02");
        // The second entry's header offset points at a local header naming a/b.wasm.
        let second = central + 46 + "a/index.html".len();
        let at = u32::from_le_bytes([zip[second + 42], zip[second + 43], zip[second + 44], zip[second + 45]])
            as usize;
        assert_eq!(&zip[at..at + 4], b"PK\x03\x04");
        assert_eq!(&zip[at + 30..at + 30 + 8], b"a/b.wasm");
        assert_eq!(&zip[at + 38..at + 38 + 70], &[0u8; 70][..]);
    }
}
