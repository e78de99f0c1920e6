package org.medpub.cms.article.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.entity.RevisionContent;

/**
 * {@link RevisionDiff} within the configured budget: {@code cms.diff.max-chars} and
 * {@code cms.diff.time-budget}. Every screen and request that compares revisions goes through
 * it, so no comparison keeps a thread busy longer than the budget, whoever waits for it.
 */
@ApplicationScoped
public class RevisionComparison {

    @Inject
    @ConfigProperty(name = "cms.diff.max-chars")
    int maxChars;

    @Inject
    @ConfigProperty(name = "cms.diff.time-budget")
    String timeBudget;

    public List<RevisionDiff.FieldDiff> compare(RevisionContent from, RevisionContent to) {
        return RevisionDiff.compare(from, to, new RevisionDiff.Budget(maxChars, Duration.parse(timeBudget)));
    }
}
