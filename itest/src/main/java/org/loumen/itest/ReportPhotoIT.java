package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Photos of a report: uploaded raw, checked, stripped of where they were taken, served back only to readers. */
class ReportPhotoIT extends PlatformTest {

    static final String UNIT = GANGWAN + "B002U01";

    @Test
    void photosAreCheckedStrippedCountedAndLimited() throws Exception {
        Http leader = user("photo-leader", "LEADER", UNIT);
        Http.Response filed = file(leader, "垃圾桶满溢，附照片");
        assertEquals(0, filed.json().get("photos").asInt());
        assertEquals("LEADER", filed.json().get("reporterKind").asText());
        String photos = "/api/v1/reports/" + filed.json().get("id").asLong() + "/photos";

        byte[] phone = jpegWithGps();
        assertTrue(contains(phone, "Exif") && contains(phone, "GPS-N"), "the sample carries EXIF with GPS");
        Http.Response first = leader.upload(photos, "image/jpeg", phone);
        assertEquals(201, first.status(), first.body());
        assertEquals(1, first.json().get("n").asInt());
        assertEquals("image/jpeg", first.json().get("contentType").asText());

        HttpResponse<byte[]> back = leader.download(photos + "/1");
        assertEquals(200, back.statusCode());
        assertEquals("no-store", back.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(back.headers().firstValue("Content-Type").orElse("").startsWith("image/jpeg"));
        byte[] stored = back.body();
        assertEquals(first.json().get("bytes").asInt(), stored.length);
        assertFalse(contains(stored, "Exif"), "no EXIF marker left");
        assertFalse(contains(stored, "GPS-N"), "no GPS left");
        assertFalse(contains(stored, "xap/1.0"), "no XMP left");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertNotNull(decoded);
        assertEquals(64, decoded.getWidth());
        assertEquals(1, leader.get("/api/v1/reports/" + filed.json().get("id").asLong()).json().get("photos")
                .asInt());

        // a PDF renamed .jpg; a 20 MB photo
        Http.Response pdf = leader.upload(photos, "image/jpeg", "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(415, pdf.status(), pdf.body());
        assertEquals("unsupported-media-type", pdf.json().get("error").asText());
        assertEquals("photo", pdf.json().get("field").asText());
        byte[] huge = Arrays.copyOf(phone, 20 * 1024 * 1024);
        Http.Response big = leader.upload(photos, "image/jpeg", huge);
        assertEquals(413, big.status(), big.body());
        assertEquals("photo", big.json().get("field").asText());
        assertEquals(415, leader.upload(photos, "application/pdf", phone).status(), "only JPEG and PNG");
        assertEquals(415, leader.upload(photos, "image/png", phone).status(), "the type must be what the bytes are");

        assertEquals(201, leader.upload(photos, "image/png", png()).status());
        assertEquals(201, leader.upload(photos, "image/jpeg", phone).status());
        Http.Response fourth = leader.upload(photos, "image/jpeg", phone);
        assertEquals(409, fourth.status(), fourth.body());
        assertEquals("photo", fourth.json().get("field").asText());
        JsonNode report = leader.get("/api/v1/reports/" + filed.json().get("id").asLong()).json();
        assertEquals(3, report.get("photos").asInt(), "nothing stored on refusal");
        assertTrue(leader.download(photos + "/2").headers().firstValue("Content-Type").orElse("")
                .startsWith("image/png"));
        assertEquals(404, leader.get(photos + "/4").status());

        // another community's staff cannot see them
        Http other = user("sx-admin", "STREET_ADMIN", SHUANGXIN);
        assertEquals(404, other.download(photos + "/1").statusCode());
        assertEquals(401, http.download(photos + "/1").statusCode());
    }

    /**
     * A photo refused by its declared length is read to its end before the 413, so the client gets the answer and the
     * connection stays open; refused without it, the server's close could reset the connection under the client's feet.
     */
    @Test
    void aRefusedOversizePhotoIsAnsweredAndTheConnectionKept() throws Exception {
        Http leader = user("photo-leader-2", "LEADER", UNIT);
        Http.Response filed = file(leader, "楼道堆物，照片太大");
        URI base = URI.create(leader.base());
        byte[] huge = Arrays.copyOf(jpegWithGps(), 12 * 1024 * 1024);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String head = "POST /api/v1/reports/" + filed.json().get("id").asLong() + "/photos HTTP/1.1\r\nHost: "
                    + base.getHost() + "\r\nAuthorization: Bearer " + leader.token()
                    + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + huge.length + "\r\n\r\n";
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.write(huge);
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            RawResponse refused = RawResponse.read(in);
            assertEquals(413, refused.status(), refused.body());
            assertTrue(refused.body().contains("\"field\":\"photo\""), refused.body());
            sent.get(30, TimeUnit.SECONDS); // every byte of the photo was taken, none reset
            assertFalse("close".equalsIgnoreCase(refused.headers().get("connection")), refused.headers().toString());

            out.write(("GET /api/v1/health HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(200, RawResponse.read(in).status(), "the same connection answers the next request");
        }
    }

    /** A sanitation report on the unit, filed by its leader. */
    static Http.Response file(Http leader, String description) throws Exception {
        Http.Response filed = leader.json("POST", "/api/v1/reports", Map.of("place", UNIT, "duty",
                "SANITATION_SUPERVISOR", "urgency", "NORMAL", "description", description));
        assertEquals(201, filed.status(), filed.body());
        return filed;
    }

    /** One HTTP/1.1 response with a Content-Length, read off a socket. */
    record RawResponse(int status, Map<String, String> headers, String body) {
        static RawResponse read(InputStream in) throws IOException {
            String status = line(in);
            Map<String, String> headers = new HashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1)
                        .strip());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return new RawResponse(Integer.parseInt(status.split(" ")[1]), headers,
                    new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed after: " + sb);
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }
    }

    static byte[] picture(String format) throws Exception {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static byte[] png() throws Exception {
        return picture("png");
    }

    /** A JPEG as a phone sends it: an EXIF APP1 segment with a GPS IFD (latitude ref "N") and an XMP segment. */
    static byte[] jpegWithGps() throws Exception {
        byte[] plain = picture("jpg");
        ByteBuffer tiff = ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        tiff.putShort((short) 1).putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0)
                .putShort((short) 0).putInt(0);
        tiff.position(44);
        tiff.put("GPS-N 39.125".getBytes(StandardCharsets.ISO_8859_1));
        byte[] exif = segment(0xe1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array()));
        byte[] xmp = segment(0xe1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta exif:GPSLatitude='39,7.5N'/>"
                .getBytes(StandardCharsets.ISO_8859_1));
        int afterApp0 = 4 + (((plain[4] & 0xff) << 8) | (plain[5] & 0xff));
        return concat(Arrays.copyOf(plain, afterApp0), exif, xmp, Arrays.copyOfRange(plain, afterApp0, plain.length));
    }

    static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] { (byte) 0xff, (byte) marker, (byte) (length >> 8), (byte) length }, payload);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
