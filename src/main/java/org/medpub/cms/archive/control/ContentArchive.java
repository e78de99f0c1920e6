package org.medpub.cms.archive.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.medpub.cms.media.control.ContentHash;

/**
 * The content archive: everything an instance holds that people made (articles and every revision,
 * translations with their source pins, reviews and checklists, comments, the audit trail,
 * schedules, topics, media with their files, change logs, inboxes, users without their passwords)
 * as a ZIP of one NDJSON file per table ({@code tables/<table>.ndjson}, a JSON object a row, times
 * as UTC instants) plus one file per stored image ({@code media_blob/<hash>}) and a
 * {@code manifest.json}. It is read and written over plain JDBC, so that the server (the API) and
 * the operator's command line (without a server) share it, and so that it moves content between
 * H2 and PostgreSQL: the schema is the same on both, made by the same migrations.
 * <p>
 * An import goes into an empty instance only, in one transaction: every row is checked by the
 * database's own constraints (every reference, every unique key) and by the checks below (image
 * files against their hashes, people named by reviews and inboxes); the first refusal rolls it all
 * back. Ids are kept, so that every address stays the same, except users' ids, which are given anew
 * next to the accounts the target already has.
 */
public final class ContentArchive {

    public static final String FORMAT = "medpub-cms-archive";
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";

    /** A table of the archive, and its columns that point to tables written after it (set once all are in). */
    record Table(String name, List<String> later) {
    }

    /** In an order where every reference points to a table before it, but for the {@code later} columns. */
    static final List<Table> TABLES = List.of(
            new Table("app_user", List.of()),
            new Table("app_user_role", List.of()),
            new Table("app_user_locale", List.of()),
            new Table("app_user_profile", List.of()),
            new Table("topic", List.of()),
            new Table("topic_locale", List.of()),
            new Table("topic_term", List.of()),
            new Table("article", List.of()),
            new Table("article_disclosure", List.of()),
            new Table("contradicting_phrase", List.of()),
            new Table("variant", List.of("current_revision_id", "live_revision_id")),
            new Table("revision", List.of()),
            new Table("revision_topic", List.of()),
            new Table("revision_reference", List.of()),
            new Table("media_blob", List.of()),
            new Table("media_item", List.of()),
            new Table("media_version", List.of()),
            new Table("media_rendition", List.of()),
            new Table("media_text", List.of()),
            new Table("media_usage", List.of()),
            new Table("medical_review", List.of()),
            new Table("medical_review_check", List.of()),
            new Table("editorial_comment", List.of()),
            new Table("audit_event", List.of()),
            new Table("scheduled_publication", List.of()),
            new Table("change_note_translation", List.of()),
            new Table("change_log_entry", List.of()),
            new Table("inbox_entry", List.of()),
            new Table("autosaved_draft", List.of()),
            new Table("glossary_term", List.of()));

    /**
     * Tables a new instance fills itself (the plain-language glossary's first terms): the archive's
     * rows replace them rather than make the instance count as holding content.
     */
    static final Set<String> REPLACED = Set.of("glossary_term");

    /** The tables an archive leaves out, and why: an import makes them anew or they belong to the instance. */
    static final Map<String, String> LEFT_OUT = Map.of(
            "flyway_schema_history", "the target's own migrations made its schema",
            "app_setting", "the instance's own settings, among them the key that signs preview links",
            "mail_outbox", "mails waiting to be sent by the old instance; the inboxes keep every notification",
            "edit_lock", "who has an editor open on the old instance",
            "translation_memory", "made anew from the translations after an import",
            "translation_memory_backlog", "made anew from the translations after an import",
            "reader_search", "the reader search's words, kept by the database from the published revisions");

    /** Columns the database derives from others (PostgreSQL's search words): left out and made by the target. */
    static final Set<String> DERIVED = Set.of("article.search_words", "revision.search_words");

    /** Columns naming a person by user name, without a foreign key: checked against the users there will be. */
    static final Map<String, List<String>> PEOPLE = Map.of(
            "medical_review", List.of("reviewer"),
            "editorial_comment", List.of("author"),
            "inbox_entry", List.of("recipient"),
            "autosaved_draft", List.of("username"),
            "variant", List.of("assigned_reviewer"));

