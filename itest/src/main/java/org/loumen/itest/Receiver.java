package org.loumen.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small local HTTP receiver for webhook tests: records every POST (target, headers, body) and answers 200 with
 * DingTalk's {@code {"errcode":0}}. It can be taken down (the port refuses connections) and brought back on the same port.
 */
final class Receiver implements AutoCloseable {

    /** One request received. */
    record Received(String target, Map<String, String> headers, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile ServerSocket server;

    Receiver() throws IOException {
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = s.getLocalPort();
        start(s);
    }

    int port() {
        return port;
    }

    synchronized void down() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    synchronized void up() throws IOException {
        if (server == null) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            start(s);
        }
    }

    private void start(ServerSocket s) {
        server = s;
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                    handle(c);
                } catch (IOException e) {
                    // closed, or a client gone
                }
            }
        }, "itest-receiver");
        t.setDaemon(true);
        t.start();
    }

    private void handle(Socket c) throws IOException {
        c.setSoTimeout(5000);
        InputStream in = c.getInputStream();
        String requestLine = line(in);
        Map<String, String> headers = new TreeMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String[] parts = requestLine.split(" ");
        received.add(new Received(parts.length > 1 ? parts[1] : "", headers, new String(body,
                StandardCharsets.UTF_8)));
        byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        OutputStream out = c.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + answer.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(answer);
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int ch = in.read(); ch != -1 && ch != '\n'; ch = in.read()) {
            if (ch != '\r') {
                b.write(ch);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
