//! The weights file: `SHIMRTM1`, the header's length (u32, little-endian), the header (JSON), then the
//! weights (f32, little-endian, `rows x 3`).

use serde::{Deserialize, Serialize};

use super::{
    Classifier,
    features::{FeatureConfig, STRUCTURAL},
};

/// The file's first bytes.
pub const MAGIC: &[u8; 8] = b"SHIMRTM1";

/// The header's format version.
pub const FORMAT_VERSION: u32 = 1;

/// Largest header accepted, in bytes.
const MAX_HEADER: usize = 1 << 20;

/// What a weights file says about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The training seed (fold assignment).
    pub seed: u64,
    /// The features (hyper-parameters chosen by cross-validation).
    pub features: FeatureConfig,
    /// The L2 penalty (chosen by cross-validation).
    pub l2: f64,
    /// Temperature the logits are divided by (fitted on validation).
    pub temperature: f64,
    /// The decision rule: haiku when P(sonnet or opus) <= thresholds[0], else sonnet when P(opus) <=
    /// thresholds[1], else opus (chosen on validation).
    pub thresholds: [f64; 2],
    /// Means of the structural features on the training rows.
    pub structural_mean: Vec<f64>,
    /// Standard deviations of the structural features on the training rows.
    pub structural_std: Vec<f64>,
    /// SHA-256 (hex) of the corpus rows trained and validated on.
    pub corpus_sha256: String,
    /// Rows trained on.
    pub train_rows: usize,
    /// Rows the temperature and decision rule were chosen on.
    pub validation_rows: usize,
    /// What training measured (cross-validation, calibration), for the record.
    pub training: serde_json::Value,
}

impl Header {
    /// A structural feature's value standardised with the training rows' mean and deviation.
    pub fn standardise(&self, index: usize, value: f64) -> f64 {
        let mean = self.structural_mean.get(index).copied().unwrap_or(0.0);
        let deviation = self.structural_std.get(index).copied().unwrap_or(1.0);
        if deviation > 0.0 {
            (value - mean) / deviation
        } else {
            0.0
        }
    }
}

/// Why a weights file does not load.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ModelError {
    /// Not a weights file, or cut short.
    #[error("not a routing model: {reason}")]
    Malformed {
        /// What is wrong.
        reason: String,
    },
    /// Written by another format version.
    #[error("routing model format {found} is not {FORMAT_VERSION}")]
    Version {
        /// The version found.
        found: u32,
    },
}

fn malformed(reason: impl Into<String>) -> ModelError {
    ModelError::Malformed {
        reason: reason.into(),
    }
}

impl Classifier {
    /// Parses a weights file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Classifier, ModelError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| malformed("no magic bytes"))?;
        let (length, rest) = rest
            .split_first_chunk::<4>()
            .ok_or_else(|| malformed("no header length"))?;
        let length = u32::from_le_bytes(*length) as usize;
        if length > MAX_HEADER || length > rest.len() {
            return Err(malformed(format!("header length {length} out of range")));
        }
        let (header_bytes, weight_bytes) = rest.split_at(length);
        let header: Header = serde_json::from_slice(header_bytes)
            .map_err(|error| malformed(format!("header: {error}")))?;
        if header.format_version != FORMAT_VERSION {
            return Err(ModelError::Version {
                found: header.format_version,
            });
        }
        if !(10..=20).contains(&header.features.buckets_log2)
            || header.structural_mean.len() != STRUCTURAL
            || header.structural_std.len() != STRUCTURAL
            || header.temperature.is_nan()
            || header.temperature <= 0.0
        {
            return Err(malformed("header values out of range"));
        }
        let expected = header.features.rows() * 3;
        if weight_bytes.len() != expected * 4 {
            return Err(malformed(format!(
                "{} weight bytes, expected {}",
                weight_bytes.len(),
                expected * 4
            )));
        }
        let weights = weight_bytes
            .chunks_exact(4)
            .map(|chunk| f32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]))
            .collect();
        Ok(Classifier { header, weights })
    }

    /// Writes the weights file.
    pub fn to_bytes(&self) -> Vec<u8> {
        // A header of plain numbers and strings always serialises.
        let header = serde_json::to_vec_pretty(&self.header).unwrap_or_default();
        let mut bytes = Vec::with_capacity(12 + header.len() + self.weights.len() * 4);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&(header.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&header);
        for weight in &self.weights {
            bytes.extend_from_slice(&weight.to_le_bytes());
        }
        bytes
    }
}
