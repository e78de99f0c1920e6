package org.medpub.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every setting's default lives in microprofile-config.properties alone: a default written again
 * in an annotation drifts from the file (and from the README), and a required key missing from the
 * file fails the deployment.
 */
class ConfigDefaultsTest {

    private static final String UNSET = ConfigProperty.UNCONFIGURED_VALUE;
    private static final List<Injection> INJECTIONS = injections();

    record Injection(String where, String key, String defaultValue, boolean optional) {
    }

    @Test
    void noConfigPropertyRepeatsADefault() {
        List<String> repeated = INJECTIONS.stream()
                .filter(injection -> !UNSET.equals(injection.defaultValue()))
                .map(injection -> injection.where() + " (" + injection.key() + ")")
                .toList();
        assertEquals(List.of(), repeated);
    }

    @Test
    void everyRequiredKeyHasItsDefaultInTheFile() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        List<String> missing = INJECTIONS.stream()
                .filter(injection -> !injection.optional() && !defaults.containsKey(injection.key()))
                .map(injection -> injection.where() + " (" + injection.key() + ")")
                .toList();
        assertEquals(List.of(), missing);
    }

    private static List<Injection> injections() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.medpub.cms");
        List<Injection> found = new ArrayList<>();
        classes.forEach(type -> {
            type.getFields().forEach(field -> field.tryGetAnnotationOfType(ConfigProperty.class.getName())
                    .ifPresent(annotation -> found.add(injection(field.getFullName(), annotation,
                            field.getRawType().isEquivalentTo(Optional.class)))));
            Stream.concat(type.getConstructors().stream(), type.getMethods().stream())
                    .flatMap(unit -> unit.getParameters().stream())
                    .forEach(parameter -> parameter.getAnnotations().stream()
                            .filter(annotation -> annotation.getRawType().isEquivalentTo(ConfigProperty.class))
                            .forEach(annotation -> found.add(injection(parameter.getOwner().getFullName(), annotation,
                                    parameter.getRawType().isEquivalentTo(Optional.class)))));
        });
        return found;
    }

    private static Injection injection(String where, JavaAnnotation<?> annotation, boolean optional) {
        return new Injection(where, (String) annotation.get("name").orElseThrow(),
                (String) annotation.get("defaultValue").orElse(UNSET), optional);
    }
}
