//! The rule for a chat's project directory: an existing directory, given as an absolute path, owned by the
//! user the node runs as. The node reads git state from it at every checkpoint, so a request must not be able
//! to point the node at a repository that is not its user's (another user's home, a system directory).

use std::{os::unix::fs::MetadataExt, path::Path};

use shim_protocol::{WireError, WireResult};

/// Checks `dir` against the rule; symbolic links are followed, so the directory they lead to is what counts.
pub fn check(dir: &str) -> WireResult<()> {
    let shown: String = dir.chars().take(256).collect();
    if !Path::new(dir).is_absolute() {
        return Err(WireError::bad_request(format!(
            "project_dir {shown:?} is not an absolute path"
        )));
    }
    let metadata = std::fs::metadata(dir)
        .ok()
        .filter(std::fs::Metadata::is_dir)
        .ok_or_else(|| {
            WireError::bad_request(format!(
                "project_dir {shown:?} is not an existing directory"
            ))
        })?;
    let me = nix::unistd::geteuid().as_raw();
    if metadata.uid() != me {
        return Err(WireError::bad_request(format!(
            "project_dir {shown:?} is owned by uid {}, not by uid {me} this node runs as",
            metadata.uid()
        )));
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
        for bad in [
            "relative/dir".to_owned(),
            own.path().join("missing").display().to_string(),
            file.display().to_string(),
        ] {
            assert!(
                matches!(check(&bad), Err(WireError::BadRequest { .. })),
                "{bad}"
            );
        }
    }
}
