package org.loumen.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The district's mail server as the end-to-end tests see it: a local SMTP listener that offers STARTTLS (a fresh
 * certificate for 127.0.0.1 made by the JDK's keytool) and AUTH PLAIN, and keeps every message with whether it came
 * inside TLS. Only what Jakarta Mail's SMTP client says is answered.
 */
final class E2ESmtpServer implements AutoCloseable {

    /** A message as received: envelope recipients, the raw DATA, encrypted or not, the user who signed in. */
    record Mail(List<String> to, String data, boolean tls, String user) {

        /** The text body (base64 or quoted-printable decoded). */
        String text() {
            int split = data.indexOf("\r\n\r\n");
            String head = data.substring(0, split).toLowerCase();
            String body = data.substring(split + 4);
            if (head.contains("content-transfer-encoding: base64")) {
                return new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
            }
            if (head.contains("content-transfer-encoding: quoted-printable")) {
                return new String(quoted(body.replace("=\r\n", "")), StandardCharsets.UTF_8);
            }
            return body;
        }

        /** The Subject, its RFC 2047 base64 words decoded (Jakarta Mail's choice for Chinese text). */
        String subject() {
            StringBuilder raw = new StringBuilder();
            boolean in = false;
            for (String l : data.substring(0, data.indexOf("\r\n\r\n")).split("\r\n")) {
                if (l.startsWith("Subject:")) {
                    raw.append(l.substring(8).strip());
                    in = true;
                } else if (in && (l.startsWith(" ") || l.startsWith("\t"))) {
                    raw.append(l.strip());
                } else {
                    in = false;
                }
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("=\\?UTF-8\\?([BQ])\\?([^?]*)\\?=",
                    java.util.regex.Pattern.CASE_INSENSITIVE).matcher(raw);
            boolean any = false;
            while (m.find()) {
                bytes.writeBytes(m.group(1).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(2))
                        : quoted(m.group(2).replace('_', ' ')));
                any = true;
            }
            return any ? bytes.toString(StandardCharsets.UTF_8) : raw.toString();
        }
    }

    /** Quoted-printable (and RFC 2047 "Q") bytes decoded. */
    static byte[] quoted(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    final List<Mail> received = new CopyOnWriteArrayList<>();
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final SSLContext tls;

    E2ESmtpServer(Path dir) throws Exception {
        this.tls = certificate(dir);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket c = server.accept()) {
                    converse(c);
                } catch (Exception e) {
                    // a client gone, or closed
                }
            }
        }, "e2e-smtp");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void converse(Socket plain) throws Exception {
        plain.setSoTimeout(10_000);
        boolean secure = false;
        BufferedReader in = lines(plain.getInputStream());
        OutputStream out = plain.getOutputStream();
        reply(out, "220 127.0.0.1 ESMTP e2e");
        List<String> to = new ArrayList<>();
        String user = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String cmd = line.toUpperCase();
            if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) {
                reply(out, secure ? "250-127.0.0.1\r\n250 AUTH PLAIN" : "250-127.0.0.1\r\n250-STARTTLS\r\n250 AUTH PLAIN");
            } else if (cmd.equals("STARTTLS") && !secure) {
                reply(out, "220 2.0.0 go ahead");
                SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, "127.0.0.1", plain.getPort(), true);
                s.setUseClientMode(false);
                s.startHandshake();
                secure = true;
                in = lines(s.getInputStream());
                out = s.getOutputStream();
            } else if (cmd.startsWith("AUTH PLAIN")) {
                String[] parts = line.split(" ");
                String token = parts.length > 2 ? parts[2] : null;
                if (token == null) {
                    reply(out, "334 ");
                    token = in.readLine();
                }
                user = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split("\0")[1];
                reply(out, "235 2.7.0 ok");
            } else if (cmd.startsWith("MAIL FROM:")) {
                to.clear();
                reply(out, "250 2.1.0 ok");
            } else if (cmd.startsWith("RCPT TO:")) {
                to.add(line.substring(8).strip());
                reply(out, "250 2.1.5 ok");
            } else if (cmd.equals("DATA")) {
                reply(out, "354 go ahead");
                StringBuilder data = new StringBuilder();
                for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                    data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                }
                received.add(new Mail(List.copyOf(to), data.toString(), secure, user));
                reply(out, "250 2.0.0 queued");
            } else if (cmd.equals("QUIT")) {
                reply(out, "221 2.0.0 bye");
                return;
            } else {
                reply(out, cmd.equals("RSET") || cmd.equals("NOOP") ? "250 2.0.0 ok" : "502 5.5.2 not here");
            }
        }
    }

    private static BufferedReader lines(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static SSLContext certificate(Path dir) throws Exception {
        Path store = dir.resolve("smtp-e2e.p12");
        String pass = "e2e-smtp-store";
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "smtp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
                "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", pass, "-keypass", pass).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream f = Files.newInputStream(store)) {
            ks.load(f, pass.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pass.toCharArray());
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }
}
