package org.medpub.cms.workflow.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.Database;

/**
 * The secret that signs preview links: {@code cms.preview.key} when set, otherwise a random key
 * that the first instance to start makes and stores in {@code app_setting}, so that links
 * survive restarts and work on every instance sharing the database.
 */
@ApplicationScoped
public class PreviewLinkKey {

    public static final int MIN_BYTES = 32;
    static final String SETTING = "preview-link-key";

    private static final Logger LOG = Logger.getLogger(PreviewLinkKey.class.getName());
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    @ConfigProperty(name = "cms.preview.key")
    Optional<String> configured;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private byte[] key;

    /** Loads the key at start-up, so that a wrong {@code cms.preview.key} stops the deployment at once. */
    void load(@Observes @Priority(Database.MIGRATED + 5) Startup startup) {
        bytes();
    }

    // outside any transaction: on PostgreSQL a failed insert would spoil the transaction for the read after it
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public synchronized byte[] bytes() {
        if (key == null) {
            key = configured.filter(value -> !value.isBlank())
                    .map(PreviewLinkKey::decodeConfigured)
                    .orElseGet(this::storedKey);
        }
        return key.clone();
    }

    static byte[] decodeConfigured(String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw wrongConfiguredKey();
        }
        if (bytes.length < MIN_BYTES) {
            throw wrongConfiguredKey();
        }
        return bytes;
    }

    private byte[] storedKey() {
        byte[] candidate = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(candidate);
        try {
            return Base64.getDecoder().decode(storedOrInserted(dataSource, Base64.getEncoder().encodeToString(candidate)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read or store the preview-link key in app_setting", e);
        }
    }

    /**
     * The key in {@code app_setting}, or the candidate after storing it. When two instances start
     * at once both may try to insert; the second insert fails on the primary key and that
     * instance reads the key the first one stored.
     */
    static String storedOrInserted(DataSource dataSource, String candidate) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> stored = read(connection);
            if (stored.isPresent()) {
                return stored.get();
            }
            try (var insert = connection.prepareStatement("insert into app_setting (name, setting_value) values (?, ?)")) {
                insert.setString(1, SETTING);
                insert.setString(2, candidate);
                insert.executeUpdate();
                LOG.info("Made a new preview-link key and stored it in app_setting");
                return candidate;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                return read(connection).orElseThrow(() -> e);
            }
        }
    }

    private static Optional<String> read(Connection connection) throws SQLException {
        try (var select = connection.prepareStatement("select setting_value from app_setting where name = ?")) {
            select.setString(1, SETTING);
            try (var rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static IllegalStateException wrongConfiguredKey() {
        return new IllegalStateException("cms.preview.key must be Base64 of at least " + MIN_BYTES
                + " random bytes, such as the output of: openssl rand -base64 32");
    }
}
