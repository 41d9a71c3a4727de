//! `policy-badges timeline` on a repository the test writes with gix:
//! three versions of one policy, and commits that touch other files.

use std::path::Path;

use gix::objs::tree::EntryKind;
use gix::ObjectId;

use super::support::{json_lines, policy_v2, policy_v3, run, run_ok, strings, POLICY_V1};

/// 2020-01-01, 2021-06-01 and 2022-03-01, 12:00 UTC.
const TIMES: [i64; 3] = [1_577_880_000, 1_622_548_800, 1_646_136_000];

/// Writes a bare repository at `dir`: the policy's three versions at
/// `Acme/Privacy Policy.md`, a terms file beside it, and an unrelated
/// commit between the first two versions.
fn repository(dir: &Path) {
    let repo = gix::init_bare(dir).expect("a new repository");
    let mut parent: Option<ObjectId> = None;
    let v2 = policy_v2();
    let v3 = policy_v3();
    let commits: [(i64, &[(&str, &str)]); 4] = [
        (TIMES[0], &[("Acme/Privacy Policy.md", POLICY_V1), ("Acme/Terms.md", "Be nice.")]),
        (TIMES[0] + 86_400, &[("Acme/Privacy Policy.md", POLICY_V1), ("Acme/Terms.md", "Be very nice.")]),
        (TIMES[1], &[("Acme/Privacy Policy.md", &v2), ("Acme/Terms.md", "Be very nice.")]),
        (TIMES[2], &[("Acme/Privacy Policy.md", &v3), ("Acme/Terms.md", "Be very nice.")]),
    ];
    for (time, files) in commits {
        let mut tree = repo.edit_tree(ObjectId::empty_tree(gix::hash::Kind::Sha1)).expect("a tree editor");
        for (path, text) in files {
            let blob = repo.write_blob(text.as_bytes()).expect("a blob");
            tree.upsert(*path, EntryKind::Blob, blob).expect("an entry");
        }
        let tree = tree.write().expect("a tree");
        let when = format!("{time} +0000");
        let signature =
            gix::actor::SignatureRef { name: "Archive Bot".into(), email: "bot@example.org".into(), time: &when };
        let commit = repo.commit_as(signature, signature, "HEAD", "Record a version", tree, parent).expect("a commit");
        parent = Some(commit.detach());
    }
}

#[test]
fn three_versions_give_their_badge_changes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    repository(&dir.path().join("repo.git"));
    let (stdout, stderr) =
        run_ok(&["timeline", "repo.git", "--path", "Acme/Privacy Policy.md", "--html", "chart.html"], dir.path());
    let events = json_lines(&stdout);
    let of = |change: &str| -> Vec<&serde_json::Value> { events.iter().filter(|e| e["change"] == change).collect() };

    let initial = of("initial");
    let initial_badges: Vec<&str> = initial.iter().map(|e| e["badge"].as_str().expect("a badge")).collect();
    assert!(initial_badges.contains(&"no-sale") && initial_badges.contains(&"cookies"), "{initial_badges:?}");
    assert!(initial.iter().all(|e| e["date"] == "2020-01-01T12:00:00+00:00" && e.get("previous_date").is_none()));

    let sells = of("appeared").into_iter().find(|e| e["badge"] == "sells-data").expect("sells-data appeared");
    assert_eq!(sells["date"], "2021-06-01T12:00:00+00:00");
    assert_eq!(sells["previous_date"], "2020-01-01T12:00:00+00:00", "the unrelated commit is no version");
    assert_eq!(strings(&sells["evidence"]), ["We may sell your personal information to advertising partners."]);
    assert_eq!((sells["label"].as_str(), sells["polarity"].as_str()), (Some("May sell your data"), Some("bad")));
    assert_eq!(sells["commit"].as_str().map(str::len), Some(40));

    let no_sale = of("disappeared").into_iter().find(|e| e["badge"] == "no-sale").expect("no-sale disappeared");
    assert_eq!(no_sale["date"], "2021-06-01T12:00:00+00:00");
    assert_eq!(strings(&no_sale["evidence"]), ["We never sell your personal information to anyone."], "what went");

    let encryption = of("appeared").into_iter().find(|e| e["badge"] == "encryption").expect("encryption appeared");
    assert_eq!(encryption["date"], "2022-03-01T12:00:00+00:00");
    assert!(events.iter().all(|e| e["path"] == "Acme/Privacy Policy.md"));
    assert!(
        stderr.starts_with("timeline: 1 file, 3 versions (0 not read as a policy, 0 unreadable) over 4 commits;"),
        "{stderr}"
    );

    let html = std::fs::read_to_string(dir.path().join("chart.html")).expect("the chart");
    assert!(html.contains("default-src 'none'"));
    assert_eq!(html.matches("class=\"file\"").count(), 1);
    for badge in initial_badges.iter().chain(&["sells-data", "encryption"]) {
        assert!(html.contains(&format!("data-badge=\"{badge}\"")), "a row for {badge}");
    }
}

#[test]
fn csv_and_globs() {
    let dir = tempfile::tempdir().expect("a temp dir");
    repository(&dir.path().join("repo.git"));
    let (stdout, stderr) = run_ok(&["timeline", "repo.git", "--all", "*/*.md", "--format", "csv"], dir.path());
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    assert_eq!(reader.headers().expect("a header").get(0), Some("path"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert!(rows.iter().any(|r| &r[3] == "appeared" && &r[4] == "sells-data" && r[1].starts_with("2021-06-01")));
    assert!(rows.iter().all(|r| &r[0] == "Acme/Privacy Policy.md"), "the terms are no policy: no badges");
    assert!(stderr.starts_with("timeline: 2 files, 5 versions (2 not read as a policy"), "{stderr}");

    let none = run(&["timeline", "repo.git", "--all", "*.md"], dir.path());
    assert_eq!(none.status.code(), Some(1), "'*' stays within a directory");
    assert!(String::from_utf8_lossy(&none.stderr).contains("no file of HEAD's history matches *.md"));
}

#[test]
fn wrong_paths_and_repositories_are_errors() {
    let dir = tempfile::tempdir().expect("a temp dir");
    repository(&dir.path().join("repo.git"));
    let missing = run(&["timeline", "repo.git", "--path", "Acme/Cookies.md"], dir.path());
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Acme/Cookies.md is in no commit of HEAD"));
    assert_eq!(run(&["timeline", ".", "--path", "x"], dir.path()).status.code(), Some(1));
    assert_eq!(run(&["timeline", "repo.git"], dir.path()).status.code(), Some(2), "--path or --all");
}
