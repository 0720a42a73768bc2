//! The rule for a chat's project directory: an existing directory, given as an absolute path, owned by the
//! user the node runs as. The node reads git state from it at every checkpoint, so a request must not be able
//! to point the node at a repository that is not its user's (another user's home, a system directory).

use std::{os::unix::fs::MetadataExt, path::Path};

use shim_protocol::WireError;

/// Why a directory cannot be a chat's project directory. Each names the directory by its first 256
/// characters (`shown`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectDirError {
    /// A relative path.
    #[error("project_dir {shown:?} is not an absolute path")]
    NotAbsolute {
        /// The directory as shown.
        shown: String,
    },
    /// Nothing there, or not a directory.
    #[error("project_dir {shown:?} is not an existing directory")]
    NotADirectory {
        /// The directory as shown.
        shown: String,
    },
    /// Another user's directory.
    #[error("project_dir {shown:?} is owned by uid {owner}, not by uid {me} this node runs as")]
    NotOwned {
        /// The directory as shown.
        shown: String,
        /// The uid that owns it.
        owner: u32,
        /// The uid the node runs as.
        me: u32,
    },
}

impl From<ProjectDirError> for WireError {
    fn from(error: ProjectDirError) -> Self {
        WireError::bad_request(error.to_string())
    }
}

/// Checks `dir` against the rule; symbolic links are followed, so the directory they lead to is what counts.
pub fn check(dir: &str) -> Result<(), ProjectDirError> {
    let shown: String = dir.chars().take(256).collect();
    if !Path::new(dir).is_absolute() {
        return Err(ProjectDirError::NotAbsolute { shown });
    }
    let Some(metadata) = std::fs::metadata(dir)
        .ok()
        .filter(std::fs::Metadata::is_dir)
    else {
        return Err(ProjectDirError::NotADirectory { shown });
    };
    let me = nix::unistd::geteuid().as_raw();
    if metadata.uid() != me {
        return Err(ProjectDirError::NotOwned {
            shown,
            owner: metadata.uid(),
            me,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_existing_own_absolute_directories_pass() {
        let own = tempfile::tempdir().expect("temp dir");
        let path = own.path().display().to_string();
        assert!(check(&path).is_ok());
        let file = own.path().join("file");
        std::fs::write(&file, "x").expect("write");
        assert!(matches!(
            check("relative/dir"),
            Err(ProjectDirError::NotAbsolute { .. })
        ));
        for bad in [
            own.path().join("missing").display().to_string(),
            file.display().to_string(),
        ] {
            assert!(
                matches!(check(&bad), Err(ProjectDirError::NotADirectory { .. })),
                "{bad}"
            );
        }
    }

    /// Each refusal reaches the wire as the bad request it was before it got a type of its own.
    #[test]
    fn each_error_reaches_the_wire_as_before() {
        let wire = |error: ProjectDirError| WireError::from(error);
        assert_eq!(
            wire(ProjectDirError::NotAbsolute {
                shown: "rel/dir".to_owned()
            }),
            WireError::bad_request("project_dir \"rel/dir\" is not an absolute path")
        );
        assert_eq!(
            wire(ProjectDirError::NotADirectory {
                shown: "/nope".to_owned()
            }),
            WireError::bad_request("project_dir \"/nope\" is not an existing directory")
        );
        assert_eq!(
            wire(ProjectDirError::NotOwned {
                shown: "/root".to_owned(),
                owner: 0,
                me: 1000
            }),
            WireError::bad_request(
                "project_dir \"/root\" is owned by uid 0, not by uid 1000 this node runs as"
            )
        );
    }
}
