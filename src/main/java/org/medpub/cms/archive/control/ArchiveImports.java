package org.medpub.cms.archive.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.medpub.cms.platform.control.Database;
import org.medpub.cms.platform.control.SecurityLog;
import org.medpub.cms.site.control.StalePages;

/**
 * An archive loaded into this running instance ({@link ContentArchive#importInto}); then what this
 * instance keeps in memory of the empty library it was is forgotten: the entity cache, the blocks
 * of ids it had taken from the sequences, the pages and counts of the reader site.
 */
@ApplicationScoped
public class ArchiveImports {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PersistenceUnit
    EntityManagerFactory entities;

    @Inject
    Event<StalePages> stale;

    public synchronized ContentArchive.Imported load(Path archive, String actor) throws SQLException, IOException {
        ContentArchive.Imported imported;
        try (Connection db = dataSource.getConnection()) {
            imported = ContentArchive.importInto(db, archive, actor);
        }
        entities.getCache().evictAll();
        entities.unwrap(ServerSession.class).getSequencingControl().initializePreallocated();
        stale.fire(StalePages.ALL);
        SecurityLog.record("archive-import", actor, Map.of("rows", imported.rows().values().stream().mapToLong(Long::longValue).sum()),
                actor + " imported a content archive: " + imported.rows() + "; accounts without a password: "
                        + imported.usersWithoutPassword());
        return imported;
    }
}
