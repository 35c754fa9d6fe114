package org.initlab.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte for byte to a server on this machine's loopback address (a client library
 * would fix or refuse the malformed ones the tests need), and the response as text.
 */
final class RawHttp {
    private RawHttp() {}

    /** A response: its status (0 when the server sent none) and its whole text. */
    record Reply(int status, String text) {
        String header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.isEmpty()) break;
                int c = line.indexOf(':');
                if (c > 0 && line.substring(0, c).trim().equalsIgnoreCase(name)) return line.substring(c + 1).trim();
            }
            return null;
        }

        String body() {
            int i = text.indexOf("\r\n\r\n");
            return i < 0 ? "" : text.substring(i + 4);
        }
    }

    static Reply send(int port, byte[] request) throws IOException {
        return send(port, request, 10_000, Integer.MAX_VALUE, null);
    }

    static Reply send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** GET {@code target} with a Host the server answers to, closing the connection after it. */
    static Reply get(int port, String target, String... headers) throws IOException {
        return send(port, request("GET", target, port, headers));
    }

    static String request(String method, String target, int port, String... headers) {
        StringBuilder sb = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
        for (String h : headers) sb.append(h).append("\r\n");
        return sb.append("\r\n").toString();
    }

    /**
     * Sends and reads until the server closes, {@code millis} pass, {@code maxBytes} arrived or the
     * text holds {@code until}.
     */
    static Reply send(int port, byte[] request, int millis, int maxBytes, String until) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(500);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            long deadline = System.nanoTime() + millis * 1_000_000L;
            while (System.nanoTime() < deadline && got.size() < maxBytes) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (IOException reset) {
                    break;
                }
                if (n < 0) break;
                got.write(buf, 0, n);
                if (until != null && got.toString(StandardCharsets.UTF_8).contains(until)) break;
            }
            String text = got.toString(StandardCharsets.UTF_8);
            int status = 0;
            if (text.startsWith("HTTP/")) {
                String[] first = text.split("\r\n", 2)[0].split(" ");
                if (first.length > 1) status = Integer.parseInt(first[1].trim());
            }
            return new Reply(status, text);
        }
    }
}
