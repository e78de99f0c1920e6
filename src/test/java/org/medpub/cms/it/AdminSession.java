package org.medpub.cms.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser of the editorial UI over plain HTTP: keeps its session cookie, follows redirects
 * on the same server, and fills in and posts the Faces forms of the last page it read.
 */
final class AdminSession {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
    private static final String SESSION_VERSION = "JSESSIONIDVERSION";
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)=\"([^\"]*)\"");

    private String cookie;
    private String lastPath;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> browserCookies = new LinkedHashMap<>();
    HttpResponse<String> last;
    // every session cookie the server set, whole (with its attributes)
    final List<String> sessionCookiesSet = new ArrayList<>();
    /** The last redirect this browser followed, as it was answered. */
    HttpResponse<String> lastRedirect;

    /** A cookie the page's script or the language selector would set, sent beside the session cookie. */
    AdminSession cookie(String name, String value) {
        browserCookies.put(name, value);
        return this;
    }

    /** The session cookie (name=value) this browser holds, if signed in. */
    String sessionCookie() {
        return cookie;
    }

    /** Sends this header with every request, as a proxy in front adds it. */
    AdminSession with(String header, String value) {
        headers.put(header, value);
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(Api.base().resolve(path)).GET(), path);
    }

    /** Posts the form with this id from the last page: its fields, the changes given, and the button pressed. */
    HttpResponse<String> submit(String formId, Map<String, String> changes, String button) {
        Map<String, String> fields = fields(formId);
        fields.putAll(changes);
        if (button != null) {
            fields.put(button, "pressed");
        }
        return post(lastPath, fields);
    }

    /** Posts the form as {@link #submit} does, with the checkboxes named {@code name} ticked that have these values. */
    HttpResponse<String> submitTicking(String formId, String name, List<String> values, Map<String, String> changes,
            String button) {
        Map<String, String> fields = fields(formId);
        fields.putAll(changes);
        fields.put(button, "pressed");
        String body = fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String ticked = values.stream().map(v -> encode(name) + "=" + encode(v)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(Api.base().resolve(lastPath))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body + "&" + ticked)), lastPath);
    }

    /**
     * The Faces ajax request the page's script sends when {@code event} fires on {@code source}: the
     * form's fields with the changes given, executing the whole form, rendering {@code render}.
     */
    HttpResponse<String> ajax(String formId, Map<String, String> changes, String source, String event, String render) {
        Map<String, String> fields = fields(formId);
        fields.putAll(changes);
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", source);
        fields.put("jakarta.faces.behavior.event", event);
        fields.put("jakarta.faces.partial.event", event);
        fields.put("jakarta.faces.partial.execute", formId);
        fields.put("jakarta.faces.partial.render", render);
        return post(lastPath, fields);
    }

    /** Posts a multipart form of the last page with one file chosen, as a browser uploads it. */
    HttpResponse<String> upload(String formId, String fileField, String fileName, String content, String button) {
        Map<String, String> fields = fields(formId);
        fields.remove(fileField);
        fields.put(button, "pressed");
        String boundary = "----cms-test-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/xliff+xml\r\n\r\n")
                .append(content).append("\r\n--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(Api.base().resolve(lastPath))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), lastPath);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(Api.base().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    HttpResponse<String> signIn(String user, String password) {
        get("/admin/login.xhtml");
        return submit("login", Map.of("login:userName", user, "login:password", password), "login:signIn");
    }

    /** The fields a browser would send with the form: text, hidden and ticked inputs, text areas; no buttons. */
    Map<String, String> fields(String formId) {
        String html = last.body();
        int start = html.indexOf("<form id=\"" + formId + "\"");
        if (start < 0) {
            throw new AssertionError("No form " + formId + " in " + html);
        }
        String form = html.substring(start, html.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            String type = attributes.getOrDefault("type", "text");
            if (attributes.containsKey("name") && !type.equals("submit")
                    && (!type.equals("checkbox") || input.group(1).contains("checked"))) {
                fields.put(attributes.get("name"), unescape(attributes.getOrDefault("value", "")));
            }
        }
        Matcher textarea = TEXTAREA.matcher(form);
        while (textarea.find()) {
            String text = textarea.group(2).startsWith("\n") ? textarea.group(2).substring(1) : textarea.group(2);
            fields.put(attributes(textarea.group(1)).get("name"), unescape(text));
        }
        return fields;
    }

    /** The text of a text area of the last page, as a browser shows it. */
    String textarea(String name) {
        Matcher textarea = TEXTAREA.matcher(last.body());
        while (textarea.find()) {
            if (name.equals(attributes(textarea.group(1)).get("name"))) {
                String text = textarea.group(2);
                return unescape(text.startsWith("\n") ? text.substring(1) : text);
            }
        }
        throw new AssertionError("No text area " + name);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String path) {
        List<String> cookies = new ArrayList<>();
        if (cookie != null) {
            cookies.add(cookie);
        }
        browserCookies.forEach((name, value) -> cookies.add(name + "=" + value));
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID="))
                    .forEach(c -> {
                        sessionCookiesSet.add(c);
                        cookie = c.split(";", 2)[0];
                    });
            // Payara's sessions on the data grid carry their version in a cookie of their own, which a
            // browser sends back; without it an instance of a cluster does not take the grid's copy
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(SESSION_VERSION + "="))
                    .forEach(c -> browserCookies.put(SESSION_VERSION, c.split(";", 2)[0].substring(SESSION_VERSION.length() + 1)));
            last = response;
            lastPath = path;
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 == 3 && location.isPresent()) {
                lastRedirect = response;
                URI target = URI.create(location.get());
                String next = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                return get(next);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2));
        }
        return attributes;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
