//! The file watcher of one project: a watch on each directory that is not ignored (never recursive, so
//! `target/`, `node_modules/` and what `.gitignore` names cost no watch at all), new directories watched as
//! they appear, and the events through a bounded queue: when it is full, events are dropped and the watcher
//! only remembers that something changed (an overflow), as it does when the kernel's own queue overflows.
//!
//! Ignored: anything under `.git`, `target` or `node_modules`; what the project's `.gitignore` files say
//! (those of the project and of its parents up to the repository's top, `.git/info/exclude` and your
//! global excludes file), read again when one of them changes; and editors' scratch files (`*.swp`, `*~`,
//! `.#*`, `#*#`, vim's `4913`). Reading a file is not a change.

use std::{
    collections::{BTreeMap, HashSet},
    path::{Path, PathBuf},
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
};

use ignore::{
    Match,
    gitignore::{Gitignore, GitignoreBuilder},
};
use notify::{
    Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher,
    event::{CreateKind, ModifyKind},
};
use tokio::sync::mpsc;
use tracing::warn;

/// Directories always passed over, whatever `.gitignore` says.
pub const ALWAYS_IGNORED: [&str; 3] = [".git", "target", "node_modules"];
/// Events the queue holds; past that they are dropped and counted as an overflow.
pub const QUEUE: usize = 1024;
/// Directories watched in one project at most; past that the rest are not watched (and a warning says so).
pub const MAX_DIRS: usize = 20_000;

/// What an event path is to the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// Ignored: nothing to build.
    Ignored,
    /// A change, at this path relative to the project.
    Changed(String),
}

/// The ignore rules of a project.
#[derive(Debug)]
pub struct Rules {
    root: PathBuf,
    /// Each `.gitignore` by the directory it is in; the deepest that matches decides.
    per_dir: BTreeMap<PathBuf, Gitignore>,
    /// The repository's top (the project itself outside git).
    top: PathBuf,
    /// `.git/info/exclude` and the global excludes file, rooted at `top`.
    repository: Gitignore,
}

impl Rules {
    /// The rules of `root` with the `.gitignore` files of `dirs` (its directories found so far).
    fn load(root: &Path, dirs: &HashSet<PathBuf>) -> Rules {
        let mut per_dir = BTreeMap::new();
        let mut add = |dir: &Path| {
            let file = dir.join(".gitignore");
            if file.is_file() {
                let (matcher, error_opt) = Gitignore::new(&file);
                if let Some(error) = error_opt {
                    warn!(file = %file.display(), %error, "part of a .gitignore cannot be read");
                }
                per_dir.insert(dir.to_owned(), matcher);
            }
        };
        // The parents' files apply too, up to the repository's top.
        let top_opt = root.ancestors().find(|dir| dir.join(".git").exists());
        for dir in root.ancestors().skip(1) {
            if top_opt.is_none_or(|top| !dir.starts_with(top)) {
                break;
            }
            add(dir);
        }
        add(root);
        for dir in dirs {
            add(dir);
        }
        let top = top_opt.unwrap_or(root);
        let mut builder = GitignoreBuilder::new(top);
        for file_opt in [
            Some(top.join(".git/info/exclude")),
            ignore::gitignore::gitconfig_excludes_path(),
        ] {
            if let Some(file) = file_opt.filter(|file| file.is_file()) {
                let _ = builder.add(file);
            }
        }
        let repository = builder.build().unwrap_or_else(|_| Gitignore::empty());
        Rules {
            root: root.to_owned(),
            per_dir,
            top: top.to_owned(),
            repository,
        }
    }

    /// Whether `path` (absolute, inside the project) is ignored.
    pub fn ignores(&self, path: &Path, is_dir: bool) -> bool {
        let Ok(relative) = path.strip_prefix(&self.root) else {
            return true;
        };
        let parts: Vec<&str> = relative
            .components()
            .map(|part| part.as_os_str().to_str().unwrap_or(""))
            .collect();
        if parts.iter().any(|part| ALWAYS_IGNORED.contains(part)) {
            return true;
        }
        if parts.last().is_some_and(|name| is_scratch(name)) {
            return true;
        }
        for dir in path.ancestors().skip(1) {
            if !dir.starts_with(&self.top) {
                break;
            }
            if let Some(matcher) = self.per_dir.get(dir) {
                match matcher.matched_path_or_any_parents(path, is_dir) {
                    Match::Ignore(_) => return true,
                    Match::Whitelist(_) => return false,
                    Match::None => {}
                }
            }
        }
        self.repository
            .matched_path_or_any_parents(path, is_dir)
            .is_ignore()
    }
}

