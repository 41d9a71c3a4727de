//! Converts evidence offsets from UTF-8 bytes (Rust strings) to UTF-16 code
//! units (JavaScript strings), so `text.slice(start, end)` works in JS.

use policy_badges::Summary;

/// Rewrites every evidence `start`/`end` of `summary`, computed on `input`,
/// as UTF-16 code-unit offsets into the same text. Reads `input` once, up
/// to the last offset.
pub fn to_utf16(summary: &mut Summary, input: &str) {
    // A few hundred at most (MAX_EVIDENCE a badge): sorted by insertion.
    let mut offsets: Vec<usize> = Vec::new();
    for offset in summary.badges.iter().flat_map(|b| b.evidence.iter().flat_map(|e| [e.start, e.end])) {
        let at = offsets.partition_point(|&o| o < offset);
        if offsets.get(at) != Some(&offset) {
            offsets.insert(at, offset);
        }
    }
    let mut utf16_of = Vec::with_capacity(offsets.len());
    let mut units = 0;
    let bytes = input.as_bytes();
    let mut byte = 0;
    for &offset in &offsets {
        // Offsets are char boundaries: count the UTF-16 units of the chars
        // before it by their first bytes (2 units for 4-byte chars).
        for &b in bytes.get(byte..offset).unwrap_or_default() {
            units += match b {
                0x80..=0xBF => 0, // inside a char
                0xF0..=0xFF => 2,
                _ => 1,
            };
        }
        byte = byte.max(offset);
        utf16_of.push(units);
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
    use policy_badges::{Badge, BadgeId, Evidence};

    fn summary_of(badge: Badge) -> Summary {
        Summary {
            is_policy: true,
            policy_score: 1.0,
            reason: String::new(),
            words: 4,
            truncated: false,
            excerpt: false,
            badges: vec![badge],
        }
    }

    #[test]
    fn converts_byte_offsets_to_utf16_units() {
        let input = "é😀 We sell data. ok";
        let start = input.find("We").unwrap_or(0);
        let end = input.find(" ok").unwrap_or(0);
        let mut badge = Badge::new(BadgeId::SellsData);
        badge.evidence.push(Evidence { text: input[start..end].into(), start, end, section: None });
        let mut summary = summary_of(badge);
        to_utf16(&mut summary, input);
        let utf16: Vec<u16> = input.encode_utf16().collect();
        let evidence = &summary.badges[0].evidence[0];
        assert_eq!(String::from_utf16_lossy(&utf16[evidence.start..evidence.end]), "We sell data.");
        assert_eq!((evidence.start, evidence.end), (4, 17));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any char boundary converts to the UTF-16 length of the text before it.
        #[test]
        fn any_boundary_converts(input in "\\PC{0,40}", picks in proptest::collection::vec(0usize..64, 1..6)) {
            let boundaries: Vec<usize> = (0..=input.len()).filter(|&i| input.is_char_boundary(i)).collect();
            let mut badge = Badge::new(BadgeId::SellsData);
            for pair in picks.chunks(2) {
                let start = boundaries[pair[0] % boundaries.len()];
                let end = boundaries[pair[pair.len() - 1] % boundaries.len()].max(start);
                badge.evidence.push(Evidence { text: input[start..end].into(), start, end, section: None });
            }
            let expected: Vec<(usize, usize)> = badge
                .evidence
                .iter()
                .map(|e| (input[..e.start].encode_utf16().count(), input[..e.end].encode_utf16().count()))
                .collect();
            let mut summary = summary_of(badge);
            to_utf16(&mut summary, &input);
            let got: Vec<(usize, usize)> = summary.badges[0].evidence.iter().map(|e| (e.start, e.end)).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
