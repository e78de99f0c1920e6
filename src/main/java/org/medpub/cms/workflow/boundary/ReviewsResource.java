package org.medpub.cms.workflow.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.workflow.boundary.WorkflowViews.DueList;
import org.medpub.cms.workflow.boundary.WorkflowViews.DueView;
import org.medpub.cms.workflow.control.ReReviews;

/** Published articles whose medical re-review is due soon or overdue, soonest first, a page at a time. */
@Path("reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    @Inject
    ReReviews reReviews;

    @GET
    @Path("due")
    public DueList due(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = limit == null || limit.isBlank() ? DEFAULT_LIMIT
                : PathParams.number(limit).filter(n -> n >= 1 && n <= MAX_LIMIT).orElseThrow(() ->
                        new BusinessException.InvalidInput("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        List<ReReviews.Due> rows = reReviews.dueOrOverdue(decodeCursor(cursor), size + 1);
        boolean more = rows.size() > size;
        List<ReReviews.Due> page = more ? rows.subList(0, size) : rows;
        String next = more ? encodeCursor(page.get(page.size() - 1)) : null;
        return new DueList(page.stream().map(DueView::of).toList(), next);
    }

    private static ReReviews.After decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int slash = decoded.lastIndexOf('/');
            return new ReReviews.After(Instant.parse(decoded.substring(0, slash)), Long.parseLong(decoded.substring(slash + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw new BusinessException.InvalidInput("cursor", "is not a cursor this API gave out");
        }
    }

    private static String encodeCursor(ReReviews.Due last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.lastReviewed() + "/" + last.variantId()).getBytes(StandardCharsets.UTF_8));
    }
}
