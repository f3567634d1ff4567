package org.loumen.core.workflow.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Report photos (问题照片) made safe to keep: the type is read off the bytes (magic numbers), metadata that may carry
 * where and when a photo was taken (EXIF with GPS, XMP, comments, PNG text chunks) is cut out without re-encoding,
 * and what remains must decode as an image. Pure logic, no state.
 */
final class Photos {

    /** A photo's type, read off its first bytes. */
    enum Type {
        JPEG("image/jpeg"), PNG("image/png");

        final String contentType;

        Type(String contentType) {
            this.contentType = contentType;
        }
    }

    /** Why a photo is refused: not an image we take, or an image too large to decode safely. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean tooLarge;

        Refused(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }
    }

    /** Width x height above this is refused before decoding (a small file may declare a huge picture). */
    static final long MAX_PIXELS = 50_000_000L;

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    /** PNG chunks that hold metadata: EXIF, text (may hold XMP) and the modification time. */
    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "iTXt", "zTXt", "tIME");

    private Photos() {
    }

    /** The type the bytes begin with, or null. */
    static Type sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Type.JPEG;
        }
        if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8), PNG_SIGNATURE)) {
            return Type.PNG;
        }
        return null;
    }

    /** The photo without its metadata, checked to decode; the image data itself is copied byte for byte. */
    static byte[] clean(Type type, byte[] photo) throws Refused {
        byte[] stripped = type == Type.JPEG ? stripJpeg(photo) : stripPng(photo);
        decode(stripped);
        return stripped;
    }

    /**
     * A JPEG without APP1-APP13 and APP15 segments (EXIF, XMP, ICC, maker notes...) and comments; APP0 (JFIF) and
     * APP14 (Adobe: how the colours are coded) stay as decoding needs them. Anything after the end marker (appended
     * videos, trailers) is dropped.
     */
    static byte[] stripJpeg(byte[] in) throws Refused {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xff);
        out.write(0xd8);
        int i = 2;
        boolean inScan = false;
        while (true) {
            if (inScan) {
                int start = i;
                i = nextMarker(in, i);
                if (i + 1 >= in.length) {
                    throw notAnImage("JPEG 数据不完整 / the JPEG data ends early");
                }
                out.write(in, start, i - start);
                inScan = false;
            }
            if (i >= in.length || (in[i] & 0xff) != 0xff) {
                throw notAnImage("JPEG 结构无效 / the JPEG structure is invalid");
            }
            while (i < in.length && (in[i] & 0xff) == 0xff) {
                i++; // fill bytes before a marker
            }
            if (i >= in.length) {
                throw notAnImage("JPEG 数据不完整 / the JPEG data ends early");
            }
            int marker = in[i++] & 0xff;
            if (marker == 0xd9) {
                out.write(0xff);
                out.write(0xd9);
                return out.toByteArray();
            }
            if (marker == 0x01 || marker >= 0xd0 && marker <= 0xd8) {
                throw notAnImage("JPEG 标记位置无效 / a JPEG marker is out of place");
            }
            if (i + 2 > in.length) {
                throw notAnImage("JPEG 数据不完整 / the JPEG data ends early");
            }
            int length = ((in[i] & 0xff) << 8) | (in[i + 1] & 0xff);
            if (length < 2 || i + length > in.length) {
                throw notAnImage("JPEG 段长度无效 / a JPEG segment length is invalid");
            }
            boolean metadata = marker >= 0xe1 && marker <= 0xef && marker != 0xee || marker == 0xfe;
            if (!metadata) {
                out.write(0xff);
                out.write(marker);
                out.write(in, i, length);
            }
            i += length;
            inScan = marker == 0xda;
        }
    }

    /**
     * Where the entropy-coded data starting at {@code i} ends: the next 0xFF that is not stuffing (0xFF00) nor a
     * restart marker (0xFFD0-0xFFD7); {@code in.length} when there is none.
     */
    private static int nextMarker(byte[] in, int i) {
        for (; i + 1 < in.length; i++) {
            if ((in[i] & 0xff) == 0xff) {
                int next = in[i + 1] & 0xff;
                if (next != 0 && (next < 0xd0 || next > 0xd7)) {
                    return i;
                }
            }
        }
        return in.length;
    }

    /** A PNG without its eXIf, tEXt, iTXt, zTXt and tIME chunks; anything after IEND is dropped. */
    static byte[] stripPng(byte[] in) throws Refused {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int i = 8;
        while (true) {
            if (i + 12 > in.length) {
                throw notAnImage("PNG 数据不完整 / the PNG data ends early");
            }
            long length = ((in[i] & 0xffL) << 24) | ((in[i + 1] & 0xff) << 16) | ((in[i + 2] & 0xff) << 8)
                    | (in[i + 3] & 0xff);
            if (length > in.length - i - 12L) {
                throw notAnImage("PNG 块长度无效 / a PNG chunk length is invalid");
            }
            String type = new String(in, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int total = 12 + (int) length;
            if (!PNG_DROPPED.contains(type)) {
                out.write(in, i, total);
            }
            i += total;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
    }

    /**
     * Decodes the whole image (at a reduced size, so memory stays small whatever the picture), refusing what does
     * not decode and pictures of more than {@link #MAX_PIXELS}.
     */
    static void decode(byte[] image) throws Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw notAnImage("无法识别的图片 / not an image we can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw notAnImage("图片尺寸无效 / the image has no size");
                }
                if (w * h > MAX_PIXELS) {
                    throw new Refused("图片像素过多（最多 5000 万） / the picture has too many pixels (50 million at most)",
                            true);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.max(w, h) / 512);
                param.setSourceSubsampling(step, step, 0, 0);
                try {
                    reader.read(0, param);
                } catch (javax.imageio.IIOException e) {
                    // CMYK and other colour models ImageIO cannot convert still decode as a raster
                    if (!reader.canReadRaster()) {
                        throw e;
                    }
                    reader.readRaster(0, param);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw notAnImage("图片无法解码 / the image does not decode");
        }
    }

    private static Refused notAnImage(String message) {
        return new Refused(message, false);
    }
}
