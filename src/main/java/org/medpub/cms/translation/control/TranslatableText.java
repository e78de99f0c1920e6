package org.medpub.cms.translation.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.translation.control.Inline.Paired;
import org.medpub.cms.translation.control.Inline.Placeholder;
import org.medpub.cms.translation.control.Inline.Text;
import org.medpub.cms.translation.control.MarkdownSegments.BodyBlock;

/**
 * What of a revision is translated, unit by unit, in this order: {@code title}; {@code summary}
 * when there is one; the blocks of the body ({@code body-1}, … as {@link MarkdownSegments} cuts
 * them); each citation ({@code reference-1}, …, numbered by the citation's place in the list).
 * Slugs, topics and the addresses and identifiers of citations are not translated here.
 */
public final class TranslatableText {

    private TranslatableText() {
    }

    public static List<TranslationUnit> units(RevisionContent revision) {
        List<TranslationUnit> units = new ArrayList<>();
        units.add(new TranslationUnit("title", UnitKind.TITLE, Segment.plain(revision.title())));
        if (!revision.summary().isBlank()) {
            units.add(new TranslationUnit("summary", UnitKind.SUMMARY, Segment.plain(revision.summary())));
        }
        MarkdownSegments.blocks(revision.body()).forEach(block -> units.add(block.unit()));
        List<Reference> references = revision.references();
        for (int i = 0; i < references.size(); i++) {
            if (!references.get(i).getText().isBlank()) {
                units.add(new TranslationUnit(referenceId(i), UnitKind.REFERENCE, Segment.plain(references.get(i).getText())));
            }
        }
        return units;
    }

    static String referenceId(int index) {
        return "reference-" + (index + 1);
    }

    /** A unit of a source revision and its translation, with the source's codes. */
    public record AlignedUnit(TranslationUnit source, List<Inline> target) {
    }

    /**
     * The units of a source revision side by side with their translations in a revision that was
     * made from it. Titles and summaries pair up; citations and body blocks pair up by position,
     * citations when both lists are as long, body blocks when both bodies have the same kinds of
     * block in the same order. The codes of a translated block pair up with the source's by kind
     * in reading order (the first link with the first link); a block whose codes do not pair up
     * so is left out, and so is anything the translation left empty.
     */
    public static List<AlignedUnit> align(RevisionContent source, RevisionContent translation) {
        List<AlignedUnit> aligned = new ArrayList<>();
        List<TranslationUnit> units = units(source);
        Map<String, TranslationUnit> byId = new LinkedHashMap<>();
        units.forEach(unit -> byId.put(unit.id(), unit));

        plain(byId.get("title"), translation.title()).ifPresent(aligned::add);
        plain(byId.get("summary"), translation.summary()).ifPresent(aligned::add);
        List<BodyBlock> sourceBlocks = MarkdownSegments.blocks(source.body());
        List<BodyBlock> translatedBlocks = MarkdownSegments.blocks(translation.body());
        if (sourceBlocks.stream().map(b -> b.unit().kind()).toList()
                .equals(translatedBlocks.stream().map(b -> b.unit().kind()).toList())) {
            for (int i = 0; i < sourceBlocks.size(); i++) {
                TranslationUnit unit = sourceBlocks.get(i).unit();
                codesOfSource(translatedBlocks.get(i).unit().source(), unit.source())
                        .ifPresent(target -> aligned.add(new AlignedUnit(unit, target)));
            }
        }
        if (source.references().size() == translation.references().size()) {
            for (int i = 0; i < source.references().size(); i++) {
                plain(byId.get(referenceId(i)), translation.references().get(i).getText()).ifPresent(aligned::add);
            }
        }
        return aligned;
    }

    private static Optional<AlignedUnit> plain(TranslationUnit unit, String translated) {
        if (unit == null || translated == null || translated.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AlignedUnit(unit, TargetText.tidy(List.of(new Text(translated)), Map.of())));
    }

    /** The translated content with each code renamed to the source's code it pairs up with. */
    private static Optional<List<Inline>> codesOfSource(Segment translated, Segment source) {
        Map<CodeKind, Queue<String>> sourceIds = new EnumMap<>(CodeKind.class);
        source.codes().values().forEach(code ->
                sourceIds.computeIfAbsent(code.kind(), kind -> new ArrayDeque<>()).add(code.id()));
        Map<String, String> renamed = new LinkedHashMap<>();
        for (InlineCode code : translated.codes().values()) {
            String sourceId = sourceIds.getOrDefault(code.kind(), new ArrayDeque<>()).poll();
            if (sourceId == null && !code.kind().mayBeDropped()) {
                return Optional.empty();
            }
            renamed.put(code.id(), sourceId);
        }
        List<Inline> target = TargetText.tidy(renamed(translated.content(), renamed), source.codes());
        if (!Segment.hasText(target) || !codeProblems(source, target).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(target);
    }

    private static List<Inline> renamed(List<Inline> content, Map<String, String> ids) {
        List<Inline> renamed = new ArrayList<>();
        for (Inline item : content) {
            if (item instanceof Placeholder placeholder) {
                String id = ids.get(placeholder.id());
                renamed.add(id == null ? new Text(" ") : new Placeholder(id));
            } else if (item instanceof Paired paired) {
                renamed.add(new Paired(ids.get(paired.id()), renamed(paired.content(), ids)));
            } else {
                renamed.add(item);
            }
        }
        return renamed;
    }

    /**
     * What is wrong with the codes of a translation, against its source; nothing when they match.
     * They match when every code of the source is there once (a wrapped line may go), each as a
     * placeholder or a pair as in the source, each inside the same paired code as in the source
     * (the order may change), and every pair wraps something.
     */
    public static List<String> codeProblems(Segment source, List<Inline> target) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        checkCodes(target, null, source, Segment.parents(source.content()), seen, problems);
        for (InlineCode code : source.codes().values()) {
            if (!seen.contains(code.id()) && !code.kind().mayBeDropped()) {
                problems.add("the " + describe(code) + " is missing; keep every code of the source");
            }
        }
        return problems;
    }

    private static void checkCodes(List<Inline> content, String parent, Segment source, Map<String, String> sourceParents,
            Set<String> seen, List<String> problems) {
        for (Inline item : content) {
            if (item instanceof Text) {
                continue;
            }
            String id = item instanceof Paired paired ? paired.id() : ((Placeholder) item).id();
            InlineCode code = source.codes().get(id);
            if (code == null) {
                problems.add("code " + id + " is not in the source");
            } else if (!seen.add(id)) {
                problems.add("the " + describe(code) + " appears twice");
            } else if (code.kind().paired() != item instanceof Paired) {
                problems.add("the " + describe(code) + " must be " + (code.kind().paired()
                        ? "a <pc> around words" : "a <ph> on its own") + ", as in the source");
            } else if (!Objects.equals(parent, sourceParents.get(id))) {
                String sourceParent = sourceParents.get(id);
                problems.add("the " + describe(code) + (sourceParent == null
                        ? " must not be inside the " + describe(source.codes().get(parent))
                        : " must be inside the " + describe(source.codes().get(sourceParent))) + ", as in the source");
            } else if (item instanceof Paired paired && paired.content().isEmpty()) {
                problems.add("the " + describe(code) + " wraps no words");
            }
            if (item instanceof Paired paired) {
                checkCodes(paired.content(), id, source, sourceParents, seen, problems);
            }
        }
    }

    private static String describe(InlineCode code) {
        return code == null ? "unknown code" : code.kind().label() + " (code " + code.id() + ")";
    }
}
