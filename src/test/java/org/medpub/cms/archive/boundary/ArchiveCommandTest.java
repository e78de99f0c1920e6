package org.medpub.cms.archive.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an operator meets it: what it says when asked wrongly, and a whole export and import. */
class ArchiveCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withoutADatabaseItSaysHowToNameOne() {
        assertEquals(2, run(Map.of(), "export", "backup.zip"));
        assertTrue(text(err).contains("--db-url or CMS_DB_URL"), text(err));
        assertEquals(2, run(Map.of(), "restore", "backup.zip"));
        assertTrue(text(err).contains("usage: java -jar cms-tool.jar export|import"), text(err));
    }

    @Test
    void anEmptyDatabaseIsMigratedFilledAndWrittenAgain() throws Exception {
        String first = "jdbc:h2:file:" + folder.resolve("first") + "/cms";
        Path junk = Files.writeString(folder.resolve("junk.zip"), "not an archive");
        assertEquals(1, run(Map.of("CMS_DB_URL", first), "import", junk.toString()));
        assertTrue(text(err).contains("archive-unreadable"), text(err));

        Path archive = folder.resolve("archive.zip");
        assertEquals(0, run(Map.of("CMS_DB_URL", first), "export", archive.toString()), text(err));
        assertTrue(text(out).contains("Written"), text(out));
        String second = "jdbc:h2:file:" + folder.resolve("second") + "/cms";
        assertEquals(0, run(Map.of(), "import", "--db-url", second, archive.toString()), text(err));
        assertTrue(text(out).contains("CMS_ADMIN_INITIAL_PASSWORD"), text(out));
    }

    private int run(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        return ArchiveCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
