//! The part of the `parallax` command other crates reach: reading an earlier `parallax site`
//! output's `report.json` ([`report`]), which the fuzz targets run on arbitrary bytes. Everything
//! else lives in the binary (`main.rs`).

pub mod report;

/// The name of the report (also the seal's carrier) in a `parallax site` output folder.
pub use parallax_engine::site::REPORT_FILE;
