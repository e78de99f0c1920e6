package org.medpub.cms.platform.control;

import java.util.List;
import java.util.Map;

/**
 * A request the application refuses for a reason the caller can act on. Each kind answers with
 * its own HTTP status and problem type; nothing was changed when one is thrown.
 */
public abstract class BusinessException extends RuntimeException {

    /**
     * A field of the request and what is wrong with it. The message is English, for the API; where
     * {@code key} names a message of the i18n bundles, the editorial UI shows that one instead, in
     * its user's language, with the arguments (name, value) given.
     */
    public record FieldError(String field, String message, String key, Map<String, Object> arguments) {

        public FieldError(String field, String message) {
            this(field, message, null, Map.of());
        }

        public FieldError {
            arguments = Map.copyOf(arguments);
        }

        /** The same error, worded for the editorial UI by the i18n message {@code key}. */
        public FieldError worded(String key, Map<String, Object> arguments) {
            return new FieldError(field, message, key, arguments);
        }
    }

    private final List<FieldError> errors;

    protected BusinessException(String detail) {
        this(detail, List.of());
    }

    protected BusinessException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public abstract int status();

    /**
     * A short, stable slug naming the kind of problem; the problem type URI ends with it, and the
     * i18n bundles title it ({@code problem.<type>.title}).
     */
    public abstract String type();

    public List<FieldError> errors() {
        return errors;
    }

    public static final class NotFound extends BusinessException {
        public NotFound(String detail) {
            super(detail);
        }

        public int status() { return 404; }
        public String type() { return "not-found"; }
    }

    public static final class InvalidInput extends BusinessException {
        public InvalidInput(String detail, List<FieldError> errors) {
            super(detail, errors);
        }

        public InvalidInput(String field, String message) {
            this(new FieldError(field, message));
        }

        public InvalidInput(FieldError error) {
            super(error.message(), List.of(error));
        }

        public int status() { return 400; }
        public String type() { return "invalid-input"; }
    }

    public static final class Conflict extends BusinessException {
        private final String type;

        public Conflict(String type, String detail) {
            super(detail);
            this.type = type;
        }

        /** A conflict the caller resolves by filling in this field. */
        public Conflict(String type, FieldError error) {
            super(error.message(), List.of(error));
            this.type = type;
        }

        public int status() { return 409; }
        public String type() { return type; }
    }

    public static final class Forbidden extends BusinessException {
        public Forbidden(String detail) {
            super(detail);
        }

        public int status() { return 403; }
        public String type() { return "forbidden"; }
    }

    /** Someone saved in between: the caller's If-Match names a revision that is no longer current. */
    public static final class StaleRevision extends BusinessException {
        public StaleRevision(String detail) {
            super(detail);
        }

        public int status() { return 412; }
        public String type() { return "stale-revision"; }
    }

    public static final class PreconditionRequired extends BusinessException {
        public PreconditionRequired(String detail) {
            super(detail);
        }

        public int status() { return 428; }
        public String type() { return "if-match-required"; }
    }
}
