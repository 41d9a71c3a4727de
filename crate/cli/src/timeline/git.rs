//! The versions of files in a git repository's history, read in-process
//! with gix: the first-parent line of a revision, oldest commit first, and
//! for each selected file every commit that changed its content.
//!
//! Trees are walked once per commit, but a subtree whose id is the one seen
//! at the same path before has not changed and is not entered again, so a
//! commit costs about the directories it touched.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{bail, Context, Result};
use gix::bstr::{BStr, BString, ByteSlice, ByteVec};
use gix::ObjectId;

/// One version of a file: the commit that wrote this content.
#[derive(Debug, Clone)]
pub struct Version {
    /// The commit.
    pub commit: ObjectId,
    /// Its committer time, in seconds since 1970 (UTC).
    pub time: i64,
    /// The file's content at that commit.
    pub blob: ObjectId,
}

/// Every version of one file, oldest first.
#[derive(Debug)]
pub struct FileHistory {
    /// The file's path in the repository, `/`-separated.
    pub path: String,
    /// Its versions.
    pub versions: Vec<Version>,
}

/// Which files to follow.
#[derive(Debug, Clone)]
pub enum Select {
    /// One path.
    Path(String),
    /// Every path a glob matches (`*` stays within a directory, `**` crosses them).
    Glob(String),
}

impl Select {
    fn matches(&self, path: &BStr) -> bool {
        match self {
            Select::Path(wanted) => path == wanted.as_bytes(),
            Select::Glob(glob) => gix::glob::wildmatch(
                glob.as_bytes().as_bstr(),
                path,
                gix::glob::wildmatch::Mode::NO_MATCH_SLASH_LITERAL,
            ),
        }
    }

    /// Whether files under directory `dir` may match (only a single path
    /// rules directories out).
    fn may_enter(&self, dir: &BStr) -> bool {
        match self {
            Select::Path(wanted) => {
                wanted.as_bytes().strip_prefix(dir.as_bytes()).is_some_and(|rest| rest.starts_with(b"/"))
            }
            Select::Glob(_) => true,
        }
    }
}

/// A repository opened for reading, shareable between threads.
pub struct Repository {
    repo: gix::ThreadSafeRepository,
}

impl Repository {
    /// Opens the repository at `path` (a work tree, its `.git`, or a bare one).
    pub fn open(path: &Path) -> Result<Repository> {
        let repo = gix::open(path).with_context(|| format!("{} is not a git repository", path.display()))?;
        Ok(Repository { repo: repo.into_sync() })
    }

    /// A reader of file contents for this thread.
    pub fn reader(&self) -> Reader {
        Reader { repo: self.repo.to_thread_local() }
    }

    /// The first-parent line of `rev` (a reference name or a commit id;
    /// `HEAD` when `None`), oldest first, as `(commit, time, tree)`.
    pub fn commits(&self, rev: Option<&str>, mut progress: impl FnMut()) -> Result<Vec<(ObjectId, i64, ObjectId)>> {
        let repo = self.repo.to_thread_local();
        let tip = match rev {
            None => repo.head_id().context("the repository has no commit at HEAD")?.detach(),
            Some(rev) => match ObjectId::from_hex(rev.as_bytes()) {
                Ok(id) => id,
                Err(_) => repo
                    .find_reference(rev)
                    .with_context(|| format!("no reference {rev}"))?
                    .peel_to_id()
                    .with_context(|| format!("{rev} names no commit"))?
                    .detach(),
            },
        };
        let walk = repo.rev_walk([tip]).first_parent_only().all().context("cannot walk the history")?;
        let mut commits = Vec::new();
        for info in walk {
            let id = info.context("cannot walk the history")?.id;
            let commit = repo.find_commit(id).with_context(|| format!("cannot read commit {id}"))?;
            let time = commit.time().with_context(|| format!("commit {id} has no readable date"))?.seconds;
            let tree = commit.tree_id().with_context(|| format!("commit {id} has no tree"))?.detach();
            commits.push((id, time, tree));
            progress();
        }
        commits.reverse();
        Ok(commits)
    }

    /// The history of every file `select` picks along `commits` (as
    /// [`Repository::commits`] gives them), by path.
    pub fn histories(
        &self,
        commits: &[(ObjectId, i64, ObjectId)],
        select: &Select,
        mut progress: impl FnMut(),
    ) -> Result<Vec<FileHistory>> {
        let mut walker =
            Walker { repo: self.repo.to_thread_local(), select, seen: HashMap::new(), files: BTreeMap::new() };
        for &(commit, time, tree) in commits {
            walker.visit(tree, &mut BString::default(), &|blob| Version { commit, time, blob })?;
            progress();
        }
        Ok(walker.files.into_iter().map(|(path, versions)| FileHistory { path, versions }).collect())
    }
}

/// Reads file contents (blobs) on one thread.
pub struct Reader {
    repo: gix::Repository,
}

impl Reader {
    /// The bytes of one version.
    pub fn read(&self, blob: ObjectId) -> Result<Vec<u8>> {
        Ok(self.repo.find_blob(blob).with_context(|| format!("cannot read blob {blob}"))?.take_data())
    }
}

/// The state of a walk through successive trees.
struct Walker<'a> {
    repo: gix::Repository,
    select: &'a Select,
    /// The id last seen at each path walked (directories and selected files).
    seen: HashMap<BString, ObjectId>,
    /// The versions found so far, by path.
    files: BTreeMap<String, Vec<Version>>,
}

impl Walker<'_> {
    /// Walks the tree `id` found at `dir` ("" for the root), entering only
    /// subtrees that changed, and records the selected files that did.
    fn visit(&mut self, id: ObjectId, dir: &mut BString, version: &dyn Fn(ObjectId) -> Version) -> Result<()> {
        let tree = self.repo.find_tree(id).with_context(|| format!("cannot read tree {id}"))?;
        let mut changed = Vec::new();
        for entry in tree.iter() {
            let entry = entry.with_context(|| format!("cannot decode tree {id}"))?.inner;
            let is_tree = entry.mode.is_tree();
            if !is_tree && !entry.mode.is_blob() {
                continue; // links and submodules hold no policy
            }
            let length = dir.len();
            if !dir.is_empty() {
                dir.push_byte(b'/');
            }
            dir.push_str(entry.filename);
            let wanted =
                if is_tree { self.select.may_enter(dir.as_bstr()) } else { self.select.matches(dir.as_bstr()) };
            if wanted && self.seen.get(dir.as_bstr()) != Some(&entry.oid.to_owned()) {
                self.seen.insert(dir.clone(), entry.oid.to_owned());
                changed.push((dir.clone(), entry.oid.to_owned(), is_tree));
            }
            dir.truncate(length);
        }
        drop(tree);
        for (mut path, oid, is_tree) in changed {
            if is_tree {
                self.visit(oid, &mut path, version)?;
            } else {
                self.files.entry(path.to_str_lossy().into_owned()).or_default().push(version(oid));
            }
        }
        Ok(())
    }
}

/// Complains when a single path was asked for and never found.
pub fn check_found(select: &Select, files: &[FileHistory], rev: &str) -> Result<()> {
    match select {
        Select::Path(path) if files.is_empty() => bail!("{path} is in no commit of {rev}"),
        Select::Glob(glob) if files.is_empty() => bail!("no file of {rev}'s history matches {glob}"),
        _ => Ok(()),
    }
}
