//! The JavaScript API, for the browser extension (wasm32 only).
//!
//! Results cross as plain JS objects (JSON-compatible: `null` for none).
//! Evidence offsets are UTF-16 code units, so in JS
//! `text.slice(e.start, e.end) === e.text`. Errors arrive as JS exceptions
//! with a message; nothing here panics on any input.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::diff::BadgeRecord;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not build the result: {e}")))
}

fn records(value: JsValue, which: &str) -> Result<Vec<BadgeRecord>, JsError> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("{which} badges must be an array of {{id, evidence: [{{text}}]}}: {e}")))
}

/// Analyzes the text of a page: `{is_policy, policy_score, reason, words,
/// truncated, badges: [{id, label, group, polarity, evidence: [{text, start,
/// end, section}]}]}`.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    let mut summary = crate::analyze(text);
    crate::offsets::to_utf16(&mut summary, text);
    to_js(&summary)
}

/// Compares two versions of a policy: `{added, removed, changed_evidence}`.
#[wasm_bindgen]
pub fn diff(old: &str, new: &str) -> Result<JsValue, JsError> {
    to_js(&crate::diff(old, new))
}

/// Compares remembered badges with new ones (`[{id, evidence: [{text}]}]`
/// each), as stored by the extension's history.
#[wasm_bindgen(js_name = diffBadges)]
pub fn diff_badges(old: JsValue, new: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::diff_records(&records(old, "old")?, &records(new, "new")?))
}

/// The badge taxonomy: `{groups: [{id, label}], badges: [{id, label, group,
/// polarity, description}]}`.
#[wasm_bindgen]
pub fn taxonomy() -> Result<JsValue, JsError> {
    to_js(&crate::taxonomy())
}
