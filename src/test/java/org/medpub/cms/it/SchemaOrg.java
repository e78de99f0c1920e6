package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the schema.org vocabulary that the reader pages use, as schema.org defines it: each
 * type with its parent and the properties it adds. A page's JSON-LD is valid when every object
 * names a type known here and uses only properties of that type or its ancestors, each with a value
 * of the kind the property takes.
 */
final class SchemaOrg {

    private record Type(String parent, Set<String> properties) {
    }

    private static final Map<String, Type> TYPES = Map.ofEntries(
            Map.entry("Thing", new Type(null, Set.of("name", "description", "url", "identifier", "alternateName",
                    "image", "sameAs"))),
            Map.entry("CreativeWork", new Type("Thing", Set.of("about", "audience", "author", "citation", "dateModified",
                    "datePublished", "headline", "inLanguage", "keywords", "publisher", "isPartOf"))),
            Map.entry("WebPage", new Type("CreativeWork", Set.of("breadcrumb", "lastReviewed", "reviewedBy",
                    "mainContentOfPage", "primaryImageOfPage", "specialty", "significantLink"))),
            Map.entry("MedicalWebPage", new Type("WebPage", Set.of("medicalAudience"))),
            Map.entry("Person", new Type("Thing", Set.of("jobTitle", "honorificPrefix", "honorificSuffix", "affiliation",
                    "knowsAbout"))),
            Map.entry("Audience", new Type("Thing", Set.of("audienceType", "geographicArea"))),
            Map.entry("PeopleAudience", new Type("Audience", Set.of("healthCondition", "suggestedAge"))),
            Map.entry("MedicalAudience", new Type("PeopleAudience", Set.of())),
            Map.entry("StructuredValue", new Type("Thing", Set.of())),
            Map.entry("PropertyValue", new Type("StructuredValue", Set.of("propertyID", "value", "unitCode"))),
            Map.entry("ItemList", new Type("Thing", Set.of("itemListElement", "numberOfItems", "itemListOrder"))),
            Map.entry("BreadcrumbList", new Type("ItemList", Set.of())),
            Map.entry("ListItem", new Type("Thing", Set.of("item", "position", "nextItem", "previousItem"))));

    /** Properties whose value is text, a date, a number or an address rather than an object. */
    private static final Set<String> LITERALS = Set.of("name", "description", "url", "alternateName", "headline",
            "inLanguage", "keywords", "dateModified", "datePublished", "lastReviewed", "jobTitle", "audienceType",
            "propertyID", "value", "position", "item");

    /** Properties that take objects of these types (or their descendants). */
    private static final Map<String, String> RANGES = Map.of(
            "about", "Thing", "audience", "Audience", "author", "Person", "reviewedBy", "Person",
            "citation", "CreativeWork", "identifier", "PropertyValue", "breadcrumb", "BreadcrumbList",
            "itemListElement", "ListItem");

    private SchemaOrg() {
    }

    /** The page's JSON-LD, asserted valid. */
    static JsonNode jsonLd(String html) {
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(script.find(), "JSON-LD in the page");
        JsonNode data;
        try {
            data = Api.JSON.readTree(script.group(1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertValid(data);
        return data;
    }

    /** Asserts that the page's JSON-LD (a top-level object with {@code @context}) is valid schema.org. */
    static void assertValid(JsonNode data) {
        assertEquals("https://schema.org", data.path("@context").asText(), data::toString);
        List<String> faults = new ArrayList<>();
        check(data, "$", null, faults);
        assertTrue(faults.isEmpty(), () -> "not schema.org: " + faults + " in " + data);
    }

    private static void check(JsonNode object, String where, String range, List<String> faults) {
        String name = object.path("@type").asText(null);
        Type type = name == null ? null : TYPES.get(name);
        if (type == null) {
            faults.add(where + ": unknown type " + name);
            return;
        }
        if (range != null && !descends(name, range)) {
            faults.add(where + ": a " + name + " where " + range + " is expected");
        }
        Set<String> allowed = properties(name);
        object.fieldNames().forEachRemaining(property -> {
            if (property.startsWith("@")) {
                return;
            }
            String at = where + "." + property;
            if (!allowed.contains(property)) {
                faults.add(at + ": not a property of " + name);
                return;
            }
            for (JsonNode value : values(object.get(property))) {
                if (LITERALS.contains(property)) {
                    if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
                        faults.add(at + ": text, a number or an address expected, not " + value);
                    }
                } else if (value.isObject()) {
                    check(value, at, RANGES.get(property), faults);
                } else {
                    faults.add(at + ": an object expected, not " + value);
                }
            }
        });
    }

    private static List<JsonNode> values(JsonNode value) {
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(values::add);
        } else {
            values.add(value);
        }
        return values;
    }

    private static boolean descends(String type, String ancestor) {
        for (String t = type; t != null; t = TYPES.get(t).parent()) {
            if (t.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> properties(String type) {
        Set<String> all = new HashSet<>();
        for (String t = type; t != null; t = TYPES.get(t).parent()) {
            all.addAll(TYPES.get(t).properties());
        }
        return all;
    }
}
