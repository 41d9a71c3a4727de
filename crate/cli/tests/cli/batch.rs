//! `policy-badges batch`: a directory with a policy, an HTML policy, a
//! binary file, an empty file, a 5 MB file and a non-policy; manifests;
//! CSV; resuming a stopped run.

use std::collections::BTreeMap;
use std::path::Path;

use super::support::{json_lines, run, run_ok, strings, POLICY_V1};

/// Writes the test crawl into `dir`.
fn crawl(dir: &Path) {
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("a directory");
        std::fs::write(path, bytes).expect("a file");
    };
    write("acme.md", POLICY_V1.as_bytes());
    let html = format!("<!doctype html><html><body><main>{}</main></body></html>", markdown_as_html(POLICY_V1));
    write("sites/acme.html", html.as_bytes());
    write("binary.txt", b"PK\x03\x04\x00\x00\x08\x00binary zip bytes");
    write("empty.txt", b"");
    let mut big = String::new();
    while big.len() < 5 << 20 {
        big.push_str(POLICY_V1);
        big.push('\n');
    }
    write("big.txt", big.as_bytes());
    write("recipe.md", b"# Pea soup\n\nBoil the peas for twenty minutes. Add salt and serve hot with bread.\n");
    write("notes.pdf", b"%PDF-1.4 not read");
}

fn markdown_as_html(markdown: &str) -> String {
    markdown
        .split("\n\n")
        .map(|block| match block.strip_prefix("## ").or_else(|| block.strip_prefix("# ")) {
            Some(heading) => format!("<h2>{heading}</h2>"),
            None => format!("<p>{block}</p>"),
        })
        .collect()
}

/// The JSON lines of a run, by id (the id's file name).
fn by_name(stdout: &str) -> BTreeMap<String, serde_json::Value> {
    json_lines(stdout)
        .into_iter()
        .map(|line| {
            let id = line["id"].as_str().expect("an id");
            (Path::new(id).file_name().expect("a name").to_string_lossy().into_owned(), line)
        })
        .collect()
}

#[test]
fn reads_every_document_and_reports_the_bad_ones() {
    let dir = tempfile::tempdir().expect("a temp dir");
    crawl(dir.path());
    let (stdout, stderr) = run_ok(&["batch", "."], dir.path());
    let ids: Vec<String> = json_lines(&stdout).iter().map(|l| l["id"].as_str().expect("an id").to_string()).collect();
    assert_eq!(ids, ["./acme.md", "./big.txt", "./binary.txt", "./empty.txt", "./recipe.md", "./sites/acme.html"]);
    let lines = by_name(&stdout);

    let acme = &lines["acme.md"];
    assert_eq!((acme["is_policy"].as_bool(), acme["truncated"].as_bool()), (Some(true), Some(false)));
    assert!(strings(&acme["badges"]).contains(&"no-sale"), "{acme}");
    assert_eq!(lines["acme.html"]["badges"], acme["badges"], "HTML is read as its visible text");

    let big = &lines["big.txt"];
    assert_eq!((big["is_policy"].as_bool(), big["truncated"].as_bool()), (Some(true), Some(true)));
    assert!(lines["binary.txt"]["error"].as_str().is_some_and(|e| e.contains("binary")));
    assert!(lines["empty.txt"]["error"].as_str().is_some_and(|e| e.starts_with("empty")));
    assert_eq!(lines["binary.txt"].get("badges"), None);
    let recipe = &lines["recipe.md"];
    assert_eq!((recipe["is_policy"].as_bool(), recipe["badges"].as_array().map(Vec::len)), (Some(false), Some(0)));

    assert!(stderr.starts_with("batch: 6 documents: 3 policies, 1 non-policy, 2 failures"), "{stderr}");
    assert!(stderr.contains("badge prevalence among 3 policies:") && stderr.contains("no-sale"), "{stderr}");
}

#[test]
fn evidence_on_request() {
    let dir = tempfile::tempdir().expect("a temp dir");
    crawl(dir.path());
    let (stdout, _) = run_ok(&["batch", "--evidence", "acme.md"], dir.path());
    let lines = json_lines(&stdout);
    let no_sale = &lines[0]["evidence"]["no-sale"][0];
    assert_eq!(no_sale["text"], "We never sell your personal information to anyone.");
    assert_eq!(no_sale["section"], "Sharing");
    let (plain, _) = run_ok(&["batch", "acme.md"], dir.path());
    assert_eq!(json_lines(&plain)[0].get("evidence"), None);
}

