//! The policy-badges core as a WebAssembly module: the JavaScript API the
//! browser extension calls (`wasm-pack build crate/wasm`; see
//! `scripts/build-wasm.sh`). The only `#[wasm_bindgen]` code of the project.
//!
//! Results cross as plain JS objects (JSON-compatible: `null` for none).
//! Evidence offsets are UTF-16 code units, so in JS
//! `text.slice(e.start, e.end) === e.text`. Errors arrive as JS exceptions
//! with a message; nothing here panics on any input.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

mod offsets;

use policy_badges::diff::BadgeRecord;
use policy_badges::Mode;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not build the result: {e}")))
}

fn records(value: JsValue, which: &str) -> Result<Vec<BadgeRecord>, JsError> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("{which} badges must be an array of {{id, evidence: [{{text}}]}}: {e}")))
}

/// `analyze`'s options, all optional: `{excerpt: boolean}`.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Options {
    /// Read the text as part of a policy (a selection): no policy gate.
    excerpt: bool,
}

/// Analyzes the text of a page: `{is_policy, policy_score, reason, words,
/// truncated, excerpt, badges: [{id, label, description, group, polarity,
/// evidence: [{text, start, end, section}]}]}`. `options` is
/// `{excerpt: true}` for a selection or a quote, or left out.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("options must be {{excerpt: boolean}}: {e}")))?
    };
    let mode = if options.excerpt { Mode::Excerpt } else { Mode::Document };
    let mut summary = policy_badges::analyze_as(text, mode);
    offsets::to_utf16(&mut summary, text);
    to_js(&summary)
}

/// Compares remembered badges with new ones (`[{id, evidence: [{text}]}]`
/// each), as stored by the extension's history.
#[wasm_bindgen(js_name = diffBadges)]
pub fn diff_badges(old: JsValue, new: JsValue) -> Result<JsValue, JsError> {
    to_js(&policy_badges::diff_records(&records(old, "old")?, &records(new, "new")?))
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
