//! Texts that are not privacy policies must say so, with a reason.

use policy_badges::analyze;

fn assert_not_a_policy(name: &str, text: &str) {
    let summary = analyze(text);
    assert!(!summary.is_policy, "{name} was taken for a policy (score {})", summary.policy_score);
    assert!(summary.badges.is_empty(), "{name} has badges");
    assert!(!summary.reason.is_empty(), "{name} has no reason");
}

#[test]
fn a_news_article_mentioning_privacy_is_not_a_policy() {
    assert_not_a_policy("news article", include_str!("../../../tests/fixtures/non-policies/news-article.txt"));
}

#[test]
fn a_product_page_with_a_privacy_link_is_not_a_policy() {
    assert_not_a_policy("product page", include_str!("../../../tests/fixtures/non-policies/product-page.txt"));
}

#[test]
fn lorem_ipsum_is_not_a_policy() {
    assert_not_a_policy("lorem ipsum", include_str!("../../../tests/fixtures/non-policies/lorem-ipsum.txt"));
}

#[test]
fn empty_and_blank_pages_say_there_is_no_text() {
    for text in ["", "   \n\t  \n", "\u{200B}\u{FEFF}"] {
        let summary = analyze(text);
        assert!(!summary.is_policy);
        assert_eq!(summary.words, 0);
        assert_eq!(summary.reason, "The page has no text to analyze.");
    }
}

#[test]
fn a_short_privacy_notice_is_too_short_to_judge() {
    let summary = analyze("Privacy\nWe do not use cookies.");
    assert!(!summary.is_policy);
    assert!(summary.reason.contains("too few"), "{}", summary.reason);
}
