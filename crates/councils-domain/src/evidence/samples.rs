//! Photos as phones make them, for tests: each carries EXIF with GPS, XMP, comments and an
//! ICC profile, and [`metadata_left`] is the oracle that says what of it is still there
//! (kamadak-exif for EXIF, a byte search for the rest). Built only with the `testing` feature.

use exif::experimental::Writer;
use exif::{Field, In, Rational, Tag, Value};
use image::{ImageEncoder, RgbImage};
use img_parts::jpeg::{Jpeg, JpegSegment, markers};
use img_parts::png::{Png, PngChunk};
use img_parts::riff::{RiffChunk, RiffContent};
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF, ImageICC};

/// A string planted in every kind of metadata of the samples: a test that finds it after
/// stripping has found a leak.
pub const PLANTED: &str = "Luis at 5th and Main";

/// The samples' GPS position: Los Angeles, 34°3'N 118°14'W.
pub const LATITUDE: [u32; 3] = [34, 3, 8];

fn picture() -> RgbImage {
    RgbImage::from_fn(32, 24, |x, y| {
        image::Rgb([(x * 8) as u8, (y * 10) as u8, 128])
    })
}

/// EXIF as a phone writes it: make, model, time, and where (GPS).
pub fn exif_with_gps() -> Vec<u8> {
    let rational =
        |v: &[u32]| Value::Rational(v.iter().map(|n| Rational { num: *n, denom: 1 }).collect());
    let fields = [
        Field {
            tag: Tag::Make,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"Phone maker".to_vec()]),
        },
        Field {
            tag: Tag::ImageDescription,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![PLANTED.as_bytes().to_vec()]),
        },
        Field {
            tag: Tag::DateTimeOriginal,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"2026:11:28 07:31:02".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"N".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: rational(&LATITUDE),
        },
        Field {
            tag: Tag::GPSLongitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"W".to_vec()]),
        },
        Field {
            tag: Tag::GPSLongitude,
            ifd_num: In::PRIMARY,
            value: rational(&[118, 14, 37]),
        },
    ];
    let mut writer = Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    writer.write(&mut out, false).expect("EXIF is written");
    out.into_inner()
}

fn xmp_packet() -> String {
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF \
         xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
         <rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" \
         exif:GPSLatitude=\"34,3.13N\" exif:UserComment=\"{PLANTED}\"/>\
         </rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"
    )
}

fn icc_profile() -> Bytes {
    Bytes::from(format!("fake ICC profile, desc: {PLANTED}").into_bytes())
}

/// A JPEG without metadata, as an encoder writes it.
pub fn plain_jpeg() -> Vec<u8> {
    let mut out = Vec::new();
    let img = picture();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .expect("a JPEG");
    out
}

/// A JPEG with EXIF (GPS), XMP, IPTC, an ICC profile, a comment, and a trailer after the end
/// of the image (where some phones put a second picture).
pub fn jpeg_with_metadata() -> Vec<u8> {
    let mut jpeg = Jpeg::from_bytes(Bytes::from(plain_jpeg())).expect("our own JPEG");
    jpeg.set_exif(Some(Bytes::from(exif_with_gps())));
    jpeg.set_icc_profile(Some(icc_profile()));
    let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    xmp.extend_from_slice(xmp_packet().as_bytes());
    let mut iptc = b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x20\x1c\x02\x78\0\x14".to_vec();
    iptc.extend_from_slice(PLANTED.as_bytes());
    let extra = [
        JpegSegment::new_with_contents(markers::APP1, Bytes::from(xmp)),
        JpegSegment::new_with_contents(markers::APP13, Bytes::from(iptc)),
        JpegSegment::new_with_contents(markers::COM, Bytes::from(PLANTED.as_bytes().to_vec())),
    ];
    for (i, segment) in extra.into_iter().enumerate() {
        jpeg.segments_mut().insert(1 + i, segment);
    }
    let mut out = jpeg.encoder().bytes().to_vec();
    out.extend_from_slice(format!("TRAILER {PLANTED}").as_bytes());
    out
}

/// A PNG without metadata.
pub fn plain_png() -> Vec<u8> {
    let mut out = Vec::new();
    let img = picture();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .expect("a PNG");
    out
}

