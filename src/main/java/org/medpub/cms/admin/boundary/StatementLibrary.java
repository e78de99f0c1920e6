package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.medpub.cms.article.control.Statements;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.EditorialPermissions;

/**
 * The statement library ({@code /admin/statements.xhtml}): every statement with its locales and
 * their states, its contradicting phrases, a link to edit it; and, for editors, medical reviewers
 * and admins, the published pages that contain a contradicting phrase. Statements are written
 * through the API ({@code POST /api/statements}) and edited in the article editor.
 */
@Named("statementLibrary")
@RequestScoped
public class StatementLibrary {

    /** One statement as the list shows it. */
    public record Row(long id, String title, String slug, String sourceLocale, List<ArticleVariant> variants,
            String phrases) {
    }

    @Inject
    Statements statements;

    @Inject
    Caller caller;

    @Inject
    Words words;

    private List<Row> rows;

    /** How statements are written and embedded; the line to embed is no word to translate. */
    public String getHint() {
        return words.with("statements.hint", "example", "{{statement:slug}}");
    }

    public List<Row> getRows() {
        if (rows == null) {
            rows = statements.list().stream().map(s -> new Row(s.getId(), s.getTitle(), s.sourceVariant().getSlug(),
                    s.getSourceLocale(), s.getVariants(), phrases(statements.phrases(s.getId())))).toList();
        }
        return rows;
    }

    /** Whether the caller reads the report of published pages with contradicting phrases. */
    public boolean isMayReadContradictions() {
        return EditorialPermissions.mayReadContradictions(caller.actor());
    }

    public List<Statements.Contradiction> getContradictions() {
        return isMayReadContradictions() ? statements.contradictions() : List.of();
    }

    private static String phrases(Map<String, List<String>> byLocale) {
        return byLocale.entrySet().stream().map(e -> e.getKey() + ": " + String.join(" · ", e.getValue()))
                .collect(Collectors.joining("; "));
    }
}
