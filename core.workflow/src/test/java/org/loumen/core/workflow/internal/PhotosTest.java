package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class PhotosTest {

    @Test
    void aJpegLosesItsGpsExifXmpCommentAndTrailerButNotOnePixel() throws Exception {
        byte[] plain = SamplePhotos.plainJpeg();
        byte[] phone = SamplePhotos.jpegWithGps();
        assertTrue(SamplePhotos.contains(phone, "Exif") && SamplePhotos.contains(phone, "xap/1.0"));
        BufferedImage before = ImageIO.read(new ByteArrayInputStream(phone));

        assertEquals(Photos.Type.JPEG, Photos.sniff(phone));
        byte[] clean = Photos.clean(Photos.Type.JPEG, phone);

        assertFalse(SamplePhotos.contains(clean, "Exif"));
        assertFalse(SamplePhotos.contains(clean, "xap/1.0"));
        assertFalse(SamplePhotos.contains(clean, "GPSLatitude"));
        assertFalse(SamplePhotos.contains(clean, "港湾家园"));
        assertFalse(SamplePhotos.contains(clean, "TRAILER"));
        assertTrue(SamplePhotos.contains(clean, "JFIF"), "APP0 stays");
        assertArrayEquals(plain, clean, "exactly the JPEG before the metadata was added: no re-encoding");
        BufferedImage after = ImageIO.read(new ByteArrayInputStream(clean));
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(before.getRGB(x, y), after.getRGB(x, y));
            }
        }
    }

    @Test
    void adobeApp14StaysWithTheImage() throws Exception {
        byte[] plain = SamplePhotos.plainJpeg();
        byte[] adobe = SamplePhotos.segment(0xee, new byte[] { 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1 });
        byte[] withAdobe = SamplePhotos.concat(Arrays.copyOf(plain, 2), adobe, Arrays.copyOfRange(plain, 2,
                plain.length));
        assertArrayEquals(withAdobe, Photos.stripJpeg(withAdobe));
    }

    @Test
    void aPngLosesItsTextExifAndTimeChunks() throws Exception {
        byte[] png = SamplePhotos.pngWithText();
        assertEquals(Photos.Type.PNG, Photos.sniff(png));
        byte[] clean = Photos.clean(Photos.Type.PNG, png);
        assertFalse(SamplePhotos.contains(clean, "tEXt"));
        assertFalse(SamplePhotos.contains(clean, "eXIf"));
        assertFalse(SamplePhotos.contains(clean, "tIME"));
        assertFalse(SamplePhotos.contains(clean, "GPS"));
        assertArrayEquals(SamplePhotos.plainPng(), clean);
        assertEquals(64, ImageIO.read(new ByteArrayInputStream(clean)).getWidth());
    }

    @Test
    void aPdfRenamedJpgIsNoPhoto() {
        assertNull(Photos.sniff(SamplePhotos.pdf()));
        assertNull(Photos.sniff(new byte[] { (byte) 0xff }));
    }

    @Test
    void aJpegHeaderOnGarbageDoesNotDecode() throws Exception {
        byte[] fake = SamplePhotos.concat(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }, SamplePhotos.pdf());
        assertEquals(Photos.Type.JPEG, Photos.sniff(fake));
        Photos.Refused r = assertThrows(Photos.Refused.class, () -> Photos.clean(Photos.Type.JPEG, fake));
        assertFalse(r.tooLarge);
        byte[] plain = SamplePhotos.plainJpeg();
        byte[] truncated = Arrays.copyOf(plain, plain.length / 2);
        assertThrows(Photos.Refused.class, () -> Photos.clean(Photos.Type.JPEG, truncated));
        byte[] png = SamplePhotos.plainPng();
        assertThrows(Photos.Refused.class, () -> Photos.clean(Photos.Type.PNG, Arrays.copyOf(png, 40)));
    }

    @Test
    void aHugeDeclaredPictureIsRefusedBeforeDecoding() throws Exception {
        byte[] png = SamplePhotos.plainPng();
        // IHDR width and height (bytes 16-23) set to 20000 x 20000, CRC fixed
        byte[] big = png.clone();
        java.nio.ByteBuffer.wrap(big, 16, 8).putInt(20_000).putInt(20_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(big, 12, 17);
        java.nio.ByteBuffer.wrap(big, 29, 4).putInt((int) crc.getValue());
        Photos.Refused r = assertThrows(Photos.Refused.class, () -> Photos.clean(Photos.Type.PNG, big));
        assertTrue(r.tooLarge, r.getMessage());
    }
}
