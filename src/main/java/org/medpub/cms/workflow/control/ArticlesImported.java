package org.medpub.cms.workflow.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fired once per batch import, inside its transaction, instead of a {@link WorkflowTransitioned}
 * per variant: listeners react to the whole batch at once, and those that must only act on what
 * was committed observe it {@code during = TransactionPhase.AFTER_SUCCESS}.
 *
 * @param articleIds       every article the batch created
 * @param publishedLocales per article id, the locales the batch published it in (absent: none)
 */
public record ArticlesImported(List<Long> articleIds, Map<Long, Set<String>> publishedLocales, String actor,
        Instant at) {

    public ArticlesImported {
        articleIds = List.copyOf(articleIds);
        publishedLocales = java.util.Map.copyOf(publishedLocales);
    }
}
