package org.loumen.web.internal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads and discards what is left of a refused request's body before the refusal is written (未读请求体).
 *
 * <p>A route may refuse a request before reading its body: a photo over the limit is refused by its declared length, a
 * caller without the right by the gate. Jetty then closes the connection while the client is still sending, and the
 * client's socket, reset by the close, may drop the refusal it had already received: the client sees a broken
 * connection instead of the 413 or 403. Bodies up to a bound (the upload limit, the most the API ever reads) are
 * therefore read to their end first, so the connection ends cleanly and the client reads the answer; a larger body is
 * left to Jetty, which closes the connection rather than spend more on a client that ignored every limit.
 */
final class UnreadBody {

    private static final int CHUNK = 64 * 1024;

    private UnreadBody() {
    }

    /**
     * Discards the rest of the body when it has one of at most {@code bound} bytes; a body already read, a larger one
     * and a broken connection are left alone.
     *
     * @return the bytes discarded
     */
    static long discard(HttpServletRequest req, long bound) {
        long declared = req.getContentLengthLong();
        boolean chunked = declared < 0 && req.getHeader("Transfer-Encoding") != null;
        if (declared == 0 || declared > bound || (declared < 0 && !chunked)) {
            return 0;
        }
        long discarded = 0;
        try {
            InputStream in = req.getInputStream();
            byte[] buffer = new byte[CHUNK];
            int n;
            while (discarded <= bound && (n = in.read(buffer)) >= 0) {
                discarded += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the handler read the body as characters: nothing left to spare the client
        }
        return discarded;
    }
}
