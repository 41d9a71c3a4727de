//! The seed acceptance test through the JavaScript API (`wasm-pack test
//! --node crate/wasm`, and in headless browsers).
#![cfg(target_arch = "wasm32")]

#[path = "../../core/tests/fixtures.rs"]
mod fixtures;

use fixtures::{expected, seed};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[derive(Deserialize)]
struct Summary {
    is_policy: bool,
    badges: Vec<Badge>,
}

#[derive(Deserialize)]
struct Badge {
    id: String,
    evidence: Vec<Evidence>,
}

#[derive(Deserialize)]
struct Evidence {
    text: String,
    start: u32,
    end: u32,
}

#[derive(Deserialize)]
struct Diff {
    added: Vec<String>,
    removed: Vec<String>,
}

fn summary_of(text: &str) -> Summary {
    summary_with(text, JsValue::UNDEFINED)
}

fn summary_with(text: &str, options: JsValue) -> Summary {
    let value = policy_badges_wasm::analyze(text, options).unwrap_or_else(|_| panic!("analyze threw"));
    serde_wasm_bindgen::from_value(value).expect("analyze returns a Summary")
}

/// `{excerpt: true}` as JavaScript would pass it.
fn excerpt_options() -> JsValue {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"excerpt".into(), &JsValue::TRUE).expect("sets a property");
    options.into()
}

/// `text.slice(start, end)` in JavaScript terms (UTF-16 code units).
fn js_slice(text: &str, start: u32, end: u32) -> String {
    String::from(js_sys::JsString::from(text).slice(start, end))
}

#[wasm_bindgen_test]
fn seeds_show_their_must_badges_and_none_of_their_must_not() {
    for (name, expectation) in &expected().policies {
        let text = seed(name).text;
        let summary = summary_of(text);
        assert!(summary.is_policy, "{name}");
        for id in &expectation.must {
            let badge = summary.badges.iter().find(|b| &b.id == id).unwrap_or_else(|| panic!("{name}: missing {id}"));
            assert!(!badge.evidence.is_empty(), "{name}: {id} has no evidence");
            for evidence in &badge.evidence {
                assert_eq!(js_slice(text, evidence.start, evidence.end), evidence.text, "{name}: {id}");
            }
        }
        for id in &expectation.must_not {
            assert!(summary.badges.iter().all(|b| &b.id != id), "{name}: shows {id}");
        }
    }
}

#[wasm_bindgen_test]
fn diff_badges_through_js_matches_the_expected_change() {
    let change = &expected().changes["codesector-2012.md -> codesector-2018.md"];
    let analyzed = |name: &str| {
        policy_badges_wasm::analyze(seed(name).text, JsValue::UNDEFINED).unwrap_or_else(|_| panic!("analyze threw"))
    };
    let badges = |summary: JsValue| js_sys::Reflect::get(&summary, &"badges".into()).expect("has badges");
    let value =
        policy_badges_wasm::diff_badges(badges(analyzed("codesector-2012.md")), badges(analyzed("codesector-2018.md")))
            .unwrap_or_else(|_| panic!("diffBadges threw"));
    let mut diff: Diff = serde_wasm_bindgen::from_value(value).expect("diffBadges returns a Diff");
    let mut added = change.added.clone();
    let mut removed = change.removed.clone();
    for ids in [&mut diff.added, &mut diff.removed, &mut added, &mut removed] {
        ids.sort();
    }
    assert_eq!((diff.added, diff.removed), (added, removed));
}

#[wasm_bindgen_test]
fn excerpts_get_badges_without_the_policy_gate() {
    let sentence = "We never sell the e-mail addresses of our members.";
    assert!(summary_of(sentence).badges.is_empty(), "one sentence is no whole policy");
    let summary = summary_with(sentence, excerpt_options());
    assert!(summary.badges.iter().any(|b| b.id == "no-sale"));
    assert!(policy_badges_wasm::analyze(sentence, JsValue::from(3)).is_err(), "bad options throw");
}

#[wasm_bindgen_test]
fn limits_give_the_input_cap() {
    let limits = policy_badges_wasm::limits().unwrap_or_else(|_| panic!("threw"));
    let cap = js_sys::Reflect::get(&limits, &"max_input_bytes".into()).expect("has the cap");
    assert_eq!(cap.as_f64(), Some(policy_badges::MAX_INPUT_BYTES as f64));
}

#[wasm_bindgen_test]
fn offsets_are_utf16_units_for_non_ascii_text() {
    let text = format!("Политика 😀 конфиденциальности\n\n{}", seed("softperfect-2010.md").text);
    let summary = summary_of(&text);
    let badge = summary.badges.first().expect("badges");
    let evidence = &badge.evidence[0];
    assert_eq!(js_slice(&text, evidence.start, evidence.end), evidence.text);
}

#[wasm_bindgen_test]
fn bad_arguments_throw_instead_of_panicking() {
    let thrown = policy_badges_wasm::diff_badges(JsValue::from(5), JsValue::NULL);
    assert!(thrown.is_err());
}

#[wasm_bindgen_test]
fn taxonomy_lists_every_badge() {
    #[derive(Deserialize)]
    struct Taxonomy {
        badges: Vec<serde_json::Value>,
        groups: Vec<serde_json::Value>,
    }
    let taxonomy: Taxonomy =
        serde_wasm_bindgen::from_value(policy_badges_wasm::taxonomy().unwrap_or_else(|_| panic!("threw")))
            .expect("taxonomy");
    assert_eq!(taxonomy.badges.len(), policy_badges::BadgeId::ALL.len());
    assert_eq!(taxonomy.groups.len(), 10);
}
