package org.medpub.cms.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 413 to a body larger than {@code cms.api.max-body-bytes}, or than the limit a method
 * names with {@link BodyLimit}: at once when the declared length is too large, and while reading
 * when a chunked body grows past the limit.
 */
@Provider
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "cms.api.max-body-bytes")
    long maxBytes;

    @Inject
    ProblemAnswers answers;

    @Inject
    Config config;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String acceptLanguage = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        long limit = limit();
        if (request.getLength() > limit) {
            throw tooLarge(acceptLanguage, limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit, acceptLanguage));
        }
    }

    private long limit() {
        Method method = resource == null ? null : resource.getResourceMethod();
        BodyLimit own = method == null ? null : method.getAnnotation(BodyLimit.class);
        return own == null ? maxBytes : config.getValue(own.value(), Long.class);
    }

    // an exception with a body bypasses the exception mappers, so the answer is made here
    private WebApplicationException tooLarge(String acceptLanguage, long limit) {
        return new WebApplicationException(answers.answer(acceptLanguage, "body-too-large", 413,
                "The body may have at most " + limit + " bytes", List.of()));
    }

    private final class Bounded extends FilterInputStream {
        private final String acceptLanguage;
        private final long limit;
        private long remaining;

        Bounded(InputStream in, long limit, String acceptLanguage) {
            super(in);
            this.limit = limit;
            this.remaining = limit;
            this.acceptLanguage = acceptLanguage;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            remaining -= n;
            if (remaining < 0) {
                throw tooLarge(acceptLanguage, limit);
            }
        }
    }
}
