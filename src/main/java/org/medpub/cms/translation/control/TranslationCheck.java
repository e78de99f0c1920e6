package org.medpub.cms.translation.control;

import static org.medpub.cms.article.control.ImageTexts.ALT_MAX;
import static org.medpub.cms.article.control.ImageTexts.CAPTION_MAX;
import static org.medpub.cms.article.entity.ArticleFields.BODY_MAX;
import static org.medpub.cms.article.entity.ArticleFields.CITATION_MAX;
import static org.medpub.cms.article.entity.ArticleFields.NOTE_MAX;
import static org.medpub.cms.article.entity.ArticleFields.SUMMARY_MAX;
import static org.medpub.cms.article.entity.ArticleFields.TITLE_MAX;
import static org.medpub.cms.article.entity.ArticleFields.TOPIC_MAX;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.translation.control.Inline.Text;
import org.medpub.cms.translation.control.MarkdownSegments.BodyBlock;

/**
 * Checks an XLIFF file against the article it translates, and makes the translation's text from
 * it. Every problem is looked for before anything is refused, and all are reported together:
 *
 * <ul>
 * <li>the {@code <file>} id names an article ({@code article-42}); {@code srcLang} is its source
 * language; {@code trgLang} is an enabled locale, not the source language, and one the
 * translator is assigned;</li>
 * <li>the metadata's {@code sourceRevision} is a revision of the source text, and still its
 * current one (a translation of older text would be outdated the moment it is saved);</li>
 * <li>the units are exactly those of that revision, none unknown, none twice, none missing, and
 * each unit's source says what the revision says (spaces aside); the alt text and caption of an
 * image the revision shows may be left out, and a unit of an image it does not show is unknown; so
 * may the source's notes to readers ({@link ChangeUnits}) and the names of its topics
 * ({@link TopicUnits});</li>
 * <li>the title and every block of the body have a translation; the codes of each translation
 * match its source's ({@link TranslatableText#codeProblems}); nothing is longer than the
 * article's fields allow; a topic's name is not empty and one the taxonomy takes
 * ({@link Facts#topicNameRefused});</li>
 * <li>the translated body, read as Markdown again, has the source's blocks with the
 * translations' words and codes in them.</li>
 * </ul>
 */
public final class TranslationCheck {

    private static final Pattern ARTICLE_FILE = Pattern.compile("article-(\\d{1,18})");
    private static final Pattern REVISION = Pattern.compile("\\d{1,9}");

    /** What the check needs to know of the CMS and of who imports the file. */
    public interface Facts {

        /** The source language of the article, or empty when there is no such article. */
        Optional<String> sourceLocale(long articleId);

        /** The enabled locale a language tag names, in its canonical form. */
        Optional<String> enabledLocale(String tag);

        List<String> enabledLocales();

        boolean mayTranslateInto(String locale);

        int currentSourceRevision(long articleId);

        Optional<RevisionContent> sourceRevision(long articleId, int number);

        /** The alt texts and captions of the images a source revision shows ({@link ImageUnits}); none unless told. */
        default List<TranslationUnit> imageUnits(RevisionContent source) {
            return List.of();
        }

        /** The source's notes to readers up to a source revision ({@link ChangeUnits}); none unless told. */
        default List<TranslationUnit> changeUnits(int sourceRevision) {
            return List.of();
        }

        /** The names of the topics a source revision names, in the source language ({@link TopicUnits}); none unless told. */
        default List<TranslationUnit> topicUnits(RevisionContent source) {
            return List.of();
        }

        /** Why the topic may not be given this name in the locale by the import, or empty when it may. */
        default Optional<String> topicNameRefused(String key, String locale, String name) {
            return Optional.empty();
        }
    }

    /**
     * The translated texts of an image the article shows.
     *
     * @param alt null when the file leaves it as the library has it
     * @param caption null likewise
     */
    public record TranslatedImage(long item, String alt, String caption) {
    }

    /**
     * The text of a translation that passed the check.
     *
     * @param references the source's citations with their text translated, or kept where the file left it empty
     * @param images the images whose alt text or caption the file translates, in the order the body shows them
     * @param changeNotes the source's notes to readers the file translates, by source revision
     * @param topicNames the names the file gives topics in the locale, by topic key, in the file's order
     */
    public record CheckedTranslation(long articleId, String locale, int sourceRevision, String title, String summary,
            String body, List<Reference> references, List<TranslatedImage> images, int units,
            Map<Integer, String> changeNotes, Map<String, String> topicNames) {

        public CheckedTranslation {
            images = List.copyOf(images);
            changeNotes = Map.copyOf(changeNotes);
            topicNames = Collections.unmodifiableMap(new LinkedHashMap<>(topicNames));
        }
    }

