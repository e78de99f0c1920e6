package org.medpub.cms.workflow.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.medpub.cms.workflow.control.PreviewLinks;

/**
 * The optional body of a request for a preview link.
 *
 * @param validForHours how long the link works; 48 hours when left out
 */
public record PreviewLinkRequest(@Min(1) @Max(PreviewLinkRequest.MAX_HOURS) Integer validForHours) {

    static final int DEFAULT_HOURS = (int) PreviewLinks.USUAL_VALIDITY.toHours();
    static final int MAX_HOURS = 168;

    int hours() {
        return validForHours == null ? DEFAULT_HOURS : validForHours;
    }
}
