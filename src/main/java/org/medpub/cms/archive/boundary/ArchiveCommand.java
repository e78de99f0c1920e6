package org.medpub.cms.archive.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.medpub.cms.archive.control.ArchiveRefused;
import org.medpub.cms.archive.control.ContentArchive;

/**
 * The operator's command line for the content archive, straight on a database, without a server
 * ({@code java -jar target/cms-tool.jar export|import …}): for a backup taken while the server is
 * stopped, or for filling a new database before its first start. The database is named as the
 * server names it ({@code CMS_DB_URL}, {@code CMS_DB_USER}, {@code CMS_DB_PASSWORD}) or by options.
 */
public final class ArchiveCommand {

    private static final String USAGE = """
            usage: java -jar cms-tool.jar export|import [--db-url URL] [--db-user USER] [--db-password PASSWORD] FILE
              export  writes the content archive of the database to FILE (a ZIP)
              import  migrates the database's schema, then loads the archive FILE into it; the database must hold no content
            The database defaults to CMS_DB_URL, CMS_DB_USER and CMS_DB_PASSWORD, as for the server.""";

    private ArchiveCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command; the exit status: 0 done, 1 refused or failed, 2 not understood. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String url = environment.get("CMS_DB_URL");
        String user = environment.get("CMS_DB_USER");
        String password = environment.get("CMS_DB_PASSWORD");
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length;
            switch (args[i]) {
                case "--db-url" -> url = hasValue ? args[++i] : null;
                case "--db-user" -> user = hasValue ? args[++i] : null;
                case "--db-password" -> password = hasValue ? args[++i] : null;
                default -> rest.add(args[i]);
            }
        }
        if (rest.size() != 2 || url == null || !List.of("export", "import").contains(rest.get(0))) {
            err.println(url == null && rest.size() == 2 ? "No database: give --db-url or CMS_DB_URL\n" + USAGE : USAGE);
            return 2;
        }
        Path file = Path.of(rest.get(1));
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            if (rest.get(0).equals("export")) {
                Map<String, Long> rows;
                try (OutputStream zip = Files.newOutputStream(file)) {
                    rows = ContentArchive.export(db, zip);
                }
                out.println("Written " + file + ": " + rows);
            } else {
                if (!Files.isRegularFile(file)) {
                    err.println("No file " + file);
                    return 1;
                }
                String vendor = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                Flyway.configure(ArchiveCommand.class.getClassLoader())
                        .dataSource(url, user, password)
                        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                        .failOnMissingLocations(false)
                        .load()
                        .migrate();
                ContentArchive.Imported imported = ContentArchive.importInto(db, file, null);
                out.println("Imported " + file + ": " + imported.rows());
                out.println("These accounts have no password: " + imported.usersWithoutPassword());
                out.println("Start the server once with CMS_ADMIN_INITIAL_PASSWORD set: the account 'admin' gets that"
                        + " password, and gives the others one-time passwords at /admin/users.xhtml.");
            }
            return 0;
        } catch (ArchiveRefused refused) {
            err.println("Refused (" + refused.type() + "): " + refused.getMessage());
            return 1;
        } catch (SQLException | IOException e) {
            err.println("Failed: " + e.getMessage());
            return 1;
        }
    }
}