    private final XliffFile file;
    private final Facts facts;
    private final List<XliffProblem> problems;

    private TranslationCheck(XliffFile file, Facts facts) {
        this.file = file;
        this.facts = facts;
        this.problems = new ArrayList<>(file.problems());
    }

    /**
     * @throws XliffRejected with every problem found
     */
    public static CheckedTranslation check(XliffFile file, Facts facts) {
        return new TranslationCheck(file, facts).check();
    }

    private CheckedTranslation check() {
        long articleId = article();
        String sourceLocale = facts.sourceLocale(articleId).orElseThrow(() ->
                rejected(file.fileStart(), "There is no article " + articleId));
        if (file.srcLang() != null && !EnabledLocales.canonical(file.srcLang()).equalsIgnoreCase(sourceLocale)) {
            problem(file.start(), "srcLang is '" + file.srcLang() + "', but article " + articleId + " is written in "
                    + sourceLocale);
        }
        String locale = targetLocale(sourceLocale);
        Integer number = sourceRevisionNumber();
        RevisionContent source = null;
        if (number != null) {
            source = facts.sourceRevision(articleId, number).orElse(null);
            int current = facts.currentSourceRevision(articleId);
            if (source == null) {
                problem(file.sourceRevisionAt(), "The " + sourceLocale + " text of article " + articleId
                        + " has no revision " + number + "; its current revision is " + current);
            } else if (number != current) {
                problem(file.sourceRevisionAt(), "The file translates revision " + number + " of the " + sourceLocale
                        + " text, but revision " + current + " is the current one now: export the file again");
            }
        }
        if (source == null) {
            throw new XliffRejected(problems);
        }
        List<TranslationUnit> imageUnits = facts.imageUnits(source);
        List<TranslationUnit> changeUnits = facts.changeUnits(number);
        List<TranslationUnit> topicUnits = facts.topicUnits(source);
        Map<String, List<Inline>> targets = units(source, List.of(imageUnits, changeUnits, topicUnits), number);
        String body = body(source, targets);
        Map<String, String> topicNames = topicNames(topicUnits, targets, locale);
        if (!problems.isEmpty()) {
            throw new XliffRejected(problems);
        }
        List<Reference> references = new ArrayList<>();
        for (int i = 0; i < source.references().size(); i++) {
            Reference cited = source.references().get(i);
            List<Inline> text = targets.get(TranslatableText.referenceId(i));
            references.add(new Reference(text == null ? cited.getText() : plain(text), cited.getUrl(), cited.getDoi(),
                    cited.getPmid()));
        }
        List<Inline> summary = targets.get("summary");
        return new CheckedTranslation(articleId, locale, number, plain(targets.get("title")),
                summary == null ? "" : plain(summary), body, references, images(imageUnits, targets), file.units().size(),
                changeNotes(changeUnits, targets), topicNames);
    }

    /** The names the file gives topics, each checked with the taxonomy once the locale is known. */
    private Map<String, String> topicNames(List<TranslationUnit> topicUnits, Map<String, List<Inline>> targets, String locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (TranslationUnit unit : topicUnits) {
            List<Inline> target = targets.get(unit.id());
            if (target == null || locale == null) {
                continue;
            }
            String key = TopicUnits.key(unit.id()).orElseThrow();
            String name = plain(target).strip();
            facts.topicNameRefused(key, locale, name)
                    .ifPresentOrElse(why -> problem(targetStart(unit.id()), "unit " + unit.id() + ": " + why),
                            () -> names.put(key, name));
        }
        return names;
    }

    private static Map<Integer, String> changeNotes(List<TranslationUnit> changeUnits, Map<String, List<Inline>> targets) {
        Map<Integer, String> notes = new LinkedHashMap<>();
        for (TranslationUnit unit : changeUnits) {
            List<Inline> target = targets.get(unit.id());
            if (target != null) {
                notes.put(ChangeUnits.sourceRevision(unit.id()).orElseThrow(), plain(target).strip());
            }
        }
        return notes;
    }

