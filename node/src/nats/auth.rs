//! Who a SHIM process is to NATS, and how it checks the server: the embedded server's credentials, generated
//! at first start, or a shared server's user and password, nkey or `.creds` file, and TLS.
//!
//! Every SHIM process (the node, `shim-node mcp`, hooks, the status line, the CLI) reads the same settings
//! ([`NatsAuth::of`]), so a node and its clients always present the same identity.

use std::{
    fmt,
    path::{Path, PathBuf},
};

use anyhow::Context;
use async_nats::ConnectOptions;
use rand::RngCore;
use serde::{Deserialize, Serialize};

use crate::{
    config::Config,
    data_dir::{DataDir, private_dir, write_private_once},
    embedded::NatsEndpoint,
};

/// The user the embedded server knows SHIM's processes by.
pub const EMBEDDED_USER: &str = "shim";

/// A secret string: deserialized like a string, never printed by `Debug`.
#[derive(Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps `value`.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret itself, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("Secret(..)")
    }
}

/// How a process proves who it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Credentials {
    /// Nothing: a server without authentication.
    #[default]
    None,
    /// A user and password (`nats_user`, `nats_password`; the embedded server's own).
    UserPassword {
        /// The user.
        user: String,
        /// Its password.
        password: Secret,
    },
    /// An nkey seed, read from a file (`nats_nkey`).
    NKey {
        /// The file holding the seed (`SU...`).
        seed_file: PathBuf,
    },
    /// A `.creds` file holding a user JWT and its nkey seed (`nats_creds`), as NATS' `nsc` writes them.
    CredsFile(PathBuf),
}

/// The TLS files of a connection; a CA makes TLS required.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlsFiles {
    /// The CA certificate(s) (PEM) the server's certificate must chain to (`nats_tls_ca`).
    pub ca_opt: Option<PathBuf>,
    /// This client's certificate (PEM), for a server that verifies clients (`nats_tls_cert`).
    pub cert_opt: Option<PathBuf>,
    /// The key of `cert_opt` (PEM) (`nats_tls_key`).
    pub key_opt: Option<PathBuf>,
}

/// What a SHIM process presents when it connects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NatsAuth {
    /// Who it is.
    pub credentials: Credentials,
    /// How it checks the server, and proves itself by certificate.
    pub tls: TlsFiles,
    /// The prefix of its reply subjects: `_INBOX_<node id>`, so that a shared server's permissions can let
    /// each node read only its own replies (docs/security.md).
    pub inbox_prefix_opt: Option<String>,
}

impl NatsAuth {
    /// No credentials, no TLS, the default reply subjects: for a server of one's own, in tests.
    pub fn none() -> NatsAuth {
        NatsAuth::default()
    }

    /// The settings of `config`: the credentials it names; else, for the embedded default (a single server
    /// on this machine), the credentials the node generated under its data dir, when there are some.
    pub fn of(config: &Config) -> anyhow::Result<NatsAuth> {
        let credentials = match config.named_credentials()? {
            Some(credentials) => credentials,
            None if embedded_default(config) => {
                let data_dir = DataDir::new(&config.data_dir);
                match EmbeddedCredentials::load(&data_dir)? {
                    Some(embedded) => embedded.credentials(),
                    None => Credentials::None,
                }
            }
            None => Credentials::None,
        };
        Ok(NatsAuth {
            credentials,
            tls: TlsFiles {
                ca_opt: config.nats_tls_ca.clone(),
                cert_opt: config.nats_tls_cert.clone(),
                key_opt: config.nats_tls_key.clone(),
            },
            inbox_prefix_opt: Some(shim_protocol::subject::inbox_prefix(&config.node_id)),
        })
    }

    /// Adds these settings to `options`.
    pub(crate) async fn apply(
        &self,
        mut options: ConnectOptions,
    ) -> Result<ConnectOptions, async_nats::ConnectError> {
        let io = |error: std::io::Error, what: &str, path: &Path| {
            async_nats::ConnectError::with_source(
                async_nats::ConnectErrorKind::Io,
                std::io::Error::new(
                    error.kind(),
                    format!("cannot read the {what} {}: {error}", path.display()),
                ),
            )
        };
        options = match &self.credentials {
            Credentials::None => options,
            Credentials::UserPassword { user, password } => {
                options.user_and_password(user.clone(), password.expose().to_owned())
            }
            Credentials::NKey { seed_file } => {
                let seed = std::fs::read_to_string(seed_file)
                    .map_err(|error| io(error, "nkey seed file", seed_file))?;
                options.nkey(seed.trim().to_owned())
            }
            Credentials::CredsFile(path) => options
                .credentials_file(path)
                .await
                .map_err(|error| io(error, "credentials file", path))?,
        };
        if let Some(ca) = &self.tls.ca_opt {
            options = options.add_root_certificates(ca.clone()).require_tls(true);
        }
        if let (Some(cert), Some(key)) = (&self.tls.cert_opt, &self.tls.key_opt) {
            options = options.add_client_certificate(cert.clone(), key.clone());
        }
        if let Some(prefix) = &self.inbox_prefix_opt {
            options = options.custom_inbox_prefix(prefix);
        }
        Ok(options)
    }
}

/// True when `config` uses the embedded default: a single server on this machine that the node may start.
fn embedded_default(config: &Config) -> bool {
    config.embedded_nats && matches!(NatsEndpoint::embeddable(&config.nats_url), Ok(Some(_)))
}

