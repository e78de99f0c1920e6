package org.medpub.cms.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** A caller of the running application over real HTTP, signed in as one user or anonymous. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static volatile URI base;

    private final String authorization;

    private Api(String authorization) {
        this.authorization = authorization;
    }

    /** The server the suite started, reached on loopback whatever host name it reports. */
    static void useServer(URI server) {
        base = URI.create("http://127.0.0.1:" + server.getPort() + "/");
    }

    public static URI base() {
        if (base == null) {
            throw new IllegalStateException("The suite's server is not started yet");
        }
        return base;
    }

    /**
     * The reader site's address in its links (canonical, alternates, sitemap) while
     * {@code cms.site.base-url} is unset: localhost and the listener's port, whatever Host was sent.
     */
    public static URI siteBase() {
        return URI.create("http://localhost:" + base().getPort() + "/");
    }

    public static Api as(String user) {
        return as(user, "demo");
    }

    public static Api as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api("Basic " + token);
    }

    public static Api anonymous() {
        return new Api(null);
    }

    /** The answer to one request. */
    public record Reply(int status, HttpResponse<String> response) {

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + response.body(), e);
            }
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String etag() {
            return header("ETag").orElseThrow(() -> new AssertionError("No ETag in " + response.headers()));
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public Reply post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply put(String path, Object body, String ifMatch) {
        var request = request(path).header("Content-Type", "application/json").PUT(publisher(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        var request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
