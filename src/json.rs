//! JSON text ↔ Rust values for what the explorer stores (localStorage, collection records) and the
//! import worker's report. In the browser it uses the browser's own `JSON.parse`/`JSON.stringify`
//! with serde-wasm-bindgen, so serde_json's parser and number formatting stay out of the explorer's
//! wasm; natively (the tests) it uses serde_json. Both sides read and write the same text.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// What a parsed JSON object says under `"version"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// There is no `version` field (or the value is not an object).
    Missing,
    /// There is one, but it is not a whole non-negative number.
    NotNumber,
    /// The stored version.
    Number(u64),
}

/// A parsed JSON value, before it is read into a Rust type.
pub struct Parsed(Inner);

#[cfg(target_arch = "wasm32")]
type Inner = wasm_bindgen::JsValue;
#[cfg(not(target_arch = "wasm32"))]
type Inner = serde_json::Value;

/// Parses JSON text; the error is a short sentence part ("expected value", "Unexpected token").
pub fn parse(text: &str) -> Result<Parsed, String> {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JSON::parse(text).map(Parsed).map_err(|e| js_error(&e))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).map(Parsed).map_err(|e| short(&e.to_string()))
    }
}

/// Parses JSON text into `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    parse(text)?.decode()
}

/// The JSON text of `value` (empty if it cannot be written, which the stored types never cause).
pub fn to_string<T: Serialize>(value: &T) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        value
            .serialize(&serializer)
            .ok()
            .and_then(|v| js_sys::JSON::stringify(&v).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::to_string(value).unwrap_or_default()
    }
}

impl Parsed {
    /// The value's `version` field.
    pub fn version(&self) -> Version {
        #[cfg(target_arch = "wasm32")]
        {
            if !self.0.is_object() {
                return Version::Missing;
            }
            let v = js_sys::Reflect::get(&self.0, &wasm_bindgen::JsValue::from_str("version"))
                .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
            if v.is_undefined() {
                return Version::Missing;
            }
            match v.as_f64() {
                Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0 => {
                    Version::Number(n as u64)
                }
                _ => Version::NotNumber,
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            match self.0.get("version") {
                None => Version::Missing,
                Some(v) => v.as_u64().map_or(Version::NotNumber, Version::Number),
            }
        }
    }

    /// The value of this object's field `key`, when it has one (not `null`).
    pub fn field(&self, key: &str) -> Option<Parsed> {
        #[cfg(target_arch = "wasm32")]
        {
            if !self.0.is_object() {
                return None;
            }
            let v = js_sys::Reflect::get(&self.0, &wasm_bindgen::JsValue::from_str(key)).ok()?;
            (!v.is_undefined() && !v.is_null()).then_some(Parsed(v))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.0.get(key).filter(|v| !v.is_null()).cloned().map(Parsed)
        }
    }

    /// Reads the value into `T`; the error says what did not fit.
    pub fn decode<T: DeserializeOwned>(self) -> Result<T, String> {
        #[cfg(target_arch = "wasm32")]
        {
            serde_wasm_bindgen::from_value(self.0).map_err(|e| e.to_string())
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            serde_json::from_value(self.0).map_err(|e| short(&e.to_string()))
        }
    }
}

/// serde_json's message without its " at line 1 column 7" tail.
#[cfg(not(target_arch = "wasm32"))]
fn short(text: &str) -> String {
    text.split(" at line").next().unwrap_or(text).to_string()
}

#[cfg(target_arch = "wasm32")]
fn js_error(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &wasm_bindgen::JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "not JSON".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_record_reads_back_as_written() {
        #[derive(Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Record {
            version: u32,
            names: Vec<String>,
        }
        let record = Record { version: 3, names: vec!["Reuters".into(), "\"quoted\"".into()] };
        let text = to_string(&record);
        assert_eq!(parse(&text).map(|p| p.version()).ok(), Some(Version::Number(3)));
        assert_eq!(from_str::<Record>(&text), Ok(record));
    }

    #[test]
    fn versions_that_are_missing_or_not_whole_numbers_are_told_apart() {
        let version = |text: &str| parse(text).map(|p| p.version()).ok();
        assert_eq!(version("{}"), Some(Version::Missing));
        assert_eq!(version("[1]"), Some(Version::Missing));
        assert_eq!(version("{\"version\":\"1\"}"), Some(Version::NotNumber));
        assert_eq!(version("{\"version\":-1}"), Some(Version::NotNumber));
        assert_eq!(version("{\"version\":1.5}"), Some(Version::NotNumber));
        assert!(parse("{not json").is_err());
    }
}
