package org.loumen.testkit;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small local SMTP server for e-mail tests (GreenMail is not among the artifacts here): EHLO, STARTTLS (with a
 * certificate for 127.0.0.1 made by the JDK's keytool), AUTH PLAIN and LOGIN, MAIL, RCPT, DATA. It records each
 * message with whether the session was encrypted when the credentials and the message came, and the credentials.
 * For in-framework and end-to-end tests alike (a district's mail server as the platform sees it).
 */
public final class SmtpReceiver implements AutoCloseable {

    /** One message received: envelope sender and recipients, the raw DATA, encrypted or not, the credentials. */
    public record Mail(String from, List<String> to, String data, boolean tls, String user, String password) {

        /** The text body, decoded ({@link SmtpReceiver#body}). */
        public String text() {
            return body(data);
        }

        /** The Subject, decoded ({@link SmtpReceiver#subject}). */
        public String subject() {
            return SmtpReceiver.subject(data);
        }
    }

    /** Every message received, in order. */
    public final List<Mail> received = new CopyOnWriteArrayList<>();
    /** Every command line received, in order (for asserting the order of STARTTLS and AUTH). */
    public final List<String> commands = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final SSLContext tls;

    /** @param offerTls whether STARTTLS is offered (a server without it tests "STARTTLS required") */
    public SmtpReceiver(boolean offerTls) throws Exception {
        this.tls = offerTls ? context() : null;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket c = server.accept()) {
                    session(c);
                } catch (Exception e) {
                    // closed, or a client gone
                }
            }
        }, "test-smtp");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void session(Socket plain) throws Exception {
        plain.setSoTimeout(10_000);
        Socket s = plain;
        boolean secure = false;
        BufferedReader in = reader(s);
        OutputStream out = s.getOutputStream();
        say(out, "220 127.0.0.1 test ESMTP");
        String from = null;
        List<String> to = new ArrayList<>();
        String user = null;
        String password = null;
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line.startsWith("AUTH") ? "AUTH" : line);
            String upper = line.toUpperCase();
            if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                StringBuilder b = new StringBuilder("250-127.0.0.1\r\n");
                if (tls != null && !secure) {
                    b.append("250-STARTTLS\r\n");
                }
                b.append("250 AUTH PLAIN LOGIN");
                say(out, b.toString());
            } else if (upper.equals("STARTTLS") && tls != null && !secure) {
                say(out, "220 2.0.0 ready to start TLS");
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, "127.0.0.1", plain.getPort(),
                        true);
                ssl.setUseClientMode(false);
                ssl.startHandshake();
                s = ssl;
                secure = true;
                in = reader(s);
                out = s.getOutputStream();
            } else if (upper.startsWith("AUTH PLAIN")) {
                String[] parts = line.split(" ");
                String token = parts.length > 2 ? parts[2] : ask(in, out, "334 ");
                String[] up = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split("\0");
                user = up[1];
                password = up[2];
                say(out, "235 2.7.0 accepted");
            } else if (upper.startsWith("AUTH LOGIN")) {
                user = new String(Base64.getDecoder().decode(ask(in, out, "334 VXNlcm5hbWU6")),
                        StandardCharsets.UTF_8);
                password = new String(Base64.getDecoder().decode(ask(in, out, "334 UGFzc3dvcmQ6")),
                        StandardCharsets.UTF_8);
                say(out, "235 2.7.0 accepted");
            } else if (upper.startsWith("MAIL FROM:")) {
                from = line.substring(10).strip();
                to.clear();
                say(out, "250 2.1.0 ok");
            } else if (upper.startsWith("RCPT TO:")) {
                to.add(line.substring(8).strip());
                say(out, "250 2.1.5 ok");
            } else if (upper.equals("DATA")) {
                say(out, "354 end with <CRLF>.<CRLF>");
                StringBuilder data = new StringBuilder();
                for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                    data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                }
                received.add(new Mail(from, List.copyOf(to), data.toString(), secure, user, password));
                say(out, "250 2.0.0 queued");
            } else if (upper.equals("QUIT")) {
                say(out, "221 2.0.0 bye");
                return;
            } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                say(out, "250 2.0.0 ok");
            } else {
                say(out, "502 5.5.2 not implemented");
            }
        }
    }

    private static String ask(BufferedReader in, OutputStream out, String prompt) throws IOException {
        say(out, prompt);
        return in.readLine();
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A TLS context with a fresh self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private static SSLContext context() throws Exception {
        File dir = Files.createTempDirectory("test-smtp").toFile();
        File store = new File(dir, "smtp.p12");
        char[] pass = "itest-store".toCharArray();
        Process p = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/keytool").getPath(),
                "-genkeypair", "-alias", "smtp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
                store.getPath(), "-storepass", new String(pass), "-keypass", new String(pass)).redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream f = new FileInputStream(store)) {
            ks.load(f, pass);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pass);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }

    /** The decoded Subject header of a message ({@code =?UTF-8?B?…?=} words joined). */
    public static String subject(String data) {
        StringBuilder raw = new StringBuilder();
        boolean in = false;
        for (String l : data.split("\r\n")) {
            if (l.isEmpty()) {
                break;
            }
            if (l.startsWith("Subject:")) {
                raw.append(l.substring(8).strip());
                in = true;
            } else if (in && (l.startsWith(" ") || l.startsWith("\t"))) {
                raw.append(' ').append(l.strip());
            } else {
                in = false;
            }
        }
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("=\\?UTF-8\\?([BQ])\\?([^?]*)\\?=",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(raw);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int last = 0;
        while (m.find()) {
            if (!raw.substring(last, m.start()).isBlank()) {
                flush(bytes, out);
                out.append(raw, last, m.start());
            }
            byte[] b = m.group(1).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(2))
                    : qp(m.group(2).replace('_', ' '));
            bytes.writeBytes(b);
            last = m.end();
        }
        flush(bytes, out);
        out.append(raw.substring(last));
        return out.toString();
    }

    private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder out) {
        out.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
    }

    /** The decoded text body of a single-part message (base64, quoted-printable, 7/8 bit). */
    public static String body(String data) {
        int split = data.indexOf("\r\n\r\n");
        String headers = data.substring(0, split).toLowerCase();
        String body = data.substring(split + 4);
        if (headers.contains("content-transfer-encoding: base64")) {
            return new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
        }
        if (headers.contains("content-transfer-encoding: quoted-printable")) {
            return new String(qp(body.replace("=\r\n", "")), StandardCharsets.UTF_8);
        }
        return body;
    }

    private static byte[] qp(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' && i + 2 < s.length() + 0 && i + 2 <= s.length() - 1) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
