//! The weights file: `SHIMRTM1`, the header's length (u32, little-endian), the header (JSON), then the
//! weights (f32, little-endian, `rows x 3`), then the trees' nodes when the header names trees (each an i16
//! input, -1 for a leaf, and an f32 threshold or leaf value, little-endian).

use serde::{Deserialize, Serialize};

use super::{
    Classifier,
    features::{FeatureConfig, STRUCTURAL},
    trees::{INPUTS, Node, TreeParams, Trees},
};

/// The file's first bytes.
pub const MAGIC: &[u8; 8] = b"SHIMRTM1";

/// The header's format version.
pub const FORMAT_VERSION: u32 = 2;

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
    /// The second stage, when there is one: how its trees were grown and where they start (their nodes follow
    /// the weights).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trees: Option<TreesHeader>,
}

/// What the header says of the trees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreesHeader {
    /// How they were grown (chosen by cross-validation).
    pub params: TreeParams,
    /// The starting logits.
    pub base: [f64; 3],
    /// The hash buckets of the prose words the trees read, ascending (none in a file written before trees
    /// read words).
    #[serde(default)]
    pub words: Vec<u32>,
}

/// Bytes of one tree node in the file.
const NODE_BYTES: usize = 6;

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
        let nodes = match &header.trees {
            Some(trees) => {
                let params = trees.params;
                if !params.is_sound()
                    || trees.words.len() > params.words
                    || !trees.words.windows(2).all(|pair| pair[0] < pair[1])
                    || trees
                        .words
                        .iter()
                        .any(|bucket| *bucket as usize >= header.features.buckets())
                {
                    return Err(malformed("trees out of range"));
                }
                params.rounds * 3 * Trees::nodes_per_tree(params.depth)
            }
            None => 0,
        };
        if weight_bytes.len() != expected * 4 + nodes * NODE_BYTES {
            return Err(malformed(format!(
                "{} weight bytes, expected {}",
                weight_bytes.len(),
                expected * 4 + nodes * NODE_BYTES
            )));
        }
        let (weight_bytes, node_bytes) = weight_bytes.split_at(expected * 4);
        let weights: Vec<f32> = weight_bytes
            .chunks_exact(4)
            .map(|chunk| f32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]))
            .collect();
        if !weights.iter().all(|weight| weight.is_finite()) {
            return Err(malformed("a weight is not a finite number"));
        }
        let trees = match &header.trees {
            Some(shape) => {
                let mut parsed = Vec::with_capacity(nodes);
                for chunk in node_bytes.chunks_exact(NODE_BYTES) {
                    let feature = i16::from_le_bytes([chunk[0], chunk[1]]);
                    if feature < -1 || feature as i32 >= (INPUTS + shape.words.len()) as i32 {
                        return Err(malformed(format!("a tree node reads input {feature}")));
                    }
                    let value = f32::from_le_bytes([chunk[2], chunk[3], chunk[4], chunk[5]]);
                    if !value.is_finite() {
                        return Err(malformed("a tree node's value is not a finite number"));
                    }
                    parsed.push(Node { feature, value });
                }
                Some(Trees {
                    params: shape.params,
                    base: shape.base,
                    words: shape.words.clone(),
                    nodes: parsed,
                })
            }
            None => None,
        };
        Ok(Classifier {
            header,
            weights,
            trees,
        })
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
        for node in self.trees.iter().flat_map(|trees| &trees.nodes) {
            bytes.extend_from_slice(&node.feature.to_le_bytes());
            bytes.extend_from_slice(&node.value.to_le_bytes());
        }
        bytes
    }
}
