//! Does the text read like a privacy policy at all?
//!
//! A page titled as a privacy policy or notice (its first heading) that
//! states any practice is one, however short or bulleted. Other texts are
//! weighed on three signals: a heading that names a privacy policy, how
//! many statements state the site's own data practices ("we collect", "we
//! share"), and how many distinct practices were found. A news article
//! about privacy lacks the first two; a shop page all three.

use policy_phrase::Scan;

use crate::compiled::{library, DETECT};

/// Whether a scanned statement states one of the site's own data practices
/// (`practice` in `rules/detect.toml`): "we collect", "your information is
/// never sold".
pub fn states_practice(scan: &Scan<'_>) -> bool {
    library().is_match(scan, DETECT.practice, 0..scan.len())
}

/// Whether a scanned heading names a privacy policy or notice
/// (`privacy-heading` in `rules/detect.toml`).
pub fn names_privacy(scan: &Scan<'_>) -> bool {
    library().is_match(scan, DETECT.privacy_heading, 0..scan.len())
}

/// Whether a scanned heading is the title of a privacy policy or notice
/// (`policy-title`), not a title announcing a change or telling news
/// about one (`announcement`), and short as titles are.
pub fn is_policy_title(scan: &Scan<'_>) -> bool {
    let library = library();
    let words = scan.text().split(' ').filter(|w| w.bytes().any(|b| b.is_ascii_alphanumeric())).count();
    // "Privacy" or "Your privacy" names the document; "Protecting creator
    // privacy" does not.
    let names = library.is_match(scan, DETECT.policy_title, 0..scan.len())
        || (words <= MAX_BARE_PRIVACY_TITLE_WORDS && names_privacy(scan));
    words <= MAX_TITLE_WORDS && names && !library.is_match(scan, DETECT.announcement, 0..scan.len())
}

/// Fewer words than this is not enough text to call it a policy, unless it
/// is titled as one.
pub const MIN_POLICY_WORDS: usize = 60;

/// Fewer words than this is not enough text even for a page titled as a
/// privacy policy.
pub const MIN_TITLED_POLICY_WORDS: usize = 15;

/// Longest title, in words.
const MAX_TITLE_WORDS: usize = 14;

/// Longest title that names a privacy document by the word "privacy" alone.
const MAX_BARE_PRIVACY_TITLE_WORDS: usize = 2;

/// Statements that may come before the title (an effective date, a line of
/// navigation).
const MAX_STATEMENTS_BEFORE_TITLE: usize = 3;

/// Headings that may come before the title ("Effective date: ...").
const MAX_HEADINGS_BEFORE_TITLE: usize = 2;

/// Distinct practices a text without a title must state to be a policy.
const MIN_UNTITLED_PRACTICES: usize = 7;

/// Distinct practices a text titled as something else ("FAQ", a help
/// article, a blog post about a site's privacy) must state to be a policy:
/// those state a handful; a policy under a combined title ("Terms and
/// Conditions") states many.
const MIN_OTHERWISE_TITLED_PRACTICES: usize = 10;

/// Sentences stating the site's practices that make the practice signal
/// full whatever else the page holds (a policy inside a long page).
const PRACTICE_SENTENCES_ENOUGH: usize = 12;

/// Score from which a text counts as a policy.
pub const POLICY_THRESHOLD: f32 = 0.5;

/// What the detector measured, and its verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Whether the text reads like a privacy policy.
    pub is_policy: bool,
    /// Score from 0 to 1.
    pub score: f32,
    /// Why, in one sentence for people.
    pub reason: String,
}

/// Measures to judge a text by, gathered while it is analyzed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Signals {
    /// Words in the text.
    pub words: usize,
    /// Sentences (not headings) in the text.
    pub sentences: usize,
    /// Sentences where the site states one of its own data practices.
    pub practice_sentences: usize,
    /// Whether a heading or the first line names a privacy policy or notice.
    pub privacy_heading: bool,
    /// Whether the text opens with a title naming it a privacy policy or
    /// notice ([`is_policy_title`]).
    pub titled: bool,
    /// Whether the text opens with a heading at all.
    pub headed: bool,
    /// Distinct badges the rules found.
    pub distinct_badges: usize,
    /// Headings seen so far.
    headings: usize,
}

impl Signals {
    /// No signal yet, for a text of `words` words.
    pub fn new(words: usize) -> Signals {
        Signals { words, ..Signals::default() }
    }

    /// Records one scanned statement, and whether the rules found a
    /// practice in it.
    pub fn statement(&mut self, scan: &Scan<'_>, earned: bool) {
        self.sentences += 1;
        self.practice_sentences += usize::from(earned || states_practice(scan));
    }

    /// Records one scanned heading. One of the first two, when at most a
    /// few statements came before it ("Effective date: ..."), is the title.
    pub fn heading(&mut self, scan: &Scan<'_>) {
        let early = self.sentences <= MAX_STATEMENTS_BEFORE_TITLE && self.headings < MAX_HEADINGS_BEFORE_TITLE;
        self.headings += 1;
        self.privacy_heading |= names_privacy(scan);
        self.titled |= early && is_policy_title(scan);
        self.headed |= early;
    }

