//! Lower-case hexadecimal text of bytes: generated passwords, digests used as keys and file names.

use sha2::{Digest, Sha256};

/// `bytes` as lower-case hex, two characters a byte.
pub fn hex(bytes: impl AsRef<[u8]>) -> String {
    const_hex::encode(bytes)
}

/// The SHA-256 of `bytes`, as lower-case hex (64 characters).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_and_digests_read_as_lower_case_hex() {
        assert_eq!(hex([0x00, 0x0f, 0xab]), "000fab");
        // SHA-256 of "abc", from FIPS 180-2.
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
