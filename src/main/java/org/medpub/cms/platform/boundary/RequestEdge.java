package org.medpub.cms.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.StrictText;

/**
 * The edge every request passes before the application reads it: a method that no page or
 * resource knows is answered 405, and the address, the query string and a form body
 * ({@code application/x-www-form-urlencoded}) are decoded strictly ({@link StrictText}): broken
 * percent-encoding, bytes that are not UTF-8 and NUL are answered 400, a form body over
 * {@code cms.form.max-bytes} 413, each as a problem, before any database call. A form that passes
 * reaches the editorial UI with the fields as decoded here, so nothing decodes them again more
 * leniently. JSON and document bodies are checked where they are read ({@link JsonProvider},
 * the import), with the same rules.
 */
@WebFilter(filterName = "RequestEdge", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class RequestEdge extends HttpFilter {

    /** What the pages and resources of this application answer; anything else names nothing here. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");
    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    ProblemAnswers answers;

    @Inject
    @ConfigProperty(name = "cms.form.max-bytes")
    long maxFormBytes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.equals("/api") || path.startsWith("/api/");
        // the API's resources answer an unknown method themselves (405 with Allow); the servlets would say 501 in HTML
        if (!api && !METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", path.startsWith("/admin/") ? "GET, HEAD, POST" : "GET, HEAD");
            answers.send(request, response, "method-not-allowed", 405, "This address does not take that method");
            return;
        }
        HttpServletRequest checked;
        try {
            StrictText.percentDecoded(request.getRequestURI(), false, StandardCharsets.UTF_8, "The address");
            StrictText.formFields(request.getQueryString(), StandardCharsets.UTF_8, "The query string");
            checked = isForm(request) ? new CheckedForm(request, readForm(request)) : request;
        } catch (BusinessException refused) {
            answers.send(request, response, refused.type(), refused.status(), refused.getMessage());
            return;
        }
        chain.doFilter(checked, response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM)
                && (request.getMethod().equals("POST") || request.getMethod().equals("PUT"));
    }

    /** The form body, read up to the limit and no further. */
    private byte[] readForm(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxFormBytes) {
            throw new FormTooLarge(maxFormBytes);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            InputStream in = request.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                body.write(buffer, 0, n);
                if (body.size() > maxFormBytes) {
                    throw new FormTooLarge(maxFormBytes);
                }
            }
        } catch (IOException cut) {
            // the client stopped sending (it went away, or stalled past the read timeout): its fault, not the server's
            throw new FormIncomplete();
        }
        return body.toByteArray();
    }

    private static final class FormIncomplete extends BusinessException {
        FormIncomplete() {
            super("The form body did not arrive whole");
        }

        @Override
        public int status() {
            return 400;
        }

        @Override
        public String type() {
            return "bad-request";
        }
    }

    private static final class FormTooLarge extends BusinessException {
        FormTooLarge(long limit) {
            super("A form may send at most " + limit + " bytes");
        }

        @Override
        public int status() {
            return 413;
        }

        @Override
        public String type() {
            return "body-too-large";
        }
    }

    /** The request with its form fields as decoded here (query fields first, as the servlet specification orders them). */
    private static final class CheckedForm extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Charset charset;
        private final Map<String, String[]> parameters = new LinkedHashMap<>();

        CheckedForm(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            this.charset = StrictText.charset(request.getCharacterEncoding());
            Map<String, List<String>> fields = StrictText.formFields(request.getQueryString(), StandardCharsets.UTF_8,
                    "The query string");
            StrictText.formFields(new String(body, StandardCharsets.ISO_8859_1), charset, "The form")
                    .forEach((name, values) -> fields.merge(name, values, (query, form) -> {
                        query.addAll(form);
                        return query;
                    }));
            fields.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The form was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
    }
}
