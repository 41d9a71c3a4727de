//! What `batch` reads, as a lazy stream of [`Job`]s: the policy files of
//! directories (walked recursively, in name order) and the lines of JSON
//! Lines manifests (`{"id": ..., "path": ...}` or `{"id": ..., "text": ...}`).
//!
//! Nothing here reads a document: jobs carry paths and manifest lines, and
//! the workers read and parse them, so the stream stays cheap and its
//! memory flat however many documents there are.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Result};

/// File extensions read as policies (ASCII case ignored).
const POLICY_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];
/// File extensions read as manifests.
const MANIFEST_EXTENSIONS: [&str; 2] = ["jsonl", "ndjson"];

/// One document to analyze, not read yet.
#[derive(Debug)]
pub enum Job {
    /// A policy file; its id is its path as walked.
    File {
        /// The document's id in the output.
        id: String,
        /// Where it is.
        path: PathBuf,
    },
    /// A line of a manifest, parsed by the worker.
    Line {
        /// Where the line is, for errors: `manifest.jsonl:12`.
        place: String,
        /// The directory relative `path`s of the manifest are resolved in.
        base: Arc<Path>,
        /// The line itself.
        line: String,
    },
    /// Something that could not even be listed (an unreadable directory or
    /// manifest): reported as a failed document.
    Failed {
        /// The id it is reported under.
        id: String,
        /// Why.
        error: String,
    },
}

/// Where jobs come from: one command-line input, checked before any work.
#[derive(Debug, Clone)]
pub enum Input {
    /// A directory, walked recursively.
    Directory(PathBuf),
    /// A JSON Lines manifest file, or `-` for standard input.
    Manifest(PathBuf),
    /// A single policy file.
    Policy(PathBuf),
}

impl Input {
    /// Sorts a command-line path into its kind; fails for a missing path or
    /// a file that is neither a policy nor a manifest.
    pub fn classify(path: &Path) -> Result<Input> {
        if path.as_os_str() == "-" {
            return Ok(Input::Manifest(path.to_path_buf()));
        }
        if path.is_dir() {
            return Ok(Input::Directory(path.to_path_buf()));
        }
        if !path.exists() {
            bail!("{}: no such file or directory", path.display());
        }
        if has_extension(path, &MANIFEST_EXTENSIONS) {
            Ok(Input::Manifest(path.to_path_buf()))
        } else if has_extension(path, &POLICY_EXTENSIONS) {
            Ok(Input::Policy(path.to_path_buf()))
        } else {
            bail!("{}: give a directory, a .jsonl manifest or a .txt, .md or .html file", path.display())
        }
    }

    /// Whether reading it twice is possible (standard input is read once).
    pub fn is_stdin(&self) -> bool {
        matches!(self, Input::Manifest(path) if path.as_os_str() == "-")
    }
}

/// Every job of `inputs`, in order, read lazily.
pub fn jobs(inputs: &[Input]) -> impl Iterator<Item = Job> + '_ {
    inputs.iter().flat_map(|input| -> Box<dyn Iterator<Item = Job>> {
        match input {
            Input::Directory(dir) => Box::new(Walk::new(dir)),
            Input::Manifest(path) => Box::new(Manifest::open(path)),
            Input::Policy(path) => Box::new(std::iter::once(Job::File { id: id_of(path), path: path.clone() })),
        }
    })
}

fn id_of(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// A depth-first walk of a directory: policy files in name order, hidden
/// entries (`.git`, `.DS_Store`) skipped, symbolic links to directories not
/// followed (no cycles). Holds one sorted listing per open directory.
struct Walk {
    stack: Vec<std::vec::IntoIter<PathBuf>>,
}

impl Walk {
    fn new(dir: &Path) -> Walk {
        Walk { stack: vec![vec![dir.to_path_buf()].into_iter()] }
    }
}

impl Iterator for Walk {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            let Some(path) = self.stack.last_mut()?.next() else {
                self.stack.pop();
                continue;
            };
            let is_link = path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
            if path.is_dir() {
                if is_link && self.stack.len() > 1 {
                    continue;
                }
                match listing(&path) {
                    Ok(entries) => self.stack.push(entries.into_iter()),
                    Err(error) => return Some(Job::Failed { id: id_of(&path), error }),
                }
            } else if has_extension(&path, &POLICY_EXTENSIONS) {
                return Some(Job::File { id: id_of(&path), path });
            }
        }
    }
}

