package org.medpub.cms.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.workflow.control.Transitions;
import org.medpub.cms.workflow.control.WorkflowAction;
import org.medpub.cms.workflow.control.WorkflowTransitioned;

/**
 * What happens to translations when their source publishes a change that matters for patients'
 * safety ({@code safetyRelevant}): by default ({@code cms.translation.safety-policy=notice}) they
 * stay on line and the reader page says that the original has changed; with {@code offline}
 * they are taken off line until a translator brings them up to date and they are published again.
 */
@ApplicationScoped
public class SafetyPolicy {

    public enum Kind { NOTICE, OFFLINE }

    private static final Logger LOG = Logger.getLogger(SafetyPolicy.class.getName());

    @Inject
    @ConfigProperty(name = "cms.translation.safety-policy")
    String policy;

    @Inject
    ArticleStore articles;

    @Inject
    TranslationStates states;

    @Inject
    Transitions transitions;

    public Kind kind() {
        return Kind.valueOf(policy.strip().toUpperCase(Locale.ROOT));
    }

    void onPublished(@Observes WorkflowTransitioned step) {
        if (step.action() != WorkflowAction.PUBLISH || kind() != Kind.OFFLINE) {
            return;
        }
        Article article = articles.find(step.articleId()).orElseThrow();
        if (!step.locale().equals(article.getSourceLocale())) {
            return;
        }
        List<String> withdrawn = article.getVariants().stream()
                .map(ArticleVariant::getLocale)
                .filter(locale -> !locale.equals(article.getSourceLocale()))
                .filter(locale -> states.of(article, locale).safetyRelevant())
                .toList();
        for (String locale : withdrawn) {
            transitions.withdraw(article.getId(), locale, step.actor(), "The source revision " + step.revision()
                    + " changed what matters for patients' safety; this translation is off line until updated");
        }
        if (!withdrawn.isEmpty()) {
            LOG.info(() -> "Article " + article.getId() + ": translations " + withdrawn
                    + " taken off line after a safety-relevant change of the source");
        }
    }
}
