//! Converts evidence offsets from UTF-8 bytes (Rust strings) to UTF-16 code
//! units (JavaScript strings), so `text.slice(start, end)` works in JS.

use crate::summary::Summary;

/// Rewrites every evidence `start`/`end` of `summary`, computed on `input`,
/// as UTF-16 code-unit offsets into the same text. One pass over `input`.
pub fn to_utf16(summary: &mut Summary, input: &str) {
    let mut offsets: Vec<usize> =
        summary.badges.iter().flat_map(|b| b.evidence.iter().flat_map(|e| [e.start, e.end])).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut utf16_of = Vec::with_capacity(offsets.len());
    let mut units = 0;
    let mut next = offsets.iter().peekable();
    for (byte, c) in input.char_indices().chain(std::iter::once((input.len(), '\0'))) {
        while next.next_if(|&&offset| offset <= byte).is_some() {
            utf16_of.push(units);
        }
        units += c.len_utf16();
    }
    let convert = |offset: usize| offsets.binary_search(&offset).map_or(units, |i| utf16_of[i]);
    for evidence in summary.badges.iter_mut().flat_map(|b| b.evidence.iter_mut()) {
        evidence.start = convert(evidence.start);
        evidence.end = convert(evidence.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::{Badge, Evidence};
    use crate::taxonomy::BadgeId;

    #[test]
    fn converts_byte_offsets_to_utf16_units() {
        let input = "é😀 We sell data. ok";
        let start = input.find("We").unwrap_or(0);
        let end = input.find(" ok").unwrap_or(0);
        let mut badge = Badge::new(BadgeId::SellsData);
        badge.evidence.push(Evidence { text: input[start..end].into(), start, end, section: None });
        let mut summary = Summary {
            is_policy: true,
            policy_score: 1.0,
            reason: String::new(),
            words: 4,
            truncated: false,
            badges: vec![badge],
        };
        to_utf16(&mut summary, input);
        let utf16: Vec<u16> = input.encode_utf16().collect();
        let evidence = &summary.badges[0].evidence[0];
        assert_eq!(String::from_utf16_lossy(&utf16[evidence.start..evidence.end]), "We sell data.");
        assert_eq!((evidence.start, evidence.end), (4, 17));
    }
}
