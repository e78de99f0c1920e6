package org.medpub.cms.translation.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.medpub.cms.translation.control.Inline.Paired;
import org.medpub.cms.translation.control.Inline.Placeholder;
import org.medpub.cms.translation.control.Inline.Text;

/**
 * How the memory index stores a unit: its source's {@link Segment#key()} as a fixed-length hash
 * (keys are whole paragraphs; the hash keeps the index small and its lookups exact), and the
 * translation's content as JSON with Jackson, already on the classpath for the REST API: a string
 * is text, {@code {"ph": id}} a placeholder, {@code {"pc": id, "c": [...]}} a paired code.
 */
final class RememberedTarget {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RememberedTarget() {
    }

    /** SHA-256 of the key, Base64: 44 characters. */
    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String write(List<Inline> content) {
        return array(content).toString();
    }

    static List<Inline> read(String json) {
        try {
            return content(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the translation memory holds a target that is not JSON: " + json, e);
        }
    }

    private static ArrayNode array(List<Inline> content) {
        ArrayNode array = JSON.createArrayNode();
        for (Inline item : content) {
            if (item instanceof Text text) {
                array.add(text.text());
            } else if (item instanceof Placeholder placeholder) {
                array.addObject().put("ph", placeholder.id());
            } else if (item instanceof Paired paired) {
                array.addObject().put("pc", paired.id()).set("c", array(paired.content()));
            }
        }
        return array;
    }

    private static List<Inline> content(JsonNode array) {
        List<Inline> content = new ArrayList<>();
        for (JsonNode item : array) {
            if (item.isTextual()) {
                content.add(new Text(item.textValue()));
            } else if (item.has("ph")) {
                content.add(new Placeholder(item.get("ph").textValue()));
            } else {
                content.add(new Paired(item.get("pc").textValue(), content(item.get("c"))));
            }
        }
        return content;
    }
}