/// A PNG with eXIf (GPS), XMP in iTXt, a tEXt comment, an ICC profile and a time.
pub fn png_with_metadata() -> Vec<u8> {
    let mut png = Png::from_bytes(Bytes::from(plain_png())).expect("our own PNG");
    png.set_exif(Some(Bytes::from(exif_with_gps())));
    let mut itxt = b"XML:com.adobe.xmp\0\0\0\0\0".to_vec();
    itxt.extend_from_slice(xmp_packet().as_bytes());
    let mut text = b"Comment\0".to_vec();
    text.extend_from_slice(PLANTED.as_bytes());
    let mut iccp = b"phone\0\0".to_vec();
    iccp.extend_from_slice(&icc_profile());
    let extra = [
        PngChunk::new(*b"iTXt", Bytes::from(itxt)),
        PngChunk::new(*b"tEXt", Bytes::from(text)),
        PngChunk::new(*b"iCCP", Bytes::from(iccp)),
        PngChunk::new(
            *b"tIME",
            Bytes::from_static(&[0x07, 0xEA, 11, 28, 7, 31, 2]),
        ),
    ];
    for (i, chunk) in extra.into_iter().enumerate() {
        png.chunks_mut().insert(1 + i, chunk);
    }
    png.encoder().bytes().to_vec()
}

/// A lossless WebP without metadata.
pub fn plain_webp() -> Vec<u8> {
    let mut out = Vec::new();
    let img = picture();
    image::codecs::webp::WebPEncoder::new_lossless(&mut out)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .expect("a WebP");
    out
}

/// A WebP with EXIF (GPS), XMP and an ICC profile, announced in its VP8X header.
pub fn webp_with_metadata() -> Vec<u8> {
    let plain = WebP::from_bytes(Bytes::from(plain_webp())).expect("our own WebP");
    let (width, height) = plain.dimensions().expect("dimensions");
    let mut vp8x = vec![0b0010_1100u8, 0, 0, 0];
    vp8x.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
    vp8x.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
    let mut chunks = vec![
        RiffChunk::new(*b"VP8X", RiffContent::Data(Bytes::from(vp8x))),
        RiffChunk::new(*b"ICCP", RiffContent::Data(icc_profile())),
    ];
    chunks.extend(plain.chunks().iter().cloned());
    chunks.push(RiffChunk::new(
        *b"EXIF",
        RiffContent::Data(Bytes::from(exif_with_gps())),
    ));
    chunks.push(RiffChunk::new(
        *b"XMP ",
        RiffContent::Data(Bytes::from(xmp_packet().into_bytes())),
    ));
    let riff = RiffChunk::new(
        *b"RIFF",
        RiffContent::List {
            kind: Some(*b"WEBP"),
            subchunks: chunks,
        },
    );
    riff.encoder().bytes().to_vec()
}

/// What metadata is still in `bytes`: EXIF as kamadak-exif reads it (with GPS named apart),
/// and markers of XMP, IPTC, ICC profiles, comments, PNG text chunks and the planted string.
pub fn metadata_left(bytes: &[u8]) -> Vec<String> {
    let mut left = Vec::new();
    if let Ok(exif) = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(bytes)) {
        left.push(format!("EXIF with {} fields", exif.fields().count()));
        if exif.get_field(Tag::GPSLatitude, In::PRIMARY).is_some() {
            left.push("GPS".into());
        }
    }
    let needles: [(&str, &[u8]); 11] = [
        ("EXIF header", b"Exif\0\0"),
        ("XMP", b"http://ns.adobe.com/xap"),
        ("XMP packet", b"xmpmeta"),
        ("IPTC", b"Photoshop 3.0"),
        ("ICC profile", b"ICC_PROFILE"),
        ("ICC profile", b"fake ICC profile"),
        ("PNG text", b"tEXt"),
        ("PNG text", b"iTXt"),
        ("PNG eXIf", b"eXIf"),
        ("WebP XMP", b"XMP "),
        ("planted string", PLANTED.as_bytes()),
    ];
    for (name, needle) in needles {
        if bytes.windows(needle.len()).any(|w| w == needle) {
            left.push(name.to_string());
        }
    }
    left
}