    /** The tables whose ids come from an identity column rather than a sequence named after them. */
    static final Set<String> IDENTITIES = Set.of("topic", "glossary_term");

    /** What users get instead of their password: no password matches it; an admin gives them a one-time one. */
    static final String NO_PASSWORD = "";

    /**
     * What an archive says of every account's sign-ins: no password hash (an archive is a file that
     * travels), no failed sign-ins or lockout.
     */
    private static final Map<String, Object> SIGN_IN = Map.of("password_hash", NO_PASSWORD, "failed_logins", 0L,
            "password_change_required", false);
    private static final Set<String> SIGN_IN_CLEARED = Set.of("locked_until");

    /** An account's columns that stay the target's own when a user of the archive already has an account there. */
    private static final Set<String> OWN_ACCOUNT = Set.of("id", "username", "password_hash", "failed_logins",
            "locked_until", "password_change_required");
    private static final Set<String> USER_TABLES = Set.of("app_user_role", "app_user_locale", "app_user_profile");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;

    /** What an import did: rows per table, the accounts that were there already, those that need a password. */
    public record Imported(Map<String, Long> rows, List<String> usersKept, List<String> usersWithoutPassword) {
    }

    private ContentArchive() {
    }

    /**
     * Writes the whole content of the database as an archive, from one consistent view of it.
     *
     * @return rows per table
     */
    public static Map<String, Long> export(Connection db, OutputStream out) throws SQLException, IOException {
        boolean autoCommit = db.getAutoCommit();
        int isolation = db.getTransactionIsolation();
        db.setAutoCommit(false);
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        int networkTimeout = untimed(db);
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            requireEveryTableKnown(db);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Table table : TABLES) {
                rows.put(table.name(), exportTable(db, table.name(), zip));
            }
            var manifest = JSON.createObjectNode()
                    .put("format", FORMAT)
                    .put("formatVersion", FORMAT_VERSION)
                    .put("schemaVersion", schemaVersion(db))
                    .put("createdAt", Instant.now().toString());
            manifest.set("rows", JSON.valueToTree(rows));
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            db.commit();
            return rows;
        } finally {
            db.rollback();
            db.setTransactionIsolation(isolation);
            db.setAutoCommit(autoCommit);
            if (networkTimeout > 0) {
                db.setNetworkTimeout(Runnable::run, networkTimeout);
            }
        }
    }

    /**
     * Loads an archive into an empty instance, all or nothing.
     *
     * @param keepAdmin the user who imports (through the API): keeps the admin role whatever the archive says
     */
    public static Imported importInto(Connection db, Path archive, String keepAdmin) throws SQLException, IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException notZip) {
            throw ArchiveRefused.unreadable("The file is not a ZIP archive");
        }
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        int networkTimeout = untimed(db);
        try (zip) {
            JsonNode manifest = manifest(zip);
            int archiveVersion = manifest.path("schemaVersion").asInt(-1);
            int ourVersion = schemaVersion(db);
            if (archiveVersion > ourVersion) {
                throw ArchiveRefused.newer("The archive was made at schema version " + archiveVersion
                        + ", newer than this instance's " + ourVersion + ": import it with the same release or a newer one");
            }
            requireEmpty(db);
            var load = new Load(db, zip);
            Imported imported = load.run(keepAdmin);
            db.commit();
            return imported;
        } catch (SQLException e) {
            db.rollback();
            SQLException cause = deepest(e);
            String state = cause.getSQLState() == null ? "" : cause.getSQLState();
            if (state.startsWith("23") || state.startsWith("22")) {
                throw ArchiveRefused.inconsistent(cause.getMessage());
            }
            throw e;
        } catch (RuntimeException | IOException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
            if (networkTimeout > 0) {
                db.setNetworkTimeout(Runnable::run, networkTimeout);
            }
        }
    }

    /**
     * Lifts the connection's answer timeout and, for this transaction, PostgreSQL's statement timeout
     * (both {@code cms.db.timeout-seconds}, made for requests) for an export or import, whose
     * statements take as long as the archive is large: at 100 000 articles the one that fills the
     * reader search's words takes minutes. Answers the answer timeout to put back, 0 for none.
     */
    private static int untimed(Connection db) throws SQLException {
        if (postgresql(db)) {
            try (Statement st = db.createStatement()) {
                st.execute("set local statement_timeout = 0");
            }
        }
        try {
            int timeout = db.getNetworkTimeout();
            if (timeout > 0) {
                db.setNetworkTimeout(Runnable::run, 0);
            }
            return timeout;
        } catch (SQLFeatureNotSupportedException noTimeouts) {
            return 0;
        }
    }

    /** Every table of the schema is either archived or left out on purpose: a new table must choose. */
    static void requireEveryTableKnown(Connection db) throws SQLException {
        Set<String> known = new HashSet<>(LEFT_OUT.keySet());
        TABLES.forEach(table -> known.add(table.name()));
        Set<String> unknown = new TreeSet<>(tables(db));
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("The content archive does not know the tables " + unknown
                    + ": add each to ContentArchive.TABLES or LEFT_OUT");
        }
    }

    static Set<String> tables(Connection db) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = db.getMetaData().getTables(null, db.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    static boolean postgresql(Connection db) throws SQLException {
        return db.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
    }

    /** The highest migration applied: an archive fits every schema at least as new as its own. */
    static int schemaVersion(Connection db) throws SQLException {
        int highest = 0;
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select \"version\" from \"flyway_schema_history\" where \"success\" = true"
                        + " and \"version\" is not null")) {
            while (rs.next()) {
                highest = Math.max(highest, new BigDecimal(rs.getString(1)).intValue());
            }
        }
        return highest;
    }

    private static long exportTable(Connection db, String table, ZipOutputStream zip) throws SQLException, IOException {
        List<Column> columns = columns(db, table);
        List<String> key = primaryKey(db, table);
        String order = String.join(", ", key);
        List<Column> binary = columns.stream().filter(Column::binary).toList();
        long count = 0;
        zip.putNextEntry(new ZipEntry("tables/" + table + ".ndjson"));
        try (Statement st = db.createStatement()) {
            st.setFetchSize(BATCH);
            String names = String.join(", ", columns.stream().filter(c -> !c.binary()).map(Column::name).toList());
            try (ResultSet rs = st.executeQuery("select " + names + " from " + table + " order by " + order)) {
                while (rs.next()) {
                    ObjectNode row = JSON.createObjectNode();
                    for (Column column : columns) {
                        if (column.binary()) {
                            row.put(column.name(), fileOf(table, key, rs));
                        } else {
                            column.write(rs, row);
                        }
                    }
                    if (table.equals("app_user")) {
                        SIGN_IN.forEach((name, value) -> row.set(name, JSON.valueToTree(value)));
                        SIGN_IN_CLEARED.forEach(row::putNull);
                    }
                    zip.write(JSON.writeValueAsBytes(row));
                    zip.write('\n');
                    count++;
                }
            }
        }
        zip.closeEntry();
        for (Column column : binary) {
            try (Statement st = db.createStatement()) {
                st.setFetchSize(1);
                try (ResultSet rs = st.executeQuery("select " + order + ", " + column.name() + " from " + table
                        + " order by " + order)) {
                    while (rs.next()) {
                        zip.putNextEntry(new ZipEntry(fileOf(table, key, rs)));
                        try (InputStream bytes = rs.getBinaryStream(column.name())) {
                            bytes.transferTo(zip);
                        }
                        zip.closeEntry();
                    }
                }
            }
        }
        return count;
    }

    /** The file holding a row's binary value, named by the row's key (an image's hash). */
    private static String fileOf(String table, List<String> key, ResultSet rs) throws SQLException {
        List<String> values = new ArrayList<>();
        for (String column : key) {
            values.add(rs.getString(column));
        }
        return table + "/" + String.join("-", values);
    }

    private static List<String> primaryKey(Connection db, String table) throws SQLException {
        Map<Short, String> key = new TreeMap<>();
        var meta = db.getMetaData();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getPrimaryKeys(null, db.getSchema(), name)) {
                while (rs.next()) {
                    key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            if (!key.isEmpty()) {
                return List.copyOf(key.values());
            }
        }
        throw new IllegalStateException("The table " + table + " has no primary key");
    }

    private static JsonNode manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw ArchiveRefused.unreadable("The archive has no " + MANIFEST + ": it was not made by this product's export");
        }
        JsonNode manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw ArchiveRefused.unreadable(MANIFEST + " is not JSON: " + e.getOriginalMessage());
        }
        if (manifest == null || !FORMAT.equals(manifest.path("format").asText())) {
            throw ArchiveRefused.unreadable(MANIFEST + " does not name the format " + FORMAT);
        }
        if (manifest.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw ArchiveRefused.unreadable("The archive's format version " + manifest.path("formatVersion")
                    + " is not " + FORMAT_VERSION);
        }
        return manifest;
    }

    private static void requireEmpty(Connection db) throws SQLException {
        for (Table table : TABLES) {
            if (table.name().startsWith("app_user") || REPLACED.contains(table.name())) {
                continue;
            }
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("select 1 from " + table.name() + " fetch first 1 rows only")) {
                if (rs.next()) {
                    throw ArchiveRefused.targetNotEmpty("This instance already holds content (" + table.name()
                            + "): an archive is imported into an instance without articles, media or topics only");
                }
            }
        }
    }

    private static SQLException deepest(SQLException e) {
        SQLException deepest = e;
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            deepest = e.getNextException();
        }
        return deepest;
    }

    /** A column of a table as the database describes it, and how its values are written as JSON and read back. */
    record Column(String name, Kind kind) {

        enum Kind { TEXT, INTEGER, DECIMAL, BOOLEAN, INSTANT, LOCAL_TIME, BINARY }

        boolean binary() {
            return kind == Kind.BINARY;
        }

        static Column of(String name, int type, String typeName) {
            String lowerType = typeName.toLowerCase(Locale.ROOT);
            Kind kind = switch (type) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Kind.INTEGER;
                case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL -> Kind.DECIMAL;
                case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
                case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.INSTANT;
                // PostgreSQL's driver calls timestamptz a TIMESTAMP and tells it by the type's name
                case Types.TIMESTAMP -> lowerType.contains("tz") || lowerType.contains("time zone") ? Kind.INSTANT : Kind.LOCAL_TIME;
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BINARY;
                case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.NCHAR -> Kind.TEXT;
                default -> throw new IllegalStateException("The column " + name + " is of a type the archive does not know: " + typeName);
            };
            return new Column(name, kind);
        }

        void write(ResultSet rs, ObjectNode row) throws SQLException {
            switch (kind) {
                case INTEGER -> {
                    long value = rs.getLong(name);
                    if (rs.wasNull()) {
                        row.putNull(name);
                    } else {
                        row.put(name, value);
                    }
                }
                case DECIMAL -> row.put(name, rs.getBigDecimal(name));
                case BOOLEAN -> {
                    boolean value = rs.getBoolean(name);
                    if (rs.wasNull()) {
                        row.putNull(name);
                    } else {
                        row.put(name, value);
                    }
                }
                case INSTANT -> {
                    OffsetDateTime value = rs.getObject(name, OffsetDateTime.class);
                    row.put(name, value == null ? null : value.toInstant().toString());
                }
                case LOCAL_TIME -> {
                    LocalDateTime value = rs.getObject(name, LocalDateTime.class);
                    row.put(name, value == null ? null : value.toString());
                }
                default -> row.put(name, rs.getString(name));
            }
        }

        /** Sets the statement's parameter from the archive's value, refusing a value of the wrong shape. */
        void read(PreparedStatement statement, int index, JsonNode value, String where) throws SQLException {
            if (value == null || value.isNull()) {
                statement.setNull(index, switch (kind) {
                    case INTEGER -> Types.BIGINT;
                    case DECIMAL -> Types.NUMERIC;
                    case BOOLEAN -> Types.BOOLEAN;
                    case INSTANT -> Types.TIMESTAMP_WITH_TIMEZONE;
                    case LOCAL_TIME -> Types.TIMESTAMP;
                    case BINARY -> Types.BINARY;
                    case TEXT -> Types.VARCHAR;
                });
                return;
            }
            try {
                switch (kind) {
                    case INTEGER -> statement.setLong(index, requireIntegral(value, where));
                    case DECIMAL -> statement.setBigDecimal(index, new BigDecimal(value.asText()));
                    case BOOLEAN -> {
                        if (!value.isBoolean()) {
                            throw ArchiveRefused.unreadable(where + " is not true or false");
                        }
                        statement.setBoolean(index, value.booleanValue());
                    }
                    case INSTANT -> statement.setObject(index,
                            OffsetDateTime.ofInstant(Instant.parse(value.asText()), ZoneOffset.UTC));
                    case LOCAL_TIME -> statement.setObject(index, LocalDateTime.parse(value.asText()));
                    case TEXT -> {
                        if (!value.isTextual()) {
                            throw ArchiveRefused.unreadable(where + " is not a text");
                        }
                        statement.setString(index, value.textValue());
                    }
                    case BINARY -> throw new IllegalStateException("binary values are read from their files");
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                throw ArchiveRefused.unreadable(where + " cannot be read: " + value);
            }
        }

        private static long requireIntegral(JsonNode value, String where) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw ArchiveRefused.unreadable(where + " is not a whole number");
            }
            return value.longValue();
        }
    }

    /** The table's columns, but those the database derives ({@link #DERIVED}). */
    static List<Column> columns(Connection db, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                if (!DERIVED.contains(table + "." + name)) {
                    columns.add(Column.of(name, meta.getColumnType(i), meta.getColumnTypeName(i)));
                }
            }
        }
        return columns;
    }

    /** One import: the archive's rows into the database, in the order of {@link #TABLES}. */
    private static final class Load {

        private final Connection db;
        private final ZipFile zip;
        /** The archive's user ids and the ids they have here. */
        private final Map<Long, Long> userIds = new HashMap<>();
        private final Set<Long> keptUsers = new HashSet<>();
        private final Set<String> people = new HashSet<>();
        private final Map<String, Long> rows = new LinkedHashMap<>();
        private final List<String> usersKept = new ArrayList<>();
        private final List<String> usersWithoutPassword = new ArrayList<>();
        private final Map<Long, Map<String, JsonNode>> laterVariantColumns = new LinkedHashMap<>();

        Load(Connection db, ZipFile zip) {
            this.db = db;
            this.zip = zip;
        }

        Imported run(String keepAdmin) throws SQLException, IOException {
            Map<String, Long> existing = new HashMap<>();
            long highestId = 0;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select id, username from app_user")) {
                while (rs.next()) {
                    existing.put(rs.getString(2), rs.getLong(1));
                    highestId = Math.max(highestId, rs.getLong(1));
                }
            }
            people.addAll(existing.keySet());
            boolean searchWordsInBulk = postgresql(db);
            List<String> wordIndexes = List.of();
            if (searchWordsInBulk) {
                searchWordTriggers("disable");
                wordIndexes = dropWordIndexes();
            }
            users(existing, highestId);
            for (Table table : TABLES) {
                if (REPLACED.contains(table.name())) {
                    try (Statement st = db.createStatement()) {
                        st.executeUpdate("delete from " + table.name());
                    }
                }
                if (!table.name().equals("app_user")) {
                    rows.put(table.name(), load(table));
                }
            }
            setLaterColumns();
            if (keepAdmin != null && existing.containsKey(keepAdmin)) {
                keepAdmin(existing.get(keepAdmin));
            }
            afterLoad();
            if (searchWordsInBulk) {
                searchWordTriggers("enable");
                fillSearchWords();
                try (Statement st = db.createStatement()) {
                    for (String index : wordIndexes) {
                        st.execute(index);
                    }
                }
            }
            return new Imported(rows, usersKept, usersWithoutPassword);
        }

        /** Accounts: those the target has keep their passwords; the others come without one. */
        private void users(Map<String, Long> existing, long highestId) throws SQLException, IOException {
            List<Column> columns = columns(db, "app_user");
            List<ObjectNode> users = new ArrayList<>();
            forEachRow("app_user", columns, users::add);
            long offset = highestId;
            List<Column> inserted = columns;
            List<Column> updated = columns.stream().filter(c -> !OWN_ACCOUNT.contains(c.name())).toList();
            String insert = insertSql("app_user", inserted);
            String update = "update app_user set " + String.join(", ", updated.stream().map(c -> c.name() + " = ?").toList())
                    + " where id = ?";
            try (PreparedStatement inserts = db.prepareStatement(insert); PreparedStatement updates = db.prepareStatement(update)) {
                for (ObjectNode user : users) {
                    long archiveId = user.path("id").asLong();
                    String username = user.path("username").asText();
                    if (!people.add(username) && !existing.containsKey(username)) {
                        throw ArchiveRefused.inconsistent("The archive holds the user " + username + " twice");
                    }
                    Long here = existing.get(username);
                    if (here != null) {
                        userIds.put(archiveId, here);
                        keptUsers.add(here);
                        usersKept.add(username);
                        bind(updates, updated, user, "app_user");
                        updates.setLong(updated.size() + 1, here);
                        updates.addBatch();
                    } else {
                        long id = archiveId + offset;
                        userIds.put(archiveId, id);
                        user.put("id", id);
                        SIGN_IN.forEach((name, value) -> user.set(name, JSON.valueToTree(value)));
                        SIGN_IN_CLEARED.forEach(user::putNull);
                        bind(inserts, inserted, user, "app_user");
                        inserts.addBatch();
                        if (user.path("deactivated_at").isNull()) {
                            usersWithoutPassword.add(username);
                        }
                    }
                }
                inserts.executeBatch();
                updates.executeBatch();
            }
            // the roles, locales and profile of an account the target has come from the archive too
            for (String table : USER_TABLES) {
                try (PreparedStatement delete = db.prepareStatement("delete from " + table + " where user_id = ?")) {
                    for (long id : keptUsers) {
                        delete.setLong(1, id);
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
            }
            rows.put("app_user", (long) users.size());
        }

        private long load(Table table) throws SQLException, IOException {
            String name = table.name();
            List<Column> target = columns(db, name);
            Map<String, Column> byName = new LinkedHashMap<>();
            target.forEach(c -> byName.put(c.name(), c));
            long[] count = {0};
            List<Column> used = new ArrayList<>();
            PreparedStatement[] statement = {null};
            try {
                forEachRow(name, target, row -> {
                    if (statement[0] == null) {
                        // the archive's columns, which a newer schema may extend with columns that have defaults
                        row.fieldNames().forEachRemaining(field -> used.add(byName.get(field)));
                        statement[0] = db.prepareStatement(insertSql(name, used));
                    }
                    if (row.size() != used.size() || used.stream().anyMatch(c -> !row.has(c.name()))) {
                        throw ArchiveRefused.unreadable("Row " + (count[0] + 1) + " of " + name + " has other fields than the first");
                    }
                    checkPeople(name, row, count[0] + 1);
                    if (USER_TABLES.contains(name)) {
                        Long user = userIds.get(row.path("user_id").asLong());
                        if (user == null) {
                            throw ArchiveRefused.inconsistent("Row " + (count[0] + 1) + " of " + name + " names the user id "
                                    + row.path("user_id") + ", which the archive does not hold");
                        }
                        row.put("user_id", user);
                    }
                    if (!table.later().isEmpty()) {
                        Map<String, JsonNode> later = new LinkedHashMap<>();
                        for (String column : table.later()) {
                            later.put(column, row.get(column));
                            row.putNull(column);
                        }
                        laterVariantColumns.put(row.path("id").asLong(), later);
                    }
                    bind(statement[0], used, row, name);
                    statement[0].addBatch();
                    if (++count[0] % BATCH == 0) {
                        statement[0].executeBatch();
                    }
                });
                if (statement[0] != null) {
                    statement[0].executeBatch();
                }
            } finally {
                if (statement[0] != null) {
                    statement[0].close();
                }
            }
            return count[0];
        }

        private void checkPeople(String table, ObjectNode row, long number) {
            for (String column : PEOPLE.getOrDefault(table, List.of())) {
                JsonNode person = row.get(column);
                if (person != null && !person.isNull() && !people.contains(person.asText())) {
                    throw ArchiveRefused.inconsistent("Row " + number + " of " + table + " names the user " + person.asText()
                            + " in " + column + ", whom the archive does not hold");
                }
            }
        }

        private void setLaterColumns() throws SQLException {
            Table variant = TABLES.stream().filter(t -> !t.later().isEmpty()).findFirst().orElseThrow();
            List<Column> columns = columns(db, variant.name()).stream().filter(c -> variant.later().contains(c.name())).toList();
            String sql = "update " + variant.name() + " set " + String.join(", ", columns.stream().map(c -> c.name() + " = ?").toList())
                    + " where id = ?";
            try (PreparedStatement update = db.prepareStatement(sql)) {
                int n = 0;
                for (var entry : laterVariantColumns.entrySet()) {
                    for (int i = 0; i < columns.size(); i++) {
                        columns.get(i).read(update, i + 1, entry.getValue().get(columns.get(i).name()), variant.name());
                    }
                    update.setLong(columns.size() + 1, entry.getKey());
                    update.addBatch();
                    if (++n % BATCH == 0) {
                        update.executeBatch();
                    }
                }
                update.executeBatch();
            }
        }

        private void keepAdmin(long id) throws SQLException {
            try (PreparedStatement st = db.prepareStatement("select 1 from app_user_role where user_id = ? and role = 'admin'")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement st = db.prepareStatement("insert into app_user_role (user_id, role) values (?, 'admin')")) {
                st.setLong(1, id);
                st.executeUpdate();
            }
        }

        /** Sequences past the ids imported; what the target derives from the rows, made anew. */
        private void afterLoad() throws SQLException {
            Set<String> sequences = new HashSet<>();
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("select sequence_name from information_schema.sequences")) {
                while (rs.next()) {
                    sequences.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            for (Table table : TABLES) {
                String name = table.name();
                boolean sequence = sequences.contains(name + "_seq");
                if (!sequence && !IDENTITIES.contains(name)) {
                    continue;
                }
                long highest;
                try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select coalesce(max(id), 0) from " + name)) {
                    rs.next();
                    highest = rs.getLong(1);
                }
                try (Statement st = db.createStatement()) {
                    // ids are taken 50 at a time: the next block starts above every id imported
                    long next = (highest / 50 + 2) * 50;
                    st.execute(sequence ? "alter sequence " + name + "_seq restart with " + next
                            : "alter table " + name + " alter column id restart with " + (highest + 1));
                }
            }
            try (Statement st = db.createStatement()) {
                st.executeUpdate("insert into translation_memory_backlog (variant_id) select v.id from variant v"
                        + " join article a on a.id = v.article_id"
                        + " where v.locale <> a.source_locale and v.current_revision_id is not null");
            }
        }

        /**
         * PostgreSQL's triggers on variant that keep an article's search words (V13) and the reader
         * search's words of a live page (V16), row by row: a bulk load fills both once at the end
         * instead ({@link #fillSearchWords()}). Row by row, the article's words were gathered again
         * for each of its locales and the reader search's index grew a row at a time: some 60 % of
         * an import's time. The change is part of the import's transaction, so no one else sees it.
         */
        private void searchWordTriggers(String change) throws SQLException {
            try (Statement st = db.createStatement()) {
                st.execute("alter table variant " + change + " trigger variant_search_words_insert, "
                        + change + " trigger variant_search_words_update, "
                        + change + " trigger variant_reader_search_insert, "
                        + change + " trigger variant_reader_search_update");
            }
        }

        /**
         * Drops PostgreSQL's full-text (GIN) indexes for the load and answers the statements that make
         * them again, as the migrations made them ({@code pg_get_indexdef}): one index built from all
         * the rows at the end costs a fraction of adding each row's words to it as the row comes.
         */
        private List<String> dropWordIndexes() throws SQLException {
            List<String> made = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select i.relname,"
                    + " pg_get_indexdef(i.oid) from pg_index x join pg_class i on i.oid = x.indexrelid"
                    + " join pg_am m on m.oid = i.relam where m.amname = 'gin'"
                    + " and i.relnamespace = current_schema()::regnamespace")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    made.add(rs.getString(2));
                }
            }
            try (Statement st = db.createStatement()) {
                for (String name : names) {
                    st.execute("drop index " + name);
                }
            }
            return made;
        }

        /** What the triggers of {@link #searchWordTriggers} would have written, one statement each. */
        private void fillSearchWords() throws SQLException {
            try (Statement st = db.createStatement()) {
                st.executeUpdate("update article a set search_words = s.words from (select v.article_id,"
                        + " tsvector_agg(strip(r.search_words)) as words from variant v"
                        + " join revision r on r.id = v.current_revision_id group by v.article_id) s"
                        + " where a.id = s.article_id");
                // readers' search orders a common word's matches by publication
                st.executeUpdate("insert into reader_search (variant_id, locale, revision_id, published_at, words)"
                        + " select v.id, v.locale, r.id, coalesce(v.published_at, now()),"
                        + " reader_search_words(v.locale, r.title, r.summary, r.body)"
                        + " from variant v join revision r on r.id = v.live_revision_id");
            }
        }

        private void bind(PreparedStatement statement, List<Column> columns, ObjectNode row, String table)
                throws SQLException {
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                if (column.binary()) {
                    statement.setBytes(i + 1, file(table, row, column));
                } else {
                    column.read(statement, i + 1, row.get(column.name()), table + "." + column.name());
                }
            }
        }

        /** A stored image's bytes, from its own file in the archive, checked against the hash that names it. */
        private byte[] file(String table, ObjectNode row, Column column) {
            String name = row.path(column.name()).asText();
            ZipEntry entry = name.startsWith(table + "/") ? zip.getEntry(name) : null;
            if (entry == null) {
                throw ArchiveRefused.inconsistent(table + "." + column.name() + " names the file " + name
                        + ", which the archive does not hold");
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw ArchiveRefused.unreadable("The file " + name + " cannot be read: " + e.getMessage());
            }
            JsonNode hash = row.get("hash");
            if (hash != null && !hash.asText().equals(ContentHash.of(bytes))) {
                throw ArchiveRefused.inconsistent("The file " + name + " does not have the hash that names it");
            }
            return bytes;
        }

        private interface RowHandler {
            void accept(ObjectNode row) throws SQLException;
        }

        private void forEachRow(String table, List<Column> target, RowHandler handler) throws SQLException, IOException {
            ZipEntry entry = zip.getEntry("tables/" + table + ".ndjson");
            if (entry == null) {
                throw ArchiveRefused.unreadable("The archive has no tables/" + table + ".ndjson");
            }
            Set<String> known = new HashSet<>();
            target.forEach(c -> known.add(c.name()));
            try (var lines = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
                String line;
                long number = 0;
                while ((line = lines.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode row;
                    try {
                        row = JSON.readTree(line);
                    } catch (JsonProcessingException e) {
                        throw ArchiveRefused.unreadable("Line " + number + " of tables/" + table + ".ndjson is not JSON");
                    }
                    if (!(row instanceof ObjectNode object)) {
                        throw ArchiveRefused.unreadable("Line " + number + " of tables/" + table + ".ndjson is not a JSON object");
                    }
                    for (var fields = object.fieldNames(); fields.hasNext();) {
                        String field = fields.next();
                        if (!known.contains(field)) {
                            throw ArchiveRefused.unreadable("Line " + number + " of tables/" + table + ".ndjson has the field "
                                    + field + ", which this instance's " + table + " does not have");
                        }
                    }
                    handler.accept(object);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static String insertSql(String table, List<Column> columns) {
        return "insert into " + table + " (" + String.join(", ", columns.stream().map(Column::name).toList()) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }
}
