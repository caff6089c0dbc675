//! Browser IO: fetching and decoding the corpus bundle. Nothing else in the app touches the network.

use std::rc::Rc;

use parallax_engine::Bundle;

/// Where the bundle sits, relative to `index.html` (so sub-path hosting works).
pub const DEFAULT_BUNDLE_URL: &str = "corpus.plx";

/// Where the app gets its corpus from.
#[derive(Clone, Debug, PartialEq)]
pub enum BundleSource {
    /// Fetch it from this URL (relative to the page).
    Url(String),
    /// Already in memory (tests, or a bundle the user dropped in).
    Bytes(Rc<Vec<u8>>),
}

/// Loads and decodes the bundle. The error is a sentence for the page, naming what to do.
pub async fn load(source: &BundleSource) -> Result<Bundle, String> {
    match source {
        BundleSource::Bytes(bytes) => decode(bytes),
        BundleSource::Url(url) => {
            let response = gloo::net::http::Request::get(url)
                .send()
                .await
                .map_err(|e| format!("The corpus bundle ({url}) could not be downloaded: {e}. Check your connection and reload."))?;
            if !response.ok() {
                return Err(format!(
                    "The corpus bundle ({url}) could not be downloaded: the server answered {} {}. \
                     Rebuild the site with `parallax build` or `trunk build`.",
                    response.status(),
                    response.status_text()
                ));
            }
            let bytes = response
                .binary()
                .await
                .map_err(|e| format!("The corpus bundle ({url}) could not be read: {e}. Reload the page."))?;
            decode(&bytes)
        }
    }
}

/// Decodes a bundle; the error is a sentence for the page.
pub fn decode(bytes: &[u8]) -> Result<Bundle, String> {
    parallax_engine::bundle::decode(bytes).map_err(|e| {
        let mut message = e.to_string();
        if let Some(first) = message.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        message + "."
    })
}
