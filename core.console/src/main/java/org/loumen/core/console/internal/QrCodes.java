package org.loumen.core.console.internal;

import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * QR codes (二维码) for printed materials as an SVG path: the module matrix (error correction M, so a creased or
 * smudged sheet still scans) with a quiet zone of four modules on every side, each run of dark modules in a row one
 * rectangle. A page draws it as {@code <svg viewBox="0 0 size size"><path d="path"/></svg>}, sharp at any print size.
 */
final class QrCodes {

    /** Quiet zone in modules (the QR standard asks for four). */
    static final int QUIET = 4;

    /** One code: the side of the square in modules, quiet zone included, and the path of its dark modules. */
    record Qr(int size, String path) {
    }

    private QrCodes() {
    }

    /**
     * @throws IllegalArgumentException when the text does not fit in a QR code
     */
    static Qr encode(String text) {
        QRCode code;
        try {
            code = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
        ByteMatrix m = code.getMatrix();
        int n = m.getWidth();
        StringBuilder path = new StringBuilder(n * n);
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (m.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && m.get(x, y) == 1) {
                    x++;
                }
                path.append('M').append(start + QUIET).append(' ').append(y + QUIET)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return new Qr(n + 2 * QUIET, path.toString());
    }
}
