package org.loumen.core.workflow.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Small real photos for tests, as a phone would send them: with EXIF GPS, XMP and text metadata. */
final class SamplePhotos {

    static final String LATITUDE_REF = "N";

    private SamplePhotos() {
    }

    static BufferedImage picture() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.BLUE);
        g.fillOval(10, 10, 30, 20);
        g.dispose();
        return img;
    }

    /** A JPEG as ImageIO writes it (SOI, APP0 JFIF, tables, one scan, EOI). */
    static byte[] plainJpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(), "jpg", out);
        return out.toByteArray();
    }

    static byte[] plainPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(), "png", out);
        return out.toByteArray();
    }

    /**
     * An EXIF APP1 segment: a little-endian TIFF whose IFD0 points (tag 0x8825) to a GPS IFD with GPSLatitudeRef "N"
     * and GPSLatitude 39/1, 7/1, 30/1 (天津).
     */
    static byte[] exifGpsSegment() {
        ByteBuffer tiff = ByteBuffer.allocate(92).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: one entry, GPSInfo -> 26
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        // GPS IFD at 26: two entries, then the rationals at 56
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.position(56);
        for (int v : new int[] { 39, 7, 30 }) {
            tiff.putInt(v).putInt(1);
        }
        tiff.position(92);
        return segment(0xe1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array()));
    }

    static byte[] xmpSegment() {
        return segment(0xe1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                ("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                        + "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='39,7.5N'/>"
                        + "</rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] commentSegment() {
        return segment(0xfe, "拍摄于 港湾家园 2号楼".getBytes(StandardCharsets.UTF_8));
    }

    /** The plain JPEG with EXIF (GPS), XMP and a comment inserted after APP0, and a trailer after EOI. */
    static byte[] jpegWithGps() throws IOException {
        byte[] plain = plainJpeg();
        int afterApp0 = 2 + 2 + (((plain[4] & 0xff) << 8) | (plain[5] & 0xff));
        byte[] head = java.util.Arrays.copyOf(plain, afterApp0);
        byte[] tail = java.util.Arrays.copyOfRange(plain, afterApp0, plain.length);
        return concat(head, exifGpsSegment(), xmpSegment(), commentSegment(), tail,
                "TRAILER-after-EOI".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The plain PNG with tEXt, eXIf and tIME chunks after IHDR. */
    static byte[] pngWithText() throws IOException {
        byte[] plain = plainPng();
        int afterIhdr = 8 + 12 + 13;
        byte[] head = java.util.Arrays.copyOf(plain, afterIhdr);
        byte[] tail = java.util.Arrays.copyOfRange(plain, afterIhdr, plain.length);
        return concat(head, chunk("tEXt", "Comment\0GPS 39.125N".getBytes(StandardCharsets.ISO_8859_1)),
                chunk("eXIf", java.util.Arrays.copyOfRange(exifGpsSegment(), 10, exifGpsSegment().length)),
                chunk("tIME", new byte[] { 0x07, (byte) 0xea, 5, 1, 12, 0, 0 }), tail);
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] "
                + "/Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] { (byte) 0xff, (byte) marker, (byte) (length >> 8), (byte) length }, payload);
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
