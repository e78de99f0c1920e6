package org.medpub.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a session holds travels to the other instances of a cluster (web.xml's
 * {@code <distributable/>}), so all of it must be serializable: every session- and view-scoped
 * bean, and everything its fields hold. An injected field is fine when it holds a proxy (a bean of
 * a normal scope, or a container object the CDI container proxies), which Weld serializes as a
 * reference; any other field must be of a serializable type, checked down through the
 * application's own classes and the element types of collections. The sign-in itself is a user
 * name (a String, {@code EditorialSignIn}); Faces keeps its view state on the server, in the session
 * too, as Mojarra's own serializable maps.
 */
class SessionContentsTest {

    private static final List<Class<? extends Annotation>> HELD_IN_SESSION = List.of(SessionScoped.class, ViewScoped.class,
            ConversationScoped.class);
    private static final List<Class<? extends Annotation>> PROXIED_SCOPES = List.of(ApplicationScoped.class,
            RequestScoped.class, SessionScoped.class, ViewScoped.class, ConversationScoped.class);
    /** Built-in beans the CDI container injects as proxies. */
    private static final Set<Class<?>> CONTAINER_PROXIES = Set.of(HttpServletRequest.class, HttpSession.class,
            ServletContext.class);

    private final List<Class<?>> application = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.medpub.cms")
            .stream()
            .map(JavaClass::reflect)
            .toList();

    @Test
    void everyBeanASessionHoldsIsSerializableAndSoIsAllItHolds() {
        List<Class<?>> beans = application.stream()
                .filter(type -> HELD_IN_SESSION.stream().anyMatch(type::isAnnotationPresent))
                .toList();
        assertFalse(beans.isEmpty(), "the editorial UI's view-scoped beans are found");
        List<String> faults = new ArrayList<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                faults.add(bean.getName() + " is not Serializable");
            }
            for (Field field : fields(bean)) {
                if (field.isAnnotationPresent(Inject.class) && proxied(field.getType())) {
                    continue;
                }
                notSerializable(field.getGenericType(), new HashSet<>())
                        .ifPresent(why -> faults.add(bean.getSimpleName() + "." + field.getName() + ": " + why));
            }
        }
        assertEquals(List.of(), faults);
    }

    @Test
    void theCheckFindsWhatCannotBeSerialized() {
        record Fine(String text, List<Integer> numbers, Map<String, Boolean> ticks) implements Serializable {
        }
        record Holder(Fine fine, List<Thread> threads) implements Serializable {
        }
        assertEquals(Optional.empty(), notSerializable(Fine.class, new HashSet<>()));
        assertEquals(Optional.of("Holder.threads: java.lang.Thread is not Serializable"),
                notSerializable(Holder.class, new HashSet<>()));
        assertEquals(Optional.of("java.lang.Object is not Serializable"), notSerializable(Object.class, new HashSet<>()));
    }

    /** Non-static, non-transient fields of the class and its superclasses, as serialization writes them. */
    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** Whether CDI injects a proxy of this type: a bean or a produced value of a normal scope, or a container object. */
    private boolean proxied(Class<?> type) {
        if (CONTAINER_PROXIES.contains(type) || PROXIED_SCOPES.stream().anyMatch(type::isAnnotationPresent)) {
            return true;
        }
        return application.stream()
                .flatMap(c -> List.of(c.getDeclaredMethods()).stream())
                .filter(method -> method.isAnnotationPresent(Produces.class) && method.getReturnType() == type)
                .map(Method::getAnnotations)
                .anyMatch(annotations -> List.of(annotations).stream()
                        .anyMatch(a -> PROXIED_SCOPES.contains(a.annotationType())));
    }

    /** Why a value of this type cannot be serialized, if it cannot. */
    private static Optional<String> notSerializable(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return Optional.empty();
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            boolean container = Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
                    || raw == Optional.class;
            if (!container) {
                return notSerializable(raw, seen);
            }
            // List, Map, Set: what the application puts in them (ArrayList, List.of, LinkedHashMap) is serializable
            // when its elements are; Optional is never serializable
            if (raw == Optional.class) {
                return Optional.of("Optional is not Serializable");
            }
            return List.of(parameterized.getActualTypeArguments()).stream()
                    .map(argument -> notSerializable(argument, seen))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        if (type instanceof WildcardType wildcard) {
            return notSerializable(wildcard.getUpperBounds()[0], seen);
        }
        if (!(type instanceof Class<?> c)) {
            return Optional.of(type + " cannot be checked");
        }
        if (c.isPrimitive()) {
            return Optional.empty();
        }
        if (c.isArray()) {
            return notSerializable(c.getComponentType(), seen);
        }
        if (!Serializable.class.isAssignableFrom(c) && !Collection.class.isAssignableFrom(c) && !Map.class.isAssignableFrom(c)) {
            return Optional.of(c.getName() + " is not Serializable");
        }
        if (!c.getName().startsWith("org.medpub.cms.")) {
            return Optional.empty();
        }
        return fields(c).stream()
                .map(field -> notSerializable(field.getGenericType(), seen)
                        .map(why -> c.getSimpleName() + "." + field.getName() + ": " + why))
                .flatMap(Optional::stream)
                .collect(Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().findFirst()));
    }
}