    private static List<TranslatedImage> images(List<TranslationUnit> imageUnits, Map<String, List<Inline>> targets) {
        Map<Long, TranslatedImage> images = new LinkedHashMap<>();
        for (TranslationUnit unit : imageUnits) {
            List<Inline> target = targets.get(unit.id());
            if (target == null) {
                continue;
            }
            long item = ImageUnits.item(unit.id()).orElseThrow();
            TranslatedImage before = images.getOrDefault(item, new TranslatedImage(item, null, null));
            images.put(item, unit.kind() == UnitKind.ALT_TEXT ? new TranslatedImage(item, plain(target).strip(), before.caption())
                    : new TranslatedImage(item, before.alt(), plain(target).strip()));
        }
        return List.copyOf(images.values());
    }

    private long article() {
        Matcher id = ARTICLE_FILE.matcher(file.fileId() == null ? "" : file.fileId());
        if (!id.matches()) {
            problem(file.fileStart(), "The <file> id is " + (file.fileId() == null ? "missing" : "'" + file.fileId() + "'")
                    + "; it names the article, as exported: article-42");
            throw new XliffRejected(problems);
        }
        return Long.parseLong(id.group(1));
    }

    private String targetLocale(String sourceLocale) {
        if (file.trgLang() == null) {
            return null;
        }
        Optional<String> enabled = facts.enabledLocale(file.trgLang());
        if (enabled.isEmpty()) {
            problem(file.start(), "trgLang '" + file.trgLang() + "' is not a locale the CMS publishes in; enabled are "
                    + String.join(", ", facts.enabledLocales()));
            return null;
        }
        String locale = enabled.get();
        if (locale.equals(sourceLocale)) {
            problem(file.start(), "trgLang is " + locale + ", the article's source language: translate into another");
            return null;
        }
        if (!facts.mayTranslateInto(locale)) {
            problem(file.start(), "You do not translate into " + locale + "; an admin assigns translators their locales");
            return null;
        }
        return locale;
    }

    private Integer sourceRevisionNumber() {
        String text = file.sourceRevision();
        if (text == null) {
            problem(file.fileStart(), "The file names no source revision: <mda:meta type=\"sourceRevision\"> is missing"
                    + " from the metaGroup 'cms' of the <file>, as exported");
            return null;
        }
        if (!REVISION.matcher(text).matches() || Integer.parseInt(text) < 1) {
            problem(file.sourceRevisionAt(), "The source revision '" + text + "' is not a revision number");
            return null;
        }
        return Integer.parseInt(text);
    }

    /** Checks the units against those of the source revision; the tidied targets by unit id. */
    private Map<String, List<Inline>> units(RevisionContent source, List<List<TranslationUnit>> others, int number) {
        Map<String, TranslationUnit> expected = new LinkedHashMap<>();
        TranslatableText.units(source).forEach(unit -> expected.put(unit.id(), unit));
        others.forEach(units -> units.forEach(unit -> expected.put(unit.id(), unit)));
        Map<String, List<Inline>> targets = new HashMap<>();
        Map<String, XliffFile.Unit> seen = new HashMap<>();
        for (XliffFile.Unit given : file.units()) {
            TranslationUnit unit = expected.get(given.id());
            if (unit == null) {
                problem(given.start(), "Unit " + given.id() + " is not in revision " + number + " of the article"
                        + ImageUnits.item(given.id()).map(item -> ImageUnits.shownBy(source.body()).contains(item)
                                ? ": image " + item + " has no such text in the source language to translate"
                                : ": it does not show image " + item).orElse(""));
            } else if (seen.putIfAbsent(given.id(), given) != null) {
                problem(given.start(), "Unit " + given.id() + " appears twice");
            } else {
                unit(unit, given, number).ifPresent(target -> targets.put(unit.id(), target));
            }
        }
        for (TranslationUnit unit : expected.values()) {
            // an image can gain a text in the library after the export, and a note to readers or a topic's
            // name may wait (a topic named in the locale is not exported): the file need not have them
            if (!seen.containsKey(unit.id()) && !ImageUnits.isImageText(unit.kind()) && unit.kind() != UnitKind.CHANGE_NOTE
                    && unit.kind() != UnitKind.TOPIC_NAME) {
                problem(file.fileStart(), "Unit " + unit.id() + " (the " + unit.kind().label() + " \""
                        + shortened(Segment.words(unit.source().content())) + "\") is missing");
            }
        }
        return targets;
    }