/// An editor's scratch file: a swap file, a backup, a lock, vim's write test.
fn is_scratch(name: &str) -> bool {
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
}

/// The watcher of one project and what it watches.
pub struct Files {
    root: PathBuf,
    watcher: RecommendedWatcher,
    watched: HashSet<PathBuf>,
    rules: Rules,
    overflow: Arc<AtomicBool>,
    warned_limit: bool,
}

impl std::fmt::Debug for Files {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Files")
            .field("root", &self.root)
            .field("watched", &self.watched.len())
            .finish_non_exhaustive()
    }
}

impl Files {
    /// Watches `root` (canonical); its events come out of the receiver. Walks the tree: call it off the
    /// async threads.
    pub fn open(root: &Path) -> Result<(Files, mpsc::Receiver<Event>), String> {
        let (sender, receiver) = mpsc::channel(QUEUE);
        let overflow = Arc::new(AtomicBool::new(false));
        let flag = overflow.clone();
        let watcher = notify::recommended_watcher(move |result: notify::Result<Event>| {
            let event = match result {
                // Reading is not a change; the write that closes a file was seen as its modification.
                Ok(event) if matches!(event.kind, EventKind::Access(_)) => return,
                Ok(event) => event,
                // The watcher lost track (its queue overflowed, say): something changed.
                Err(_) => Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan),
            };
            if sender.try_send(event).is_err() {
                flag.store(true, Ordering::Relaxed);
            }
        })
        .map_err(|error| format!("cannot start a file watcher: {error}"))?;
        let mut files = Files {
            root: root.to_owned(),
            watcher,
            watched: HashSet::new(),
            rules: Rules::load(root, &HashSet::new()),
            overflow,
            warned_limit: false,
        };
        files.rescan();
        Ok((files, receiver))
    }

    /// Directories watched.
    pub fn watched(&self) -> usize {
        self.watched.len()
    }

    /// Whether events were dropped since the last call (the queue was full).
    pub fn take_overflow(&self) -> bool {
        self.overflow.swap(false, Ordering::Relaxed)
    }

    /// Reads the ignore rules again and watches every directory that is not ignored and not yet watched;
    /// forgets those that are gone or now ignored.
    pub fn rescan(&mut self) {
        let dirs = self.walk(&self.root.clone());
        self.rules = Rules::load(&self.root, &dirs);
        let gone: Vec<PathBuf> = self
            .watched
            .iter()
            .filter(|dir| !dirs.contains(*dir))
            .cloned()
            .collect();
        for dir in gone {
            let _ = self.watcher.unwatch(&dir);
            self.watched.remove(&dir);
        }
        for dir in dirs {
            self.watch(dir);
        }
    }

    /// The directories under `top` (itself included) that are not ignored, at most [`MAX_DIRS`] in all.
    fn walk(&self, top: &Path) -> HashSet<PathBuf> {
        let mut dirs = HashSet::new();
        let walk = ignore::WalkBuilder::new(top)
            .hidden(false)
            .parents(true)
            .git_ignore(true)
            .git_exclude(true)
            .git_global(true)
            .require_git(false)
            .ignore(false)
            .follow_links(false)
            .filter_entry(|entry| {
                entry.file_type().is_some_and(|kind| kind.is_dir())
                    && entry
                        .file_name()
                        .to_str()
                        .is_none_or(|name| !ALWAYS_IGNORED.contains(&name))
            })
            .build();
        for entry in walk.flatten() {
            if self.watched.len() + dirs.len() >= MAX_DIRS {
                break;
            }
            dirs.insert(entry.into_path());
        }
        dirs
    }

    fn watch(&mut self, dir: PathBuf) {
        if self.watched.contains(&dir) {
            return;
        }
        if self.watched.len() >= MAX_DIRS {
            if !self.warned_limit {
                self.warned_limit = true;
                warn!(project = %self.root.display(), limit = MAX_DIRS, "the project has more directories than SHIM watches; changes in the others start no build (ignore generated directories in .gitignore)");
            }
            return;
        }
        match self.watcher.watch(&dir, RecursiveMode::NonRecursive) {
            Ok(()) => {
                self.watched.insert(dir);
            }
            Err(error) if matches!(error.kind, notify::ErrorKind::MaxFilesWatch) => {
                if !self.warned_limit {
                    self.warned_limit = true;
                    warn!(project = %self.root.display(), "the system's limit on watched directories is reached; raise it (sysctl fs.inotify.max_user_watches) for SHIM to see every change");
                }
            }
            // Gone already (a directory made and removed at once): nothing to watch.
            Err(_) => {}
        }
    }

    /// What one path of `event` is to the project; a new directory is watched (with what it holds), a
    /// `.gitignore` that changed is read again.
    pub fn see(&mut self, kind: &EventKind, path: &Path) -> Seen {
        let is_dir = path.is_dir();
        if self.rules.ignores(path, is_dir) {
            return Seen::Ignored;
        }
        if matches!(kind, EventKind::Remove(_)) && self.watched.remove(path) {
            // The kernel dropped the watches of a directory removed, and of everything under it.
            let _ = self.watcher.unwatch(path);
            self.watched.retain(|dir| !dir.starts_with(path));
        }
        let appeared = matches!(
            kind,
            EventKind::Create(CreateKind::Folder | CreateKind::Any)
                | EventKind::Modify(ModifyKind::Name(_))
        );
        if is_dir && appeared && !self.watched.contains(path) {
            for dir in self.walk(path) {
                self.watch(dir);
            }
        }
        if path.file_name().is_some_and(|name| name == ".gitignore") {
            self.rescan();
        }
        match path.strip_prefix(&self.root) {
            Ok(relative) if !relative.as_os_str().is_empty() => {
                Seen::Changed(relative.display().to_string())
            }
            // The project directory itself (its mode, say): nothing inside changed.
            _ => Seen::Ignored,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().canonicalize().expect("canonical").join("p");
        for sub in [
            "src/deep",
            "target/debug",
            "node_modules/x",
            ".git/objects",
            "logs",
            "keep",
        ] {
            std::fs::create_dir_all(root.join(sub)).expect("mkdir");
        }
        std::fs::write(root.join(".gitignore"), "/logs\n*.tmp\n!keep.tmp\n").expect("write");
        std::fs::write(root.join("src/.gitignore"), "generated.rs\n").expect("write");
        (dir, root)
    }

    #[test]
    fn ignored_paths_are_those_git_ignores_and_the_usual_build_dirs() {
        let (_dir, root) = project();
        let (files, _events) = Files::open(&root).expect("opens");
        let ignored = |path: &str| files.rules.ignores(&root.join(path), false);
        for path in [
            "target/debug/x",
            "node_modules/x/index.js",
            ".git/HEAD",
            "logs/a.log",
            "a.tmp",
            "src/deep/b.tmp",
            "src/generated.rs",
            "src/deep/generated.rs",
            "src/.lib.rs.swp",
            "src/lib.rs~",
            "4913",
        ] {
            assert!(ignored(path), "{path} is ignored");
        }
        for path in [
            "src/lib.rs",
            "keep.tmp",
            "Cargo.toml",
            "generated.rs",
            ".gitignore",
            "keep/x",
        ] {
            assert!(!ignored(path), "{path} is not ignored");
        }
        // Ignored directories cost no watch.
        let watched: HashSet<PathBuf> = files.watched.clone();
        assert!(watched.contains(&root.join("src/deep")));
        assert!(watched.contains(&root.join("keep")));
        for dir in ["target", "target/debug", "node_modules", ".git", "logs"] {
            assert!(!watched.contains(&root.join(dir)), "{dir} is not watched");
        }
    }

    #[tokio::test]
    async fn a_change_is_seen_and_a_new_directory_is_watched() {
        let (_dir, root) = project();
        let (mut files, mut events) = Files::open(&root).expect("opens");
        std::fs::create_dir_all(root.join("src/new/inner")).expect("mkdir");
        let mut seen = Vec::new();
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
        while !files.watched.contains(&root.join("src/new/inner")) {
            let event = tokio::time::timeout_at(deadline, events.recv())
                .await
                .expect("an event in time")
                .expect("open");
            for path in &event.paths {
                seen.push(files.see(&event.kind, path));
            }
        }
        std::fs::write(root.join("src/new/inner/x.rs"), "").expect("write");
        loop {
            let event = tokio::time::timeout_at(deadline, events.recv())
                .await
                .expect("an event in time")
                .expect("open");
            let found: Vec<Seen> = event
                .paths
                .iter()
                .map(|path| files.see(&event.kind, path))
                .collect();
            if found.contains(&Seen::Changed("src/new/inner/x.rs".to_owned())) {
                break;
            }
        }
        assert!(
            seen.contains(&Seen::Changed("src/new".to_owned())),
            "{seen:?}"
        );
    }
}
