//! The rules of `crate/core/rules/` as the build script compiled them
//! (`crate/core/build/`): one phrase [`Library`] holding every pattern, and
//! tables saying what each pattern is for. Rules, clause reading, policy
//! detection and resolution all read from here.

use std::sync::OnceLock;

use policy_phrase::{Library, PatternId};

use crate::taxonomy::BadgeId;

/// Whose practice a rule's statement has to be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The site's own practice: statements about other sites earn nothing.
    Site,
    /// What the reader can do on the site (opt out, delete, export): the
    /// reader's own "you cannot" denies it.
    Reader,
    /// Anyone's but other sites': the topic alone earns the badge
    /// (children, California), denied or not.
    Anyone,
}

/// One rule of a `rules/badges/*.toml` file, by its patterns' ids.
#[derive(Debug, Clone, Copy)]
pub struct RuleDef {
    /// Badge earned when the statement is affirmed, if any.
    pub earns: Option<BadgeId>,
    /// Badge earned when the statement is denied, if any.
    pub denied: Option<BadgeId>,
    /// Badge an affirmed statement withdraws from the whole document, if
    /// any.
    pub contradicts: Option<BadgeId>,
    /// What the statement must be about.
    pub actor: Actor,
    /// The phrases the rule looks for.
    pub pattern: PatternId,
    /// Phrases the sentence (or the sentence introducing its list) must
    /// also contain.
    pub also: Option<PatternId>,
    /// Phrases the sentence, its list's lead-in, the sentence before it or
    /// its section heading must contain ("Cookies", "Children's privacy").
    pub context: Option<PatternId>,
    /// Phrases that, in the clause of the match, keep an affirmed statement
    /// from earning (a denial still earns: "we do not share, except with
    /// service providers").
    pub unless: Option<PatternId>,
    /// Phrases the rule's own phrases may stand inside without earning
    /// ("cookie" inside "cookie banner").
    pub not_inside: Option<PatternId>,
    /// Whether policies state the practice as a contingency ("if we are
    /// acquired"): a hypothetical clause does not keep it from earning.
    pub contingent: bool,
    /// Where the rule is written: `badges/sharing.toml:12`.
    pub place: &'static str,
}

/// A word list of a rule file, sorted by the build script so a word is
/// looked up by binary search.
#[derive(Debug, Clone, Copy)]
pub struct WordList(pub &'static [&'static str]);

impl WordList {
    /// Whether `word` is in the list.
    pub fn contains(self, word: &str) -> bool {
        self.0.binary_search_by(|listed| compare_short(listed.as_bytes(), word.as_bytes())).is_ok()
    }
}

/// The order of `str`, for short words: compared byte by byte inline, which
/// for a few letters is far quicker than the call to `memcmp` `str::cmp`
/// makes (negation asks for every word before a match).
fn compare_short(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    match a.iter().zip(b).find(|(x, y)| x != y) {
        Some((x, y)) => x.cmp(y),
        None => a.len().cmp(&b.len()),
    }
}

// The library's bytes (`LIBRARY`), the rules (`RULES`), the resolution
// pairs (`IMPLIES`, `BEATS`), and for each file of named patterns a struct
// of their ids (`CLAUSE`: clause.toml, `LINKS`, `EVIDENCE`, `DETECT`) and
// of its word lists (`CLAUSE_WORDS`).
include!(concat!(env!("OUT_DIR"), "/rules.rs"));

/// The compiled library of every pattern (read from the embedded bytes on
/// first use, then shared).
pub fn library() -> &'static Library {
    static READ: OnceLock<Library> = OnceLock::new();
    READ.get_or_init(|| Library::from_bytes(LIBRARY).expect("the library the build script wrote reads back"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_reads_back_and_every_id_is_in_it() {
        let library = library();
        let text = "we do not sell cookies";
        let scan = library.scan(text);
        let ids = RULES
            .iter()
            .flat_map(|r| [Some(r.pattern), r.also, r.context, r.unless, r.not_inside])
            .flatten()
            .chain([CLAUSE.boundary, CLAUSE.passive_denial, CLAUSE.other_sites, CLAUSE.rights, CLAUSE.hypothetical])
            .chain([LINKS.pronoun_subject, LINKS.party, LINKS.service_party, LINKS.denial_answer, LINKS.back_reference])
            .chain([EVIDENCE.site_subject, EVIDENCE.generic])
            .chain([DETECT.practice, DETECT.privacy_heading, DETECT.policy_title, DETECT.announcement]);
        for id in ids {
            library.is_match(&scan, id, 0..text.len()); // in range: no panic
        }
    }

    #[test]
    fn every_badge_has_a_rule() {
        for &badge in BadgeId::ALL {
            assert!(
                RULES.iter().any(|r| r.earns == Some(badge) || r.denied == Some(badge)),
                "no rule earns {}",
                badge.as_str()
            );
        }
    }
}
