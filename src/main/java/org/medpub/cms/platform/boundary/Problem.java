package org.medpub.cms.platform.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.medpub.cms.platform.control.BusinessException.FieldError;

/**
 * An error answer in the shape of RFC 9457 ({@code application/problem+json}): the one error
 * shape of the API. It never carries a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "/problems/";

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(TYPE_BASE + type, title, status, detail, List.of());
    }

    public static Problem of(String type, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + type, title, status, detail, errors);
    }

    public Response toResponse() {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8"))
                .entity(this)
                .build();
    }
}
