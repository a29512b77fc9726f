use super::samples::*;
use super::*;

fn pixels(bytes: &[u8]) -> image::RgbImage {
    image::load_from_memory(bytes)
        .expect("a picture that decodes")
        .to_rgb8()
}

fn assert_stripped(name: &str, upload: Vec<u8>, format: ImageFormat) {
    let before = metadata_left(&upload);
    assert!(
        before.iter().any(|m| m == "GPS") && before.iter().any(|m| m.starts_with("XMP")),
        "{name}: the sample carries GPS and XMP to begin with: {before:?}"
    );
    let stripped = strip(&upload).unwrap();
    assert_eq!(stripped.format, format);
    assert_eq!(
        metadata_left(&stripped.bytes),
        Vec::<String>::new(),
        "{name}"
    );
    assert_eq!(stripped.sha256, sha256_hex(&stripped.bytes));
    assert_eq!(
        pixels(&stripped.bytes),
        pixels(&upload),
        "{name}: the picture itself is untouched"
    );
}

#[test]
fn a_jpeg_loses_exif_gps_xmp_iptc_icc_comments_and_its_trailer() {
    assert_stripped("JPEG", jpeg_with_metadata(), ImageFormat::Jpeg);
}

#[test]
fn a_png_loses_exif_gps_xmp_text_icc_and_time_chunks() {
    let stripped = strip(&png_with_metadata()).unwrap();
    assert!(
        !stripped
            .bytes
            .windows(4)
            .any(|w| w == b"tIME" || w == b"iCCP")
    );
    assert_stripped("PNG", png_with_metadata(), ImageFormat::Png);
}

#[test]
fn a_webp_loses_exif_gps_xmp_and_icc_and_no_longer_announces_them() {
    assert_stripped("WebP", webp_with_metadata(), ImageFormat::WebP);
    let stripped = strip(&webp_with_metadata()).unwrap();
    let vp8x = stripped
        .bytes
        .windows(4)
        .position(|w| w == b"VP8X")
        .unwrap();
    assert_eq!(stripped.bytes[vp8x + 8] & VP8X_METADATA_FLAGS, 0);
}

#[test]
fn a_comment_after_the_picture_data_goes_and_the_picture_stays() {
    // Segments can follow the first scan (progressive JPEGs put tables between scans);
    // img-parts keeps all of that as the scan's data, so the stripper walks it itself.
    let plain = plain_jpeg();
    let mut upload = plain[..plain.len() - 2].to_vec();
    upload.extend_from_slice(&[0xFF, markers::COM]);
    upload.extend_from_slice(&((PLANTED.len() + 2) as u16).to_be_bytes());
    upload.extend_from_slice(PLANTED.as_bytes());
    upload.extend_from_slice(&[0xFF, markers::EOI]);
    let stripped = strip(&upload).unwrap();
    assert_eq!(metadata_left(&stripped.bytes), Vec::<String>::new());
    assert_eq!(stripped.bytes, strip(&plain).unwrap().bytes);
}

#[test]
fn an_image_without_metadata_comes_out_the_same_picture() {
    for upload in [plain_jpeg(), plain_png(), plain_webp()] {
        let stripped = strip(&upload).unwrap();
        assert_eq!(pixels(&stripped.bytes), pixels(&upload));
    }
}

#[test]
fn a_truncated_image_is_refused_as_broken() {
    for upload in [
        jpeg_with_metadata(),
        png_with_metadata(),
        webp_with_metadata(),
    ] {
        let cut = &upload[..upload.len() / 2];
        assert_eq!(strip(cut), Err(EvidenceError::Broken));
    }
    assert_eq!(
        strip(b"\xFF\xD8\xFF\xE0garbage"),
        Err(EvidenceError::Broken)
    );
}

#[test]
fn videos_are_refused_as_videos() {
    let mp4 = b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom";
    let mov = b"\0\0\0\x14ftypqt  \0\0\0\0qt  ";
    let webm = b"\x1A\x45\xDF\xA3\x9f\x42\x86\x81\x01";
    let avi = b"RIFF\x10\0\0\0AVI LIST";
    for video in [&mp4[..], &mov[..], &webm[..], &avi[..]] {
        assert_eq!(strip(video), Err(EvidenceError::Video));
    }
}

#[test]
fn other_formats_are_refused_rather_than_kept_as_they_are() {
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
    for other in [
        &b"GIF89a\x01\0\x01\0"[..],
        &b"%PDF-1.7"[..],
        &heic[..],
        &b"hello"[..],
    ] {
        assert_eq!(strip(other), Err(EvidenceError::Unsupported));
    }
    assert_eq!(strip(b""), Err(EvidenceError::Empty));
}

#[test]
fn a_file_over_the_limit_is_refused() {
    let mut big = plain_jpeg();
    big.resize(FILE_MAX + 1, 0);
    assert_eq!(strip(&big), Err(EvidenceError::TooLarge));
}
