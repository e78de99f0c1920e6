package org.medpub.cms.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 413 to a body larger than {@code cms.api.max-body-bytes}: at once when the declared
 * length is too large, and while reading when a chunked body grows past the limit.
 */
@Provider
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "cms.api.max-body-bytes", defaultValue = "1048576")
    long maxBytes;

    @Inject
    ProblemAnswers answers;

    @Override
    public void filter(ContainerRequestContext request) {
        String acceptLanguage = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (request.getLength() > maxBytes) {
            throw tooLarge(acceptLanguage);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes, acceptLanguage));
        }
    }

    // an exception with a body bypasses the exception mappers, so the answer is made here
    private WebApplicationException tooLarge(String acceptLanguage) {
        return new WebApplicationException(answers.answer(acceptLanguage, "body-too-large", 413,
                "The body may have at most " + maxBytes + " bytes", List.of()));
    }

    private final class Bounded extends FilterInputStream {
        private final String acceptLanguage;
        private long remaining;

        Bounded(InputStream in, long limit, String acceptLanguage) {
            super(in);
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
                throw tooLarge(acceptLanguage);
            }
        }
    }
}
