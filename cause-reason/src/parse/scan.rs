//! What the rules scan with: a class for every byte value, and the search for the end of
//! plain quoted text, eight bytes at a time.

/// A `token` character (RFC 3261: letters, digits and `` -.!%*_+`'~ ``).
pub(super) const TOKEN: u8 = 1;
/// What may follow a token: white space (a line fold starts with CR), `;`, `=` or `,`.
pub(super) const AFTER_TOKEN: u8 = 2;
/// What may follow a `cause`'s digits: the same but `=`.
pub(super) const AFTER_CAUSE: u8 = 4;

/// The classes of each byte value, looked up once a byte instead of a chain of comparisons.
const CLASSES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'-' | b'.' | b'!' | b'%' | b'*' | b'_' | b'+' | b'`' | b'\'' | b'~'
            )
        {
            table[b] |= TOKEN;
        }
        if matches!(c, b' ' | b'\t' | b'\r' | b';' | b'=' | b',') {
            table[b] |= AFTER_TOKEN;
        }
        if matches!(c, b' ' | b'\t' | b'\r' | b';' | b',') {
            table[b] |= AFTER_CAUSE;
        }
        b += 1;
    }
    table
};

/// Whether `byte` is in any of `classes`.
#[inline(always)]
pub(super) const fn is(byte: u8, classes: u8) -> bool {
    CLASSES[byte as usize] & classes != 0
}

/// Whether `byte` is a `token` character.
pub(crate) const fn is_token_char(byte: u8) -> bool {
    is(byte, TOKEN)
}

/// A control character other than tab: not allowed in a quoted string.
pub(crate) const fn is_control(byte: u8) -> bool {
    byte.is_ascii_control() && byte != b'\t'
}

/// The end of the run of token characters from `i` (`i` itself if there is none).
#[inline(always)]
pub(super) fn token_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&byte) = bytes.get(i) {
        if !is(byte, TOKEN) {
            break;
        }
        i += 1;
    }
    i
}

/// The end of the run of spaces and tabs from `i`.
#[inline(always)]
pub(super) fn wsp_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t') = bytes.get(i) {
        i += 1;
    }
    i
}

/// Whether a line fold starts at `i`: CRLF followed by a space or tab.
#[inline(always)]
pub(super) fn is_fold(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i..i + 3), Some([b'\r', b'\n', b' ' | b'\t']))
}

/// The offset of the first byte from `i` on that quoted text cannot hold as it is: `"`, `\`
/// or a control character (tab included, which the caller lets pass), or the end of `bytes`.
///
/// Eight bytes at a time: quoted text is most of a `Reason` value's bytes.
pub(super) fn plain_text_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let stops = stop_bytes(u64::from_le_bytes(*chunk));
        if stops != 0 {
            return i + byte_index(stops);
        }
        i += 8;
    }
    let rest = bytes.len() - i;
    if rest == 0 {
        return i;
    }
    // The last `rest` bytes, in the low end of a word whose top bytes are zero: a zero byte
    // is a control character, so the scan stops at the end at the latest.
    let word = match bytes.last_chunk::<8>() {
        Some(last) => u64::from_le_bytes(*last) >> ((8 - rest) * 8),
        None => {
            let mut padded = [0; 8];
            padded[..rest].copy_from_slice(&bytes[i..]);
            u64::from_le_bytes(padded)
        }
    };
    i + byte_index(stop_bytes(word))
}

/// A word whose every byte is 0x01.
const LOW_BITS: u64 = u64::from_le_bytes([0x01; 8]);

/// The high bit of each byte of `word` that is `"`, `\`, below 0x20 or 0x7F: exact for the
/// lowest such byte, the one [`byte_index`] reads (a borrow can mark bytes above it, never
/// below). Bytes from 0x80 up, parts of multi-byte characters, are never marked.
const fn stop_bytes(word: u64) -> u64 {
    /// Bytes below `n`, for `n` at most 0x80: subtracting `n` borrows into the high bit of
    /// a byte below it, and `!word` drops bytes that had the high bit set already.
    const fn below(word: u64, n: u8) -> u64 {
        word.wrapping_sub(LOW_BITS * n as u64) & !word & (LOW_BITS * 0x80)
    }
    const fn equal(word: u64, byte: u8) -> u64 {
        below(word ^ (LOW_BITS * byte as u64), 1)
    }
    below(word, 0x20) | equal(word, b'"') | equal(word, b'\\') | equal(word, 0x7F)
}

/// The index of the lowest byte whose high bit `marks` sets.
fn byte_index(marks: u64) -> usize {
    (marks.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::{AFTER_CAUSE, AFTER_TOKEN, TOKEN, byte_index, is, plain_text_end, stop_bytes};

    /// What `plain_text_end` must find, a byte at a time.
    fn is_stop(byte: u8) -> bool {
        byte == b'"' || byte == b'\\' || byte < 0x20 || byte == 0x7F
    }

    /// The table against the grammar's sets, written out as comparisons.
    #[test]
    fn every_byte_is_in_its_classes() {
        for byte in 0..=255u8 {
            let token = byte.is_ascii_alphanumeric() || b"-.!%*_+`'~".contains(&byte);
            assert_eq!(is(byte, TOKEN), token, "{byte:#04x}");
            let after_cause = b" \t\r;,".contains(&byte);
            assert_eq!(is(byte, AFTER_CAUSE), after_cause, "{byte:#04x}");
            assert_eq!(
                is(byte, AFTER_TOKEN),
                after_cause || byte == b'=',
                "{byte:#04x}"
            );
        }
    }

    /// Every byte value at every position of a word, after plain bytes and before arbitrary
    /// ones (stops included, so a borrow above the first stop cannot hide behind it).
    #[test]
    fn the_first_stop_byte_of_a_word_is_found_exactly() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for position in 0..8 {
            for byte in 0..=255u8 {
                for _ in 0..16 {
                    // xorshift: varied bytes after `position`.
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let mut word = seed.to_le_bytes();
                    word[..position].fill(b'a');
                    word[position] = byte;
                    let expected = word.iter().position(|&b| is_stop(b)).unwrap_or(8);
                    let found = match stop_bytes(u64::from_le_bytes(word)) {
                        0 => 8,
                        marks => byte_index(marks),
                    };
                    assert_eq!(found, expected, "{word:02x?}");
                }
            }
        }
    }

    /// Slices of every length up to 20, with a stop at every offset or none: the whole
    /// words, the last partial one, and inputs shorter than a word.
    #[test]
    fn the_scan_stops_at_the_first_stop_or_the_end() {
        for len in 0..20 {
            for start in 0..=len {
                for stop in start..=len {
                    let mut buffer = [b'x'; 20];
                    let bytes = &mut buffer[..len];
                    bytes
                        .iter_mut()
                        .skip(start)
                        .step_by(3)
                        .for_each(|b| *b = 0xC3);
                    if stop < len {
                        bytes[stop] = b'"';
                    }
                    assert_eq!(plain_text_end(bytes, start), stop, "{bytes:?} from {start}");
                }
            }
        }
    }
}
