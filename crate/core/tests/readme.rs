//! The README's badge list is the taxonomy's, not a hand-copied one.

#[test]
fn the_readme_badge_list_matches_the_taxonomy() {
    let readme = include_str!("../../../README.md");
    let start = readme.find("<!-- badges:start -->\n").expect("README has a badges:start marker") + 22;
    let end = readme.find("<!-- badges:end -->").expect("README has a badges:end marker");
    assert_eq!(
        &readme[start..end],
        policy_badges::markdown_table(),
        "README.md is out of date: run `npm run readme:badges`"
    );
}
