//! Evidence for an incident record: photos, stripped of everything but the picture before
//! they are kept.
//!
//! A phone's photo carries where it was taken (GPS), when, with which phone, and often a
//! thumbnail, an editing history (XMP) and comments. Any of it can identify the person who
//! took it. [`strip`] keeps only what a viewer needs to draw the picture, and refuses what it
//! cannot strip: a format it does not know is never stored "as is".
//!
//! JPEG, PNG and WebP are read with `img-parts`. Videos are refused: no maintained Rust crate
//! rewrites MP4 or WebM containers, whose metadata (GPS in `udta`, XMP in `uuid` boxes,
//! per-track tags) can sit anywhere, so they cannot be stripped reliably here.

use img_parts::Bytes;
use img_parts::jpeg::{Jpeg, JpegSegment, markers};
use img_parts::png::{Png, PngChunk};
use img_parts::riff::RiffContent;
use img_parts::webp::WebP;
use sha2::{Digest, Sha256};
use thiserror::Error;

/// Largest photo accepted, in bytes.
pub const FILE_MAX: usize = 8 * 1024 * 1024;
/// Largest total of photos on one record, in bytes.
pub const RECORD_MAX: usize = 40 * 1024 * 1024;
/// Most photos on one record.
pub const FILES_MAX: usize = 20;

/// Why a file was refused. Each variant's code is also its translation key.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than the limit")]
    TooLarge,
    #[error("the record has no room for more files")]
    RecordFull,
    /// A video: refused, since its metadata cannot be stripped reliably.
    #[error("videos cannot be stripped of metadata and are refused")]
    Video,
    /// Neither JPEG, PNG nor WebP (HEIC, GIF, PDF, ...).
    #[error("this kind of file cannot be stripped of metadata")]
    Unsupported,
    /// It claims to be an image and is not a whole one.
    #[error("the image is damaged or incomplete")]
    Broken,
}

impl EvidenceError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            EvidenceError::Empty => "evidence-empty",
            EvidenceError::TooLarge => "evidence-too-large",
            EvidenceError::RecordFull => "evidence-record-full",
            EvidenceError::Video => "evidence-video",
            EvidenceError::Unsupported => "evidence-unsupported",
            EvidenceError::Broken => "evidence-broken",
        }
    }
}

/// The image formats that can be stripped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Jpeg,
    Png,
    WebP,
}

impl ImageFormat {
    /// The media type a download is served with.
    pub fn media_type(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Png => "image/png",
            ImageFormat::WebP => "image/webp",
        }
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Png => "png",
            ImageFormat::WebP => "webp",
        }
    }

    /// Reads a media type as stored.
    pub fn from_media_type(media_type: &str) -> Option<Self> {
        [ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::WebP]
            .into_iter()
            .find(|f| f.media_type() == media_type)
    }
}

/// A photo ready to keep: the stripped bytes and their SHA-256 (the chain of custody).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stripped {
    pub format: ImageFormat,
    pub bytes: Vec<u8>,
    /// SHA-256 of `bytes`, lowercase hex.
    pub sha256: String,
}

/// SHA-256 of some bytes, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Strips every piece of metadata from an uploaded image, or says why it cannot.
/// The format is read from the bytes, never from the name or the type the browser gave.
pub fn strip(upload: &[u8]) -> Result<Stripped, EvidenceError> {
    if upload.is_empty() {
        return Err(EvidenceError::Empty);
    }
    if upload.len() > FILE_MAX {
        return Err(EvidenceError::TooLarge);
    }
    let (format, bytes) = match sniff(upload)? {
        ImageFormat::Jpeg => (ImageFormat::Jpeg, strip_jpeg(upload)?),
        ImageFormat::Png => (ImageFormat::Png, strip_png(upload)?),
        ImageFormat::WebP => (ImageFormat::WebP, strip_webp(upload)?),
    };
    Ok(Stripped {
        format,
        sha256: sha256_hex(&bytes),
        bytes,
    })
}

