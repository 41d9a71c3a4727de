//! The policy-badges core as a WebAssembly module: the JavaScript API the
//! browser extension calls (`wasm-pack build crate/wasm`; see
//! `scripts/build-wasm.sh`). The only `#[wasm_bindgen]` code of the project.
//!
//! Results cross as plain JS objects (JSON-compatible: `null` for none).
//! Evidence offsets are UTF-16 code units, so in JS
//! `text.slice(e.start, e.end) === e.text`. Errors arrive as JS exceptions
//! with a message; nothing here panics on any input.

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod offsets;

use policy_badges::diff::{BadgeRecord, EvidenceRecord};
use policy_badges::Mode;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not build the result: {e}")))
}

/// Property `key` of a JS value (an error for `null` and `undefined`).
fn property(value: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(value, &JsValue::from_str(key))
}

/// Badge records from JS, `[{id, evidence: [{text}]}]`, read by hand: the
/// module then carries no deserializer (see the README's size figures).
fn records(value: &JsValue, which: &str) -> Result<Vec<BadgeRecord>, JsError> {
    let malformed = || JsError::new(&format!("{which} badges must be an array of {{id, evidence: [{{text}}]}}"));
    let string = |value: &JsValue, key: &str| property(value, key).ok().and_then(|v| v.as_string());
    let records = value.dyn_ref::<Array>().ok_or_else(malformed)?;
    records
        .iter()
        .map(|record| {
            let id = string(&record, "id").ok_or_else(malformed)?;
            let evidence = property(&record, "evidence").map_err(|_| malformed())?;
            let evidence = match evidence.dyn_ref::<Array>() {
                Some(list) => list
                    .iter()
                    .map(|item| string(&item, "text").map(|text| EvidenceRecord { text }).ok_or_else(malformed))
                    .collect::<Result<_, _>>()?,
                None if evidence.is_undefined() => Vec::new(),
                None => return Err(malformed()),
            };
            Ok(BadgeRecord { id, evidence })
        })
        .collect()
}

/// How `analyze` reads its text, from its options: `{excerpt: boolean}`,
/// each key optional, or nothing.
fn mode(options: &JsValue) -> Result<Mode, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Mode::Document);
    }
    let malformed = || JsError::new("options must be {excerpt: boolean}");
    if !options.is_object() {
        return Err(malformed());
    }
    if Object::keys(options.unchecked_ref::<Object>()).iter().any(|key| key.as_string().as_deref() != Some("excerpt")) {
        return Err(malformed());
    }
    let excerpt = property(options, "excerpt").map_err(|_| malformed())?;
    match excerpt.as_bool() {
        Some(true) => Ok(Mode::Excerpt),
        Some(false) => Ok(Mode::Document),
        None if excerpt.is_undefined() => Ok(Mode::Document),
        None => Err(malformed()),
    }
}

/// Analyzes the text of a page: `{is_policy, policy_score, reason, words,
/// truncated, excerpt, badges: [{id, label, description, group, polarity,
/// evidence: [{text, start, end, section}]}]}`. `options` is
/// `{excerpt: true}` for a selection or a quote, or left out.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let mut summary = policy_badges::analyze_as(text, mode(&options)?);
    offsets::to_utf16(&mut summary, text);
    to_js(&summary)
}

/// Compares remembered badges with new ones (`[{id, evidence: [{text}]}]`
/// each), as stored by the extension's history.
#[wasm_bindgen(js_name = diffBadges)]
pub fn diff_badges(old: JsValue, new: JsValue) -> Result<JsValue, JsError> {
    to_js(&policy_badges::diff_records(&records(&old, "old")?, &records(&new, "new")?))
}

/// The badge taxonomy: `{groups: [{id, label}], badges: [{id, label, group,
/// polarity, description}]}`.
#[wasm_bindgen]
pub fn taxonomy() -> Result<JsValue, JsError> {
    to_js(&policy_badges::taxonomy())
}

/// The core's limits: `{max_input_bytes}`, the most UTF-8 bytes of text
/// analyzed (longer texts are cut and reported `truncated`).
#[wasm_bindgen]
pub fn limits() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Limits {
        max_input_bytes: usize,
    }
    to_js(&Limits { max_input_bytes: policy_badges::MAX_INPUT_BYTES })
}
