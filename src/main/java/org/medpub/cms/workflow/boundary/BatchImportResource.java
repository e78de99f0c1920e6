package org.medpub.cms.workflow.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.boundary.BodyLimit;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.boundary.JsonProvider;
import org.medpub.cms.platform.boundary.ProblemAnswers;
import org.medpub.cms.platform.boundary.ProblemMappers;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.StrictText;
import org.medpub.cms.workflow.control.BatchArticle;
import org.medpub.cms.workflow.control.BatchImport;

/**
 * {@code POST /api/import/batch}: many articles at once, one JSON object per line
 * ({@code application/x-ndjson}), for moving a publisher's archive in. Admins only. The batch is
 * one transaction: a line that cannot be imported is a 400 naming its number and field, and
 * nothing of the batch is stored. At most {@code cms.import.batch-max-lines} lines and
 * {@code cms.import.batch-max-bytes} bytes (413 beyond, the bytes counted while reading).
 */
@Path("import/batch")
@RequestScoped
public class BatchImportResource {

    static final String NDJSON = "application/x-ndjson";

    /** The answer: how many articles the batch made, and which line became which article. */
    public record Result(int imported, List<BatchImport.Imported> articles) {
    }

    @Inject
    BatchImport batchImport;

    @Inject
    Caller caller;

    @Inject
    Validator validator;

    @Inject
    ProblemAnswers answers;

    @Inject
    @ConfigProperty(name = "cms.import.batch-max-lines")
    int maxLines;

    @Context
    HttpHeaders headers;

    @POST
    @BodyLimit("cms.import.batch-max-bytes")
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importBatch(InputStream body) throws IOException {
        // asked before the batch is read, so that whoever may not import learns nothing from it
        EditorialPermissions.requireImportBatches(caller.actor());
        String text = StrictText.decode(body.readAllBytes(),
                StrictText.charset(headers.getMediaType().getParameters().get(MediaType.CHARSET_PARAMETER)), "The batch");
        String[] lines = text.split("\n", -1);
        // counted before any line is read: a batch too long is refused whatever its lines hold
        if (Arrays.stream(lines).filter(line -> !line.isBlank()).count() > maxLines) {
            throw new WebApplicationException(answers.answer(headers, "body-too-large", 413,
                    "A batch may have at most " + maxLines + " lines; split it"));
        }
        List<BatchArticle> batch = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                batch.add(article(i + 1, line));
            }
        }
        List<BatchImport.Imported> imported = batchImport.importAll(batch, caller.actor());
        return Response.status(imported.isEmpty() ? Response.Status.OK : Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Result(imported.size(), imported))
                .build();
    }

    private BatchArticle article(int number, String line) {
        BatchLine read;
        try {
            read = JsonProvider.MAPPER.readValue(line, BatchLine.class);
        } catch (JsonProcessingException e) {
            throw unreadable(number, e);
        }
        if (read == null) {
            throw BatchImport.refusal(number, "line", "A line must be a JSON object");
        }
        Set<ConstraintViolation<BatchLine>> violations = validator.validate(read);
        if (!violations.isEmpty()) {
            List<BusinessException.FieldError> errors = violations.stream()
                    .map(v -> new BusinessException.FieldError("line " + number + ": " + ProblemMappers.fieldOf(v),
                            v.getMessage()))
                    .sorted(Comparator.comparing(BusinessException.FieldError::field))
                    .toList();
            throw new BusinessException.InvalidInput("Line " + number + ": " + errors.stream()
                    .map(f -> f.field().substring(f.field().indexOf(": ") + 2) + " " + f.message())
                    .collect(Collectors.joining("; ")), errors);
        }
        return read.toArticle(number);
    }

    private static BusinessException unreadable(int number, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return BatchImport.refusal(number, unknown.getPropertyName(), "unknown field");
        }
        if (e instanceof JsonProvider.NulInText nul && !nul.getPath().isEmpty()) {
            return BatchImport.refusal(number, path(nul), "contains the character NUL (U+0000), which no text may hold");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return BatchImport.refusal(number, path(mapping), "wrong type");
        }
        String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
        return BatchImport.refusal(number, "line", "not a JSON object" + where);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
