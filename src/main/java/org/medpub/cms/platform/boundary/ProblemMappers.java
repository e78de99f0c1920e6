package org.medpub.cms.platform.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.BusinessException.FieldError;
import org.medpub.cms.platform.control.DatabaseOutage;

/**
 * Turns every failure of a request into a problem answer, titled in the caller's language
 * ({@link ProblemAnswers}); each mapper sits beside the others here.
 */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {
        @Inject
        ProblemAnswers answers;

        @Context
        HttpHeaders request;

        @Override
        public Response toResponse(BusinessException e) {
            return answers.answer(request, e.type(), e.status(), e.getMessage(), e.errors());
        }
    }

    @Provider
    public static class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Inject
        ProblemAnswers answers;

        @Context
        HttpHeaders request;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
            return answers.answer(request, "invalid-input", 400, detail, errors);
        }
    }

    /**
     * The field a violation names, as the API's problems and the editorial UI name it: the path inside
     * the request body ({@code references[0].url}), without the Java method and parameter it arrived through.
     */
    public static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    @Provider
    public static class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Inject
        ProblemAnswers answers;

        @Context
        HttpHeaders request;

        @Override
        public Response toResponse(JsonProcessingException e) {
            return answer(e, answers, request);
        }

        static Response answer(JsonProcessingException e, ProblemAnswers answers, HttpHeaders request) {
            if (e instanceof UnrecognizedPropertyException unknown) {
                String field = unknown.getPropertyName();
                return answers.answer(request, "invalid-input", 400,
                        "Unknown field '" + field + "'", List.of(new FieldError(field, "unknown field")));
            }
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = mapping.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                if (e instanceof JsonProvider.NulInText) {
                    return answers.answer(request, "invalid-text", 400,
                            "Field '" + field + "' contains the character NUL (U+0000), which no text may hold",
                            List.of(new FieldError(field, "contains NUL")));
                }
                return answers.answer(request, "invalid-input", 400,
                        "Field '" + field + "' has the wrong type" + where,
                        List.of(new FieldError(field, "wrong type")));
            }
            return answers.answer(request, "malformed-json", 400, "The request body could not be read as JSON" + where);
        }
    }

    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Inject
        ProblemAnswers answers;

        @Context
        HttpHeaders request;

        /** The type is the HTTP reason phrase as a slug ({@code unsupported-media-type}), {@code request-failed} without one. */
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original.getStatus();
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException json) {
                return JsonMapper.answer(json, answers, request);
            }
            var info = Response.Status.fromStatusCode(status);
            String reason = info == null ? "Request failed" : info.getReasonPhrase();
            String detail = status == 404 ? "Nothing is at this address" : reason;
            Response.ResponseBuilder answer = Response.fromResponse(answers.answer(request,
                    reason.toLowerCase(Locale.ROOT).replace(' ', '-'), status, detail));
            // the problem has its own type and language; every other header of the original (Allow, …) stays
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LANGUAGE)) {
                    values.forEach(v -> answer.header(name, v));
                }
            });
            return answer.build();
        }
    }

    /**
     * The last resort: the caller learns that it failed, the log learns why. A failure because the
     * database cannot be reached is a 503 with {@code Retry-After}, logged by {@link DatabaseOutage}
     * once per outage rather than once per request.
     */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class.getName());

        @Inject
        ProblemAnswers answers;

        @Inject
        DatabaseOutage outage;

        @Context
        HttpHeaders request;

        @Override
        public Response toResponse(Throwable e) {
            if (DatabaseOutage.isCause(e)) {
                outage.failed(e);
                return Response.fromResponse(answers.answer(request, DatabaseUnavailable.TYPE, 503,
                                "The database cannot be reached; try again later"))
                        .header("Retry-After", outage.retryAfterSeconds())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build();
            }
            LOG.log(Level.SEVERE, "Request failed unexpectedly", e);
            return answers.answer(request, "internal-error", 500, "The request failed on the server; it has been logged");
        }
    }
}