/// The format from the file's first bytes; videos and other containers are named as such.
fn sniff(b: &[u8]) -> Result<ImageFormat, EvidenceError> {
    if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(ImageFormat::Jpeg);
    }
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(ImageFormat::Png);
    }
    if b.len() >= 12 && &b[..4] == b"RIFF" {
        return match &b[8..12] {
            b"WEBP" => Ok(ImageFormat::WebP),
            b"AVI " => Err(EvidenceError::Video),
            _ => Err(EvidenceError::Unsupported),
        };
    }
    // ISO base media (MP4, MOV, 3GP) has `ftyp` at offset 4; HEIC and AVIF are images in the
    // same container, which cannot be stripped here either.
    if b.len() >= 12 && &b[4..8] == b"ftyp" {
        return match &b[8..12] {
            b"heic" | b"heix" | b"hevc" | b"mif1" | b"msf1" | b"avif" | b"avis" => {
                Err(EvidenceError::Unsupported)
            }
            _ => Err(EvidenceError::Video),
        };
    }
    // Matroska and WebM.
    if b.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return Err(EvidenceError::Video);
    }
    Err(EvidenceError::Unsupported)
}

/// Markers before the first scan that carry no picture: every application segment
/// (JFIF, EXIF and XMP in APP1, ICC and MPF in APP2, IPTC in APP13, ...) and comments.
fn is_metadata(marker: u8) -> bool {
    (markers::APP0..=markers::APP15).contains(&marker) || marker == markers::COM
}

/// Adobe's APP14 segment says how colours are coded (needed for CMYK images) and nothing
/// else: 5 bytes of name and 7 of flags. Any other APP14 goes.
fn is_adobe_transform(segment: &JpegSegment) -> bool {
    segment.marker() == markers::APP14
        && segment.contents().len() == 12
        && segment.contents().starts_with(b"Adobe")
}

fn strip_jpeg(upload: &[u8]) -> Result<Vec<u8>, EvidenceError> {
    let jpeg =
        Jpeg::from_bytes(Bytes::copy_from_slice(upload)).map_err(|_| EvidenceError::Broken)?;
    let mut segments: Vec<JpegSegment> = Vec::with_capacity(jpeg.segments().len());
    let mut frame = false;
    let mut scanned = false;
    for segment in jpeg.segments() {
        let marker = segment.marker();
        if is_metadata(marker) && !is_adobe_transform(segment) {
            continue;
        }
        frame |= is_frame(marker);
        if marker == markers::SOS {
            // img-parts keeps everything after the first scan's header as its "entropy":
            // later scans, tables, segments between scans, and whatever follows the end of
            // the image. Walk it ourselves.
            let rest = scan_data(&entropy_of(segment))?;
            segments.push(JpegSegment::new_with_entropy(
                marker,
                segment.contents().clone(),
                Bytes::from(rest),
            ));
            scanned = true;
            break;
        }
        segments.push(segment.clone());
    }
    if !frame || !scanned {
        return Err(EvidenceError::Broken);
    }
    let mut rebuilt = Jpeg::from_bytes(Bytes::from_static(&[0xFF, 0xD8, 0xFF, 0xD9]))
        .map_err(|_| EvidenceError::Broken)?;
    *rebuilt.segments_mut() = segments;
    Ok(rebuilt.encoder().bytes().to_vec())
}

/// The bytes img-parts read after the first scan's header (it has no getter for them): the
/// segment encoded is its marker, length and header, then those bytes.
fn entropy_of(sos: &JpegSegment) -> Vec<u8> {
    let mut encoded = Vec::with_capacity(sos.len_with_entropy());
    for piece in sos.clone().encoder() {
        encoded.extend_from_slice(&piece);
    }
    encoded.split_off(sos.len())
}

/// Whether a marker starts a frame (SOF0..SOF15, without DHT, JPG and DAC).
fn is_frame(marker: u8) -> bool {
    (markers::SOF0..=markers::SOF15).contains(&marker)
        && ![markers::DHT, markers::JPG, markers::DAC].contains(&marker)
}

