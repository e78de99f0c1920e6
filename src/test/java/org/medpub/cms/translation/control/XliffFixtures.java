package org.medpub.cms.translation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.translation.control.Inline.Paired;
import org.medpub.cms.translation.control.Inline.Text;
import org.medpub.cms.translation.control.XliffWriter.ExportedUnit;
import org.medpub.cms.translation.control.XliffWriter.Suggestion;

/** Source revisions, exported files and a stand-in for the CMS, for the tests of export and import. */
final class XliffFixtures {

    static final long ARTICLE = 42;

    static final String BODY = """
            ## What a migraine is

            A migraine is a **moderate or severe** headache, often with *nausea*.

            - Take `ibuprofen` early
            - Read the [guideline](https://example.org/migraine) first""";

    private XliffFixtures() {
    }

    static RevisionContent source(String body) {
        return new RevisionContent("Living with migraine", "living-with-migraine",
                "What a migraine is and how attacks can be made rarer.", body, List.of("migraine"),
                List.of(new Reference("Example headache society. Migraine guideline, 2024.", "https://example.org/m",
                        null, null)), null, false, null, false);
    }

    /** The XLIFF file of the source, each unit's target its source with the words changed. */
    static String exported(RevisionContent source, int revision, String targetLocale, UnaryOperator<String> words) {
        List<ExportedUnit> units = new ArrayList<>();
        for (TranslationUnit unit : TranslatableText.units(source)) {
            units.add(new ExportedUnit(unit, words == null ? null : translated(unit.source().content(), words),
                    Suggestion.NONE));
        }
        byte[] file = XliffWriter.write(new XliffWriter.Header(ARTICLE, "en", targetLocale, revision), units);
        return new String(file, StandardCharsets.UTF_8);
    }

    static List<Inline> translated(List<Inline> content, UnaryOperator<String> words) {
        return content.stream().map(item -> item instanceof Text text ? new Text(words.apply(text.text()))
                : item instanceof Paired paired ? new Paired(paired.id(), translated(paired.content(), words))
                : item).toList();
    }

    static TranslationCheck.CheckedTranslation imported(String file, Facts facts) {
        return TranslationCheck.check(XliffReader.read(file.getBytes(StandardCharsets.UTF_8)), facts);
    }

    /** The line of the file on which a text first occurs. */
    static int lineOf(String file, String text) {
        int at = file.indexOf(text);
        if (at < 0) {
            throw new AssertionError(text + " is not in " + file);
        }
        return (int) file.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The demo articles' English and Spanish texts. */
    static List<RevisionContent[]> demoArticles() {
        List<RevisionContent[]> articles = new ArrayList<>();
        for (String name : resource("demo/articles/index").split("\\R")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                JsonNode article = new ObjectMapper().readTree(resource("demo/articles/" + name.strip()));
                List<Reference> references = new ArrayList<>();
                article.get("references").forEach(r -> references.add(new Reference(r.get("text").asText(),
                        r.get("url").asText(null), null, null)));
                articles.add(new RevisionContent[] {demo(article, "en", references), demo(article, "es", references)});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return articles;
    }

    private static RevisionContent demo(JsonNode article, String locale, List<Reference> references) {
        JsonNode variant = article.get("variants").get(locale);
        return new RevisionContent(variant.get("title").asText(), variant.get("slug").asText(),
                variant.get("summary").asText(), variant.get("body").asText(), List.of(), references, null, false, null, false);
    }

    private static String resource(String name) {
        try (InputStream in = XliffFixtures.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CMS as the import check sees it: one article in English, a translator assigned es and de. */
    static class Facts implements TranslationCheck.Facts {
        final List<RevisionContent> revisions;
        Set<String> translatorLocales = Set.of("es", "de");

        Facts(RevisionContent... revisions) {
            this.revisions = List.of(revisions);
        }

        @Override
        public Optional<String> sourceLocale(long articleId) {
            return articleId == ARTICLE ? Optional.of("en") : Optional.empty();
        }

        @Override
        public Optional<String> enabledLocale(String tag) {
            return enabledLocales().stream().filter(tag::equalsIgnoreCase).findFirst();
        }

        @Override
        public List<String> enabledLocales() {
            return List.of("en", "es", "de", "fr", "ar");
        }

        @Override
        public boolean mayTranslateInto(String locale) {
            return translatorLocales.contains(locale);
        }

        @Override
        public int currentSourceRevision(long articleId) {
            return revisions.size();
        }

        @Override
        public Optional<RevisionContent> sourceRevision(long articleId, int number) {
            return number >= 1 && number <= revisions.size() ? Optional.of(revisions.get(number - 1)) : Optional.empty();
        }
    }
}
