package org.medpub.cms.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medpub.cms.platform.control.Messages;

/**
 * Every problem type the code can answer with has a title of its own in the bundles, so no
 * answer falls back to the generic one by oversight.
 */
class ProblemTitlesTest {

    // a type is named as a literal where a BusinessException declares it, a Conflict is thrown, or an answer is made
    private static final Pattern NAMED_TYPE = Pattern.compile(
            "(?:type\\(\\)\\s*\\{\\s*return\\s*|Conflict\\(\\s*|answer\\(\\s*\\w+,\\s*|Problem\\.of\\(\\s*words,\\s*)\"([a-z-]+)\"");

    // the statuses of JAX-RS's own exceptions, which the WebApplicationMapper names after their reason phrase
    private static final List<Response.Status> JAX_RS_STATUSES = List.of(Response.Status.BAD_REQUEST, Response.Status.NOT_FOUND,
            Response.Status.METHOD_NOT_ALLOWED, Response.Status.NOT_ACCEPTABLE, Response.Status.UNSUPPORTED_MEDIA_TYPE,
            Response.Status.INTERNAL_SERVER_ERROR, Response.Status.SERVICE_UNAVAILABLE);

    @Test
    void everyTypeNamedInTheCodeHasATitle() throws IOException {
        Set<String> types = namedTypes(Path.of("src/main/java"));
        assertTrue(types.containsAll(Set.of("not-found", "transition-not-allowed", "body-too-large", "unauthorized")), types::toString);

        Messages english = Messages.in(Locale.ENGLISH);
        assertEquals(Set.of(), types.stream().filter(type -> !english.has(Problem.titleKey(type))).collect(Collectors.toSet()));
    }

    @Test
    void everyTypeOfJaxRsOwnExceptionsHasATitle() {
        Messages english = Messages.in(Locale.ENGLISH);
        for (Response.Status status : JAX_RS_STATUSES) {
            String type = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
            assertTrue(english.has(Problem.titleKey(type)), type);
        }
    }

    private static Set<String> namedTypes(Path sources) throws IOException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher named = NAMED_TYPE.matcher(Files.readString(file));
                while (named.find()) {
                    types.add(named.group(1));
                }
            }
        }
        return types;
    }
}
