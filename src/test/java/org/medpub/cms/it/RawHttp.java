package org.medpub.cms.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a bare socket, byte for byte as given: what {@link Api}'s client refuses to send
 * (a '%' without digits, raw bytes that are not UTF-8, unknown methods, a chunked body of any size,
 * a Content-Length that lies) is what the bad-input corpus needs to send.
 */
final class RawHttp {

    /** What the server answered; headers by lower-case name. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + text();
        }
    }

    private RawHttp() {
    }

    /**
     * Sends one request on a connection of its own. The target and the header values go out as
     * ISO-8859-1, one byte per character. A {@code chunkedBytes} above 0 sends that many bytes of
     * {@code body}, repeated, as a chunked body without Content-Length, and stops sending as soon
     * as the server answers.
     */
    static Answer send(String method, String target, Map<String, String> headers, byte[] body, long chunkedBytes) {
        try (Socket socket = new Socket("127.0.0.1", Api.base().getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            if (headers.keySet().stream().noneMatch(n -> n.equalsIgnoreCase("Host"))) {
                head.append("Host: 127.0.0.1:").append(Api.base().getPort()).append("\r\n");
            }
            head.append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (chunkedBytes > 0) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (body.length > 0 && headers.keySet().stream().noneMatch(n -> n.equalsIgnoreCase("Content-Length"))) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (chunkedBytes > 0) {
                sendChunked(out, in, body, chunkedBytes);
            } else {
                out.write(body);
            }
            out.flush();
            return read(in, method.equals("HEAD"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET of this path exactly as written (as {@code curl --path-as-is} sends it), with header lines {@code "Name: value"}. */
    static Answer get(String path, String... headerLines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return send("GET", path, headers, new byte[0], 0);
    }

    private static void sendChunked(OutputStream out, InputStream in, byte[] piece, long total) throws IOException {
        byte[] size = (Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            for (long sent = 0; sent < total && in.available() == 0; sent += piece.length) {
                out.write(size);
                out.write(piece);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedByServer) {
            // the server answered and closed: its answer is what counts
        }
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        while (statusLine.startsWith("HTTP/1.1 100")) {
            while (!line(in).isEmpty()) {
                // the interim answer's headers
            }
            statusLine = line(in);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        if (head || status == 204 || status == 304) {
            return new Answer(status, headers, new byte[0]);
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            return new Answer(status, headers, body.toByteArray());
        }
        if (headers.containsKey("content-length")) {
            return new Answer(status, headers, in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        return new Answer(status, headers, in.readAllBytes());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
