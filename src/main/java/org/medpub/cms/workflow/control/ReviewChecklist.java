package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.Messages;

/**
 * What a medical reviewer confirms, item by item, before approving: configured by key
 * ({@code cms.review.checklist}), labelled from the i18n bundles ({@code review.checklist.<key>}).
 */
@ApplicationScoped
public class ReviewChecklist {

    private static final String LABEL = "review.checklist.";

    public record Item(String key, String label) {
    }

    @Inject
    @ConfigProperty(name = "cms.review.checklist")
    List<String> keys;

    /** An item configured without a label in the bundles is labelled with its key. */
    public List<Item> items(Locale locale) {
        Messages words = Messages.in(locale);
        return keys.stream()
                .map(key -> new Item(key, words.has(LABEL + key) ? words.text(LABEL + key) : key))
                .toList();
    }

    public List<String> keys() {
        return List.copyOf(keys);
    }
}
