package org.loumen.plugin.my.building.internal;

import java.io.ByteArrayOutputStream;

import org.loumen.web.ApiException;

/**
 * A duty's photo: JPEG or PNG by its first bytes, at most {@link Rules#MAX_PHOTO_BYTES}; metadata that may carry the
 * place it was taken (JPEG APP1–APP15 and comments, PNG eXIf and text chunks) is removed before it is stored.
 */
final class Photos {

    record Photo(String contentType, byte[] bytes) {
    }

    private Photos() {
    }

    static Photo check(byte[] in) throws ApiException {
        if (in == null || in.length == 0) {
            throw ApiException.invalidField("photo", "请选择照片 / photo is required");
        }
        if (in.length > Rules.MAX_PHOTO_BYTES) {
            throw new ApiException(413, "photo-too-large", "照片不能超过 2 MB / a photo has at most 2 MB", "photo");
        }
        try {
            if (in.length > 4 && (in[0] & 0xff) == 0xff && (in[1] & 0xff) == 0xd8) {
                return new Photo("image/jpeg", jpeg(in));
            }
            if (in.length > 8 && (in[0] & 0xff) == 0x89 && in[1] == 'P' && in[2] == 'N' && in[3] == 'G') {
                return new Photo("image/png", png(in));
            }
        } catch (RuntimeException e) {
            // a truncated or malformed image: refused below
        }
        throw new ApiException(415, "unsupported-media-type", "照片须为 JPEG 或 PNG 格式 / a photo must be a JPEG or PNG "
                + "image", "photo");
    }

    private static byte[] jpeg(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xff);
        out.write(0xd8);
        int i = 2;
        while (i + 4 <= in.length) {
            if ((in[i] & 0xff) != 0xff) {
                throw new IllegalArgumentException("not a marker");
            }
            int marker = in[i + 1] & 0xff;
            if (marker == 0xda) { // start of scan: the image data follows to the end
                out.write(in, i, in.length - i);
                return out.toByteArray();
            }
            int length = ((in[i + 2] & 0xff) << 8) | (in[i + 3] & 0xff);
            if (length < 2 || i + 2 + length > in.length) {
                throw new IllegalArgumentException("bad segment");
            }
            boolean metadata = marker >= 0xe1 && marker <= 0xef || marker == 0xfe;
            if (!metadata) {
                out.write(in, i, 2 + length);
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no image data");
    }

    private static byte[] png(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int i = 8;
        while (i + 12 <= in.length) {
            int length = ((in[i] & 0xff) << 24) | ((in[i + 1] & 0xff) << 16) | ((in[i + 2] & 0xff) << 8)
                    | (in[i + 3] & 0xff);
            if (length < 0 || i + 12 + length > in.length) {
                throw new IllegalArgumentException("bad chunk");
            }
            String type = new String(in, i + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (!type.equals("eXIf") && !type.equals("tEXt") && !type.equals("iTXt") && !type.equals("zTXt")) {
                out.write(in, i, 12 + length);
            }
            i += 12 + length;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
        throw new IllegalArgumentException("no IEND");
    }
}