/// The embedded server's credentials, in `<data dir>/nats/auth.toml` (0600): generated by the first node
/// that starts the server, read by every SHIM process of the user.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EmbeddedCredentials {
    /// The user ([`EMBEDDED_USER`]).
    pub user: String,
    /// 256 random bits, hex.
    pub password: Secret,
}

impl EmbeddedCredentials {
    /// Where they are kept.
    pub fn path(data_dir: &DataDir) -> PathBuf {
        data_dir.nats_dir().join("auth.toml")
    }

    /// Reads them, if a node has made them.
    pub fn load(data_dir: &DataDir) -> anyhow::Result<Option<EmbeddedCredentials>> {
        let path = EmbeddedCredentials::path(data_dir);
        match std::fs::read_to_string(&path) {
            // The parser's message quotes the line it stopped at, which may hold the password: not repeated.
            Ok(text) => toml::from_str(&text).map(Some).map_err(|_| {
                anyhow::anyhow!(
                    "{} is damaged; delete it and restart shim-node, which makes new credentials",
                    path.display()
                )
            }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    /// Reads them, or makes them when there are none (0600, written whole or not at all: two processes that
    /// race both end up with the one that was written first).
    pub fn load_or_create(data_dir: &DataDir) -> anyhow::Result<EmbeddedCredentials> {
        if let Some(existing) = EmbeddedCredentials::load(data_dir)? {
            return Ok(existing);
        }
        let dir = data_dir.nats_dir();
        private_dir(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let made = EmbeddedCredentials {
            user: EMBEDDED_USER.to_owned(),
            password: Secret::new(crate::hex::hex(bytes)),
        };
        let text = format!(
            "# Made by shim-node at its first start: what every SHIM process of this user presents to the NATS\n\
             # server the node starts itself. Keep it private (0600); delete it and restart the node for new ones.\n{}",
            toml::to_string(&made).context("credentials serialise")?
        );
        let path = EmbeddedCredentials::path(data_dir);
        if write_private_once(&path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?
        {
            return Ok(made);
        }
        // Another process made them first: theirs stand.
        EmbeddedCredentials::load(data_dir)?
            .with_context(|| format!("{} vanished while being read", path.display()))
    }

    /// As connection credentials.
    pub fn credentials(&self) -> Credentials {
        Credentials::UserPassword {
            user: self.user.clone(),
            password: self.password.clone(),
        }
    }

    /// The embedded server's configuration: the settings in `include` (a path relative to the directory the
    /// result is written to), then the only user it accepts.
    pub fn server_conf(&self, include: &str) -> String {
        format!(
            "# Written by shim-node each time it starts its nats-server: SHIM's settings, then the one user\n\
             # the server accepts, whose credentials are in auth.toml beside this file.\n\
             include {include:?}\n\n\
             authorization {{\n  user: {:?}\n  password: {:?}\n}}\n",
            self.user,
            self.password.expose()
        )
    }
}

/// `path` as a path relative to `dir` (both absolute), the way `nats-server`'s `include` takes it: up to the
/// root, then down.
pub fn relative_to(dir: &Path, path: &Path) -> String {
    let ups = dir.components().count().saturating_sub(1);
    let down = path.strip_prefix("/").unwrap_or(path);
    format!("{}{}", "../".repeat(ups), down.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_never_printed() {
        let secret = Secret::new("hunter2hunter2");
        assert_eq!(format!("{secret:?}"), "Secret(..)");
        let credentials = Credentials::UserPassword {
            user: "shim".to_owned(),
            password: secret,
        };
        assert!(!format!("{credentials:?}").contains("hunter2"));
    }

    #[test]
    fn credentials_are_made_once_private_and_read_back() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let data_dir = DataDir::new(dir.path());
        assert_eq!(EmbeddedCredentials::load(&data_dir).expect("reads"), None);
        let made = EmbeddedCredentials::load_or_create(&data_dir).expect("made");
        assert_eq!(made.user, EMBEDDED_USER);
        assert_eq!(made.password.expose().len(), 64);
        let again = EmbeddedCredentials::load_or_create(&data_dir).expect("read");
        assert_eq!(again, made, "made once, then read");
        let mode = std::fs::metadata(EmbeddedCredentials::path(&data_dir))
            .expect("written")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let other = tempfile::tempdir().expect("temp dir");
        let theirs =
            EmbeddedCredentials::load_or_create(&DataDir::new(other.path())).expect("made");
        assert_ne!(theirs.password, made.password, "random per data dir");
    }

    #[test]
    fn a_damaged_file_says_how_to_mend_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data_dir = DataDir::new(dir.path());
        private_dir(&data_dir.nats_dir()).expect("dir");
        // Cut short mid-password (a write that stopped): the error must not repeat the line.
        std::fs::write(
            EmbeddedCredentials::path(&data_dir),
            "user = \"shim\"\npassword = \"02f968d7aa5e61\n",
        )
        .expect("written");
        let error = format!(
            "{:#}",
            EmbeddedCredentials::load(&data_dir).expect_err("damaged")
        );
        assert!(error.contains("delete it and restart shim-node"), "{error}");
        assert!(
            !error.contains("02f968d7"),
            "the password is not shown: {error}"
        );
    }

    #[test]
    fn an_include_is_relative_to_the_conf_that_includes_it() {
        assert_eq!(
            relative_to(
                Path::new("/home/ada/.local/share/shim/nats"),
                Path::new("/etc/shim/nats.conf")
            ),
            "../../../../../../etc/shim/nats.conf"
        );
    }
}