#[test]
fn csv_has_a_row_per_document_and_a_column_per_badge() {
    let dir = tempfile::tempdir().expect("a temp dir");
    crawl(dir.path());
    let (stdout, _) = run_ok(&["batch", "--format", "csv", "--jobs", "1", "."], dir.path());
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header = reader.headers().expect("a header").clone();
    assert_eq!(
        &header.iter().take(6).collect::<Vec<_>>(),
        &["id", "is_policy", "words", "truncated", "error", "warning"]
    );
    let column = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().all(|row| row.len() == header.len()));
    assert_eq!((&rows[0][0], &rows[0][column("no-sale")], &rows[0][column("sells-data")]), ("./acme.md", "1", "0"));
    assert!(rows[2][column("error")].contains("binary"));
    assert!(run(&["batch", "--format", "csv", "--evidence", "."], dir.path()).status.code() == Some(1));
}

#[test]
fn manifests_give_paths_or_texts() {
    let dir = tempfile::tempdir().expect("a temp dir");
    crawl(dir.path());
    let manifest = [
        serde_json::json!({"id": "by-path", "path": "acme.md"}).to_string(),
        serde_json::json!({"id": 42, "text": POLICY_V1}).to_string(),
        String::new(),
        "{\"id\": \"broken\"".to_string(),
        serde_json::json!({"path": "sites/acme.html"}).to_string(),
    ]
    .join("\n");
    std::fs::create_dir(dir.path().join("lists")).expect("a directory");
    std::fs::write(
        dir.path().join("lists/crawl.jsonl"),
        manifest.replace("acme.md", "../acme.md").replace("sites/", "../sites/"),
    )
    .expect("a manifest");
    let (stdout, stderr) = run_ok(&["batch", "lists/crawl.jsonl"], dir.path());
    let lines = json_lines(&stdout);
    assert_eq!(lines.len(), 4, "{stdout}");
    assert_eq!((lines[0]["id"].as_str(), lines[0]["is_policy"].as_bool()), (Some("by-path"), Some(true)));
    assert_eq!(lines[1]["id"], "42");
    assert_eq!(lines[1]["badges"], lines[0]["badges"]);
    assert_eq!(lines[2]["id"], "lists/crawl.jsonl:4");
    assert!(lines[2]["error"].as_str().is_some_and(|e| e.starts_with("not a manifest line")));
    assert_eq!(lines[3]["id"], "../sites/acme.html");
    assert!(stderr.contains("1 failure "), "{stderr}");
}

#[test]
fn resume_skips_what_the_output_has() {
    let dir = tempfile::tempdir().expect("a temp dir");
    crawl(dir.path());
    let (full, _) = run_ok(&["batch", "."], dir.path());
    // A run stopped after two documents, in the middle of the third line.
    let lines: Vec<&str> = full.lines().collect();
    let stopped = format!("{}\n{}\n{}", lines[0], lines[1], &lines[2][..10]);
    std::fs::write(dir.path().join("out.jsonl"), &stopped).expect("an output");

    let refused = run(&["batch", "-o", "out.jsonl", "."], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--resume"));

    let (stdout, stderr) = run_ok(&["batch", "-o", "out.jsonl", "--resume", "."], dir.path());
    assert!(stdout.is_empty());
    assert!(stderr.contains("4 documents") && stderr.contains("2 skipped"), "{stderr}");
    let resumed = std::fs::read_to_string(dir.path().join("out.jsonl")).expect("the output");
    assert_eq!(resumed, full, "the same lines, each once, in the same order");
}

#[test]
fn a_reader_that_stops_early_is_no_failure() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().expect("a temp dir");
    for i in 0..600 {
        std::fs::write(dir.path().join(format!("{i:03}.md")), POLICY_V1).expect("a file");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_policy-badges"))
        .args(["batch", "--jobs", "1", "."])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("a pipe")).read_line(&mut first).expect("a line");
    assert!(first.starts_with("{\"id\":\"./000.md\""), "{first}");
    // The pipe is closed here, like `| head -1` closes it.
    assert!(child.wait().expect("an exit").success());
}

#[test]
fn usage_errors_stop_before_any_work() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for args in [&["batch", "missing-dir"][..], &["batch", "--resume", "."], &["batch", "-", "-"]] {
        let output = run(args, dir.path());
        assert!(!output.status.success(), "{args:?}");
        assert!(output.stdout.is_empty());
    }
}