    /// Weighs the signals into a verdict.
    pub fn verdict(&self) -> Verdict {
        if self.words == 0 {
            return Verdict { is_policy: false, score: 0.0, reason: "The page has no text to analyze.".into() };
        }
        let practice_ratio = self.practice_sentences as f32 / self.sentences.max(1) as f32;
        let practice_count = self.practice_sentences as f32 / PRACTICE_SENTENCES_ENOUGH as f32;
        let score = 0.35 * (self.distinct_badges as f32 / 8.0).min(1.0)
            + 0.35 * (practice_ratio / 0.2).max(practice_count).min(1.0)
            + if self.privacy_heading { 0.3 } else { 0.0 };
        let score = (score * 100.0).round() / 100.0;
        let titled_policy = self.titled
            && self.words >= MIN_TITLED_POLICY_WORDS
            && self.practice_sentences > 0
            && self.distinct_badges > 0;
        let long_enough = self.words >= MIN_POLICY_WORDS;
        let needed = if self.headed { MIN_OTHERWISE_TITLED_PRACTICES } else { MIN_UNTITLED_PRACTICES };
        let enough_practices = self.distinct_badges >= needed;
        let is_policy = titled_policy || (long_enough && enough_practices && score >= POLICY_THRESHOLD);
        let score = if titled_policy { score.max(POLICY_THRESHOLD) } else { score };
        let reason = if titled_policy {
            format!(
                "The page is titled as a privacy policy, and {} of its {} statements describe how the site handles data.",
                self.practice_sentences, self.sentences
            )
        } else if !long_enough {
            format!("The page has only {} words, too few for a privacy policy.", self.words)
        } else if is_policy {
            format!(
                "{} of {} sentences describe how the site handles data, and {} practices were found.",
                self.practice_sentences, self.sentences, self.distinct_badges
            )
        } else if self.practice_sentences == 0 {
            "The page does not describe how a site collects, uses or shares data.".into()
        } else if !enough_practices && score >= POLICY_THRESHOLD {
            format!(
                "The page is not titled as a privacy policy and states only {} practices: it reads like an article or a help page about privacy.",
                self.distinct_badges
            )
        } else {
            format!(
                "Only {} of {} sentences describe how the site handles data, and no privacy policy heading was found.",
                self.practice_sentences, self.sentences
            )
        };
        Verdict { is_policy, score, reason }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_tell_practices_and_privacy_headings() {
        let practice = |text: &str| states_practice(&library().scan(text));
        assert!(practice("we collect the name you give us"));
        assert!(practice("your personal information is never sold"));
        assert!(!practice("the company said it shares data with advertisers"));
        let privacy = |text: &str| names_privacy(&library().scan(text));
        assert!(privacy("our privacy notice"));
        assert!(privacy("datenschutzerklarung"));
        assert!(!privacy("regulators fine social network"));
    }

    /// Records `text` as a heading of `signals`.
    fn heading(signals: &mut Signals, text: &str) {
        signals.heading(&library().scan(text));
    }

    /// Records `text` as a statement of `signals` where the rules found
    /// nothing.
    fn statement(signals: &mut Signals, text: &str) {
        signals.statement(&library().scan(text), false);
    }

    #[test]
    fn empty_text_is_not_a_policy() {
        let verdict = Signals::default().verdict();
        assert!(!verdict.is_policy);
        assert_eq!(verdict.score, 0.0);
    }

    #[test]
    fn short_text_is_not_a_policy_unless_titled_as_one() {
        let mut signals = Signals { words: 40, distinct_badges: 3, ..Signals::default() };
        heading(&mut signals, "frequently asked questions");
        heading(&mut signals, "getting started");
        heading(&mut signals, "privacy");
        statement(&mut signals, "we never sell your data");
        assert!(!signals.verdict().is_policy, "a privacy section is no title");
        let mut signals = Signals { words: 40, distinct_badges: 3, ..Signals::default() };
        heading(&mut signals, "notepad privacy policy");
        statement(&mut signals, "we never sell your data");
        let verdict = signals.verdict();
        assert!(verdict.is_policy, "{verdict:?}");
        assert!(verdict.reason.contains("titled as a privacy policy"));
    }

    #[test]
    fn announcements_and_news_are_no_policy_titles() {
        let titled = |text: &str| is_policy_title(&library().scan(text));
        assert!(titled("privacy policy"));
        assert!(titled("acme privacy notice for mobile apps"));
        assert!(!titled("we've updated our privacy policy"));
        assert!(!titled("new privacy law takes effect in january"));
        assert!(!titled("terms of service"));
        assert!(titled("your privacy"));
        assert!(!titled("protecting creator privacy"));
    }

    #[test]
    fn practices_under_a_privacy_heading_make_a_policy() {
        let mut signals = Signals { words: 400, distinct_badges: 12, ..Signals::default() };
        heading(&mut signals, "welcome");
        heading(&mut signals, "about us");
        heading(&mut signals, "our privacy notice");
        for _ in 0..3 {
            statement(&mut signals, "we collect your e-mail address");
            statement(&mut signals, "thank you");
        }
        let verdict = signals.verdict();
        assert!(verdict.is_policy, "{verdict:?}");
        assert!(verdict.reason.contains("3 of 6 sentences"));
        let few = Signals { distinct_badges: 5, titled: false, ..signals };
        assert!(!few.verdict().is_policy, "a page titled otherwise stating five practices is an article");
        let many = Signals { distinct_badges: 11, titled: false, ..signals };
        assert!(many.verdict().is_policy, "one stating twelve reads like a policy under another title");
    }

    #[test]
    fn an_article_about_privacy_is_not_a_policy() {
        let mut signals = Signals { words: 900, distinct_badges: 4, ..Signals::default() };
        heading(&mut signals, "regulators fine social network");
        for _ in 0..20 {
            statement(&mut signals, "the company said it shares data with advertisers");
        }
        assert!(!signals.verdict().is_policy);
    }
}