/// The coded picture from the first scan to the end-of-image marker: scans, restart markers
/// and the tables between progressive scans are kept; application segments and comments
/// between scans, and anything after the end of the image (a second picture, a maker's
/// trailer), go. Without an end-of-image marker the image is incomplete.
fn scan_data(tail: &[u8]) -> Result<Vec<u8>, EvidenceError> {
    let mut out = Vec::with_capacity(tail.len());
    let mut i = 0;
    while i < tail.len() {
        let byte = tail[i];
        if byte != 0xFF {
            out.push(byte);
            i += 1;
            continue;
        }
        let Some(&marker) = tail.get(i + 1) else {
            return Err(EvidenceError::Broken);
        };
        match marker {
            // A stuffed 0xFF in coded data, or a restart marker: part of the scan.
            0x00 | markers::RST0..=markers::RST7 => {
                out.extend_from_slice(&[0xFF, marker]);
                i += 2;
            }
            // Fill bytes before a marker.
            0xFF => i += 1,
            markers::EOI => {
                out.extend_from_slice(&[0xFF, markers::EOI]);
                return Ok(out);
            }
            _ => {
                let length = tail
                    .get(i + 2..i + 4)
                    .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
                    .filter(|l| *l >= 2)
                    .ok_or(EvidenceError::Broken)?;
                let end = i + 2 + length;
                if end > tail.len() {
                    return Err(EvidenceError::Broken);
                }
                if !is_metadata(marker) {
                    out.extend_from_slice(&tail[i..end]);
                }
                i = end;
            }
        }
    }
    Err(EvidenceError::Broken)
}

/// PNG chunks a viewer needs to draw the picture (colours, transparency, animation); all the
/// others (text, EXIF, ICC profiles, times, and any chunk this list does not know) go.
const PNG_KEEP: [&[u8; 4]; 14] = [
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"sRGB", b"sBIT", b"bKGD",
    b"pHYs", b"acTL", b"fcTL", b"fdAT",
];

fn strip_png(upload: &[u8]) -> Result<Vec<u8>, EvidenceError> {
    let mut png =
        Png::from_bytes(Bytes::copy_from_slice(upload)).map_err(|_| EvidenceError::Broken)?;
    let chunks = png.chunks();
    let whole = chunks.first().is_some_and(|c| &c.kind() == b"IHDR")
        && chunks.last().is_some_and(|c| &c.kind() == b"IEND")
        && chunks.iter().any(|c| &c.kind() == b"IDAT");
    if !whole {
        return Err(EvidenceError::Broken);
    }
    let kept: Vec<PngChunk> = chunks
        .iter()
        .filter(|c| PNG_KEEP.contains(&&c.kind()))
        .cloned()
        .collect();
    *png.chunks_mut() = kept;
    Ok(png.encoder().bytes().to_vec())
}

/// WebP chunks of the picture; EXIF, XMP, ICC and unknown chunks go.
const WEBP_KEEP: [&[u8; 4]; 6] = [b"VP8X", b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF"];
/// The VP8X flags that announce an ICC profile, EXIF and XMP.
const VP8X_METADATA_FLAGS: u8 = 0b0010_0000 | 0b0000_1000 | 0b0000_0100;

fn strip_webp(upload: &[u8]) -> Result<Vec<u8>, EvidenceError> {
    let mut webp =
        WebP::from_bytes(Bytes::copy_from_slice(upload)).map_err(|_| EvidenceError::Broken)?;
    let has_picture = webp
        .chunks()
        .iter()
        .any(|c| matches!(&c.id(), b"VP8 " | b"VP8L" | b"ANMF"));
    if !has_picture {
        return Err(EvidenceError::Broken);
    }
    webp.chunks_mut().retain(|c| WEBP_KEEP.contains(&&c.id()));
    for chunk in webp.chunks_mut() {
        if &chunk.id() == b"VP8X"
            && let RiffContent::Data(data) = chunk.content_mut()
        {
            let mut flags = data.to_vec();
            if let Some(first) = flags.first_mut() {
                *first &= !VP8X_METADATA_FLAGS;
            }
            *data = Bytes::from(flags);
        }
    }
    Ok(webp.encoder().bytes().to_vec())
}

#[cfg(feature = "testing")]
pub mod samples;
#[cfg(test)]
mod tests;