/// The visible entries of `dir`, sorted by name.
fn listing(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list directory: {e}"))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list directory: {e}"))?;
        if !entry.file_name().to_string_lossy().starts_with('.') {
            paths.push(entry.path());
        }
    }
    paths.sort();
    Ok(paths)
}

/// The non-blank lines of a manifest, numbered from 1. A manifest that
/// cannot be opened or read ends with one failed job that says why.
struct Manifest {
    name: String,
    base: Arc<Path>,
    reader: Result<Box<dyn BufRead>, String>,
    number: usize,
    done: bool,
}

impl Manifest {
    fn open(path: &Path) -> Manifest {
        let name = id_of(path);
        let (base, reader): (PathBuf, Result<Box<dyn BufRead>, String>) = if name == "-" {
            (PathBuf::from("."), Ok(Box::new(std::io::stdin().lock())))
        } else {
            let file = File::open(path).map_err(|e| format!("cannot open manifest: {e}"));
            let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
            (base, file.map(|f| Box::new(BufReader::new(f)) as Box<dyn BufRead>))
        };
        Manifest { name, base: Arc::from(base), reader, number: 0, done: false }
    }

    fn fail(&mut self, error: String) -> Option<Job> {
        self.done = true;
        Some(Job::Failed { id: self.name.clone(), error })
    }
}

impl Iterator for Manifest {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        if self.done {
            return None;
        }
        let reader = match &mut self.reader {
            Ok(reader) => reader,
            Err(error) => {
                let error = error.clone();
                return self.fail(error);
            }
        };
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {
                    self.number += 1;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let place = format!("{}:{}", self.name, self.number);
                    return Some(Job::Line { place, base: Arc::clone(&self.base), line });
                }
                Err(e) => {
                    let error = format!("cannot read manifest after line {}: {e}", self.number);
                    return self.fail(error);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(inputs: &[Input]) -> Vec<String> {
        jobs(inputs)
            .map(|job| match job {
                Job::File { id, .. } | Job::Failed { id, .. } => id,
                Job::Line { place, .. } => place,
            })
            .collect()
    }

    #[test]
    fn walks_directories_in_name_order_and_keeps_policy_files() {
        let dir = tempdir("walk");
        for name in ["b.md", "a.txt", "sub/c.HTML", "sub/image.png", ".hidden/d.txt", "e.htm"] {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("a test directory");
            std::fs::write(path, "x").expect("a test file");
        }
        let root = dir.to_string_lossy();
        let expected: Vec<String> =
            ["a.txt", "b.md", "e.htm", "sub/c.HTML"].iter().map(|name| format!("{root}/{name}")).collect();
        assert_eq!(ids(&[Input::classify(&dir).expect("a directory")]), expected);
    }

    #[test]
    fn manifests_yield_numbered_non_blank_lines() {
        let dir = tempdir("manifest");
        let path = dir.join("list.jsonl");
        std::fs::write(&path, "{\"id\": \"a\", \"text\": \"x\"}\n\n{\"id\": \"b\", \"path\": \"b.txt\"}\n")
            .expect("a manifest");
        let name = path.to_string_lossy();
        assert_eq!(ids(&[Input::classify(&path).expect("a manifest")]), [format!("{name}:1"), format!("{name}:3")]);
    }

    #[test]
    fn a_missing_manifest_is_one_failed_job() {
        let jobs: Vec<_> = jobs(&[Input::Manifest(PathBuf::from("/nonexistent/list.jsonl"))]).collect();
        assert!(matches!(&jobs[..], [Job::Failed { error, .. }] if error.starts_with("cannot open manifest")));
    }

    #[test]
    fn other_files_are_refused_up_front() {
        let dir = tempdir("classify");
        let path = dir.join("policy.pdf");
        std::fs::write(&path, "x").expect("a test file");
        assert!(Input::classify(&path).is_err());
        assert!(Input::classify(&dir.join("missing.txt")).is_err());
        assert!(matches!(Input::classify(Path::new("-")), Ok(Input::Manifest(_))));
    }

    /// A fresh directory for one test.
    fn tempdir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("policy-badges-input-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a test directory");
        dir
    }
}