    private Optional<List<Inline>> unit(TranslationUnit unit, XliffFile.Unit given, int number) {
        Segment source = unit.source();
        String name = "unit " + unit.id() + ": ";
        if (!Segment.shape(TargetText.tidy(given.source(), source.codes()), source.codes()).equals(source.key())) {
            String says = " says (\"" + shortened(Segment.words(source.content())) + "\")";
            problem(given.sourceStart(), name + (ImageUnits.isImageText(unit.kind())
                    ? "the source is not what the media library" + says + " now: export the file again"
                    : unit.kind() == UnitKind.TOPIC_NAME
                    ? "the source is not the topic's name" + says + " now: export the file again"
                    : "the source is not what revision " + number + says + "; leave the source as exported"));
        }
        List<Inline> target = given.target() == null ? null : TargetText.tidy(given.target(), source.codes());
        Position at = given.targetStart() == null ? given.start() : given.targetStart();
        if (target == null || !Segment.hasText(target)) {
            if (unit.kind() == UnitKind.TOPIC_NAME && target != null) {
                problem(at, name + "the topic's name is empty; leave the target out to name the topic later");
            }
            if (unit.kind().required()) {
                problem(at, name + "the " + unit.kind().label() + " has no translation; the title and every block"
                        + " of the body must be translated");
            }
            return Optional.empty();
        }
        List<String> codeProblems = TranslatableText.codeProblems(source, target);
        codeProblems.forEach(problem -> problem(at, name + problem));
        if (!codeProblems.isEmpty()) {
            return Optional.empty();
        }
        // the body's length counts as a whole, once it is put together
        int max = switch (unit.kind()) {
            case TITLE -> TITLE_MAX;
            case SUMMARY -> SUMMARY_MAX;
            case REFERENCE -> CITATION_MAX;
            case ALT_TEXT -> ALT_MAX;
            case CAPTION -> CAPTION_MAX;
            case CHANGE_NOTE -> NOTE_MAX;
            case TOPIC_NAME -> TOPIC_MAX;
            default -> -1;
        };
        if (max > 0 && plain(target).length() > max) {
            problem(at, name + "the " + unit.kind().label() + " may have at most " + max + " characters");
        }
        return Optional.of(target);
    }

    /**
     * The translated body, once every unit is in order; it is then read again to make sure that
     * it has the source's blocks, each with the words and codes of its translation.
     */
    private String body(RevisionContent source, Map<String, List<Inline>> targets) {
        if (!problems.isEmpty()) {
            return null;
        }
        List<BodyBlock> blocks = MarkdownSegments.blocks(source.body());
        String body = MarkdownSegments.translate(source.body(), blocks, targets);
        List<BodyBlock> again = MarkdownSegments.blocks(body);
        for (int i = 0; i < blocks.size(); i++) {
            TranslationUnit unit = blocks.get(i).unit();
            TranslationUnit read = i < again.size() ? again.get(i).unit() : null;
            if (read == null || read.kind() != unit.kind()
                    || !read.source().key().equals(Segment.shape(targets.get(unit.id()), unit.source().codes()))) {
                problem(targetStart(unit.id()), "unit " + unit.id() + ": the translation would change the layout of the"
                        + " article when written as Markdown; check the text next to its codes");
                return body;
            }
        }
        if (body.length() > BODY_MAX) {
            problem(file.fileStart(), "The translated body would have " + body.length() + " characters; at most "
                    + BODY_MAX + " fit");
        }
        return body;
    }

    private Position targetStart(String unitId) {
        return file.units().stream().filter(unit -> unitId.equals(unit.id())).findFirst()
                .map(unit -> unit.targetStart() == null ? unit.start() : unit.targetStart())
                .orElse(file.fileStart());
    }

    /** The text of a unit without codes, such as a title. */
    private static String plain(List<Inline> content) {
        StringBuilder text = new StringBuilder();
        content.forEach(item -> text.append(((Text) item).text()));
        return text.toString();
    }

    private static String shortened(String words) {
        return words.length() <= 60 ? words : words.substring(0, 59) + "…";
    }

    private void problem(Position at, String message) {
        problems.add(new XliffProblem(at, message));
    }

    private XliffRejected rejected(Position at, String message) {
        problem(at, message);
        return new XliffRejected(problems);
    }
}
