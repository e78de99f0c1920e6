package org.medpub.cms.admin.boundary;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the editorial UI's forms show each field that the domain names in a refusal ({@code slug},
 * {@code references[0].url}, {@code checklist.risks-stated}): the client id of the input, so that
 * the message stands next to it and the summary links to it, and the key of its label, so that the
 * message names the field in the user's words. The lists of the editor leave out the rows the user
 * left empty before they are checked, so the editor says which form row each item came from.
 */
final class FormFields {

    /** Where a field is shown, and what it is called there; no client id for a field without an input of its own. */
    record Place(String clientId, String label) {
    }

    private record Input(String clientId, String labelKey) {
    }

    private static final Map<String, Input> INPUTS = Map.ofEntries(
            Map.entry("sourceLocale", new Input("editor:sourceLocale", "editor.sourceLocale.label")),
            Map.entry("title", new Input("editor:title", "editor.title.label")),
            Map.entry("slug", new Input("editor:slug", "editor.slug.label")),
            Map.entry("summary", new Input("editor:summary", "editor.summary.label")),
            Map.entry("body", new Input("editor:body", "editor.body.label")),
            Map.entry("changeNote", new Input("editor:changeNote", "editor.changeNote.label")),
            Map.entry("tellReaders", new Input("editor:tellReaders", "editor.tellReaders.label")),
            Map.entry("topics", new Input(null, "editor.topics.label")),
            Map.entry("references", new Input(null, "editor.references.label")),
            Map.entry("comment", new Input("workflow:comment", "review.commentLabel")),
            Map.entry("noReferencesReason", new Input("workflow:noReferencesReason", "review.noReferencesReason")),
            Map.entry("confirmedClaimChecks", new Input("workflow:confirmedClaimChecks", "claimCheck.heading")),
            Map.entry("publishAt", new Input("workflow:publishAt", "publish.atLabel")),
            Map.entry("file", new Input("upload:file", "media.upload.file")),
            Map.entry("locale", new Input("upload:locale", "media.upload.locale")),
            Map.entry("alt", new Input("upload:alt", "media.texts.alt")),
            Map.entry("caption", new Input("upload:caption", "media.texts.caption")),
            Map.entry("credit", new Input("upload:credit", "media.texts.credit")),
            Map.entry("licence", new Input("upload:licence", "media.upload.licence")),
            Map.entry("source", new Input("upload:source", "media.upload.source")));

    /** The fields in the order the forms show them, for the summary to list them in. */
    private static final List<String> ORDER = List.of("sourceLocale", "title", "slug", "summary", "body", "topics",
            "references", "changeNote", "tellReaders", "checklist", "noReferencesReason", "confirmedClaimChecks", "comment", "publishAt", "file", "locale", "alt",
            "caption", "credit", "licence", "source");

    /** Orders field names as the forms show them (then by name, so {@code references[2]} after {@code references[1]}). */
    static final Comparator<String> AS_SHOWN = Comparator.<String>comparingInt(field -> {
        int at = ORDER.indexOf(field.split("[\\[.]", 2)[0]);
        return at < 0 ? ORDER.size() : at;
    }).thenComparing(Comparator.naturalOrder());

    private static final Pattern TOPIC = Pattern.compile("topics\\[(\\d{1,6})]");
    private static final Pattern REFERENCE = Pattern.compile("references\\[(\\d{1,6})]\\.(text|url|doi|pmid)");
    private static final String CHECKLIST = "checklist.";

    private final List<Integer> topicRows;
    private final List<Integer> referenceRows;
    private final List<String> checklist;

    private FormFields(List<Integer> topicRows, List<Integer> referenceRows, List<String> checklist) {
        this.topicRows = topicRows;
        this.referenceRows = referenceRows;
        this.checklist = checklist;
    }

    /** The editor's form: the form rows of the topics and references that were checked, in order. */
    static FormFields editor(List<Integer> topicRows, List<Integer> referenceRows) {
        return new FormFields(topicRows, referenceRows, List.of());
    }

    /** The media library's upload form. */
    static FormFields upload() {
        return new FormFields(List.of(), List.of(), List.of());
    }

    /** The workflow panel, whose checklist shows the items in this order. */
    static FormFields workflow(List<String> checklist) {
        return new FormFields(List.of(), List.of(), checklist);
    }

    /** Where the field is shown; empty for a field no form of the editorial UI has. */
    Optional<Place> place(String field, Words words) {
        Input input = INPUTS.get(field);
        if (input != null) {
            return Optional.of(new Place(input.clientId(), words.text(input.labelKey())));
        }
        Matcher topic = TOPIC.matcher(field);
        if (topic.matches()) {
            int row = row(topicRows, topic.group(1));
            return Optional.of(new Place("editor:topics:" + row + ":name",
                    words.text("editor.topics.label") + " " + (row + 1)));
        }
        Matcher reference = REFERENCE.matcher(field);
        if (reference.matches()) {
            int row = row(referenceRows, reference.group(1));
            String part = reference.group(2);
            // the form has inputs for the citation and the URL; the API edits DOI and PubMed id
            boolean ownInput = part.equals("text") || part.equals("url");
            String label = switch (part) {
                case "text" -> words.text("editor.references.citation");
                case "url" -> words.text("editor.references.url");
                default -> part.equals("doi") ? "DOI" : "PubMed";
            };
            return Optional.of(new Place("editor:references:" + row + ":" + (ownInput ? part : "text"),
                    words.text("editor.references.label") + " " + (row + 1) + ", " + label));
        }
        if (field.startsWith(CHECKLIST)) {
            String key = field.substring(CHECKLIST.length());
            int item = checklist.indexOf(key);
            String labelKey = "review.checklist." + key;
            return Optional.of(new Place(item < 0 ? null : "workflow:checklist:" + item + ":confirmed",
                    words.textOr(labelKey, key)));
        }
        return Optional.empty();
    }

    private static int row(List<Integer> rows, String index) {
        int checked = Integer.parseInt(index);
        return checked < rows.size() ? rows.get(checked) : checked;
    }
}
