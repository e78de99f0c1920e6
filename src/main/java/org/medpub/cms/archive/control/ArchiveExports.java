package org.medpub.cms.archive.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.Database;
import org.medpub.cms.platform.control.SecurityLog;

/**
 * Exports of the content archive, made in the background: an archive of a large library takes
 * longer than a request may. Each is written to {@code cms.archive.dir} under a name nobody can
 * guess, and kept until the next export is made: one archive on disk at a time, besides the one
 * being written.
 */
@ApplicationScoped
public class ArchiveExports {

    private static final Logger LOG = Logger.getLogger(ArchiveExports.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An export: running, done (its file can be read) or failed (why, for the operator). */
    public record Export(String id, State state, Instant startedAt, Instant finishedAt, Map<String, Long> rows,
            String failure) {

        public enum State { RUNNING, DONE, FAILED }
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cms.archive.dir")
    String folder;

    private final Map<String, Export> exports = new ConcurrentHashMap<>();

    /** Starts an export, or names the one already running: one at a time. */
    public synchronized Export start(String actor) {
        Optional<Export> running = exports.values().stream().filter(e -> e.state() == Export.State.RUNNING).findFirst();
        if (running.isPresent()) {
            return running.get();
        }
        forgetFinished();
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Export export = new Export(id, Export.State.RUNNING, clock.instant(), null, Map.of(), null);
        exports.put(id, export);
        SecurityLog.record("archive-export", actor, Map.of("export", id), actor + " started the export " + id
                + " of the content archive");
        executor.execute(() -> write(export));
        return export;
    }

    public Optional<Export> find(String id) {
        return Optional.ofNullable(exports.get(id));
    }

    /** The archive's file, once the export is done. */
    public Path file(Export export) {
        return Path.of(folder).resolve(export.id() + ".zip");
    }

    private void write(Export export) {
        Path file = file(export);
        Path part = file.resolveSibling(export.id() + ".zip.part");
        try {
            Files.createDirectories(file.getParent());
            Map<String, Long> rows;
            try (Connection db = dataSource.getConnection(); OutputStream out = Files.newOutputStream(part)) {
                rows = ContentArchive.export(db, out);
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            exports.put(export.id(), new Export(export.id(), Export.State.DONE, export.startedAt(), clock.instant(), rows, null));
            LOG.info(() -> "Content archive " + export.id() + " written: " + rows);
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Content archive " + export.id() + " failed", e);
            deleteQuietly(part);
            exports.put(export.id(), new Export(export.id(), Export.State.FAILED, export.startedAt(), clock.instant(),
                    Map.of(), e.getMessage()));
        }
    }

    private void forgetFinished() {
        exports.values().stream().filter(e -> e.state() == Export.State.DONE).forEach(e -> deleteQuietly(file(e)));
        exports.clear();
        // archives of an earlier run of the server, or parts of one it did not finish
        Path dir = Path.of(folder);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().matches("[A-Za-z0-9_-]{24}\\.zip(\\.part)?"))
                        .forEach(ArchiveExports::deleteQuietly);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete " + file, e);
        }
    }
}
