package org.medpub.cms;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.RevisionPrecondition;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.platform.control.Database;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.PublicProfiles;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.entity.Role;

/**
 * Demo mode ({@code cms.demo}, on by default for the embedded H2 database only): one user per
 * role, all with the password {@code demo} (the translator translates into Spanish and German),
 * and a few articles in English with Spanish translations, so that the product can be tried at
 * once. Production never runs this.
 */
@ApplicationScoped
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());
    private static final String PASSWORD = "demo";
    private static final String ARTICLES = "demo/articles/";

    record DemoReference(String text, String url, String doi, String pmid) {
    }

    record DemoVariant(String title, String slug, String summary, String body) {
    }

    record DemoArticle(List<String> topics, List<DemoReference> references, Map<String, DemoVariant> variants) {
    }

    @Inject
    @ConfigProperty(name = "cms.demo")
    Optional<Boolean> demo;

    @Inject
    @ConfigProperty(name = "cms.db.url")
    String databaseUrl;

    @Inject
    UserDirectory users;

    @Inject
    ArticleStore articles;

    @Inject
    PublicProfiles profiles;

    @Inject
    EnabledLocales locales;

    @PersistenceContext
    EntityManager em;

    void seed(@Observes @Priority(Database.MIGRATED + 10) Startup startup) {
        if (!demo.orElse(databaseUrl.startsWith("jdbc:h2:"))) {
            return;
        }
        createUser("author", "Alex Author", null, Role.AUTHOR, Set.of());
        createUser("translator", "Teresa Translator", null, Role.TRANSLATOR, Set.of("es", "de"));
        createUser("reviewer", "Dr. Rana Reviewer", "MD, internal medicine", Role.MEDICAL_REVIEWER, Set.of());
        createUser("editor", "Eddie Editor", null, Role.EDITOR, Set.of());
        createUser("admin", "Ada Admin", null, Role.ADMIN, Set.of());
        describe("author", "alex-author", Map.of(
                "en", new String[] {"Medical writer", "Alex writes about headaches and sleep."},
                "es", new String[] {"Redactor médico", "Alex escribe sobre dolores de cabeza y el sueño."}));
        describe("reviewer", "rana-reviewer", Map.of(
                "en", new String[] {"MD, internal medicine", "Rana is a physician in internal medicine."},
                "es", new String[] {"Médica, medicina interna", "Rana es médica especialista en medicina interna."},
                "de", new String[] {"Ärztin, Innere Medizin", "Rana ist Fachärztin für Innere Medizin."},
                "fr", new String[] {"Médecin, médecine interne", "Rana est médecin spécialiste en médecine interne."},
                "ar", new String[] {"طبيبة، الطب الباطني", "رنا طبيبة متخصصة في الطب الباطني."}));
        LOG.warning("Demo mode: the users author, translator, reviewer, editor and admin exist, each with the password '"
                + PASSWORD + "'. Set cms.demo=false (CMS_DEMO=false) to run without them.");
        if (noArticles()) {
            int count = 0;
            for (String name : articleFiles()) {
                createArticle(read(name));
                count++;
            }
            LOG.info("Demo mode: " + count + " demo articles created");
        }
    }

    private void createUser(String username, String name, String credentials, String role, Set<String> locales) {
        if (users.find(username).isEmpty()) {
            users.createDemoUser(username, PASSWORD.toCharArray(), name, credentials, username + "@demo.invalid", Set.of(role),
                    locales);
        }
    }

    /** A demo user's public profile, once: credentials and bio per locale. */
    private void describe(String username, String slug, Map<String, String[]> texts) {
        Actor admin = new Actor("admin", Set.of(Role.ADMIN));
        if (profiles.of(admin, username).profileSlug().isPresent()) {
            return;
        }
        profiles.publish(admin, username, slug, true);
        texts.forEach((locale, text) -> {
            if (locales.isEnabled(locale)) {
                profiles.describe(admin, username, locale, null, text[0], text[1]);
            }
        });
    }

    private boolean noArticles() {
        return em.createQuery("select count(a) from Article a", Long.class).getSingleResult() == 0;
    }

    private void createArticle(DemoArticle article) {
        List<Reference> references = article.references().stream()
                .map(r -> new Reference(r.text(), r.url(), r.doi(), r.pmid()))
                .toList();
        DemoVariant english = article.variants().get("en");
        Revision source = articles.create("en", content(english, article.topics(), references, null),
                new Actor("author", Set.of(Role.AUTHOR)));
        long id = source.getVariant().getArticle().getId();
        article.variants().forEach((locale, variant) -> {
            if (!locale.equals("en")) {
                articles.save(id, locale, content(variant, article.topics(), references, source.getNumber()),
                        new Actor("translator", Set.of(Role.TRANSLATOR), Set.of(locale)), new RevisionPrecondition(null));
            }
        });
    }

    private static RevisionContent content(DemoVariant variant, List<String> topics, List<Reference> references,
            Integer sourceRevision) {
        return new RevisionContent(variant.title(), variant.slug(), variant.summary(), variant.body(), topics,
                references, sourceRevision == null ? "First version" : "Translation", false, sourceRevision, false);
    }

    private static List<String> articleFiles() {
        try (var in = resource(ARTICLES + "index");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DemoArticle read(String name) {
        ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (var in = resource(ARTICLES + name)) {
            return mapper.readValue(in, DemoArticle.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo article " + name + " is unreadable", e);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("Missing resource " + path);
        }
        return in;
    }
}
