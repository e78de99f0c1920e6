package org.medpub.cms.platform.control;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The instances serving one site: Payara's data grid (Hazelcast), which every Payara Micro starts,
 * joined with its peers when started with {@code --clustername} and {@code --clustermode}, alone with
 * {@code --nocluster}. {@code cms.cluster.expected-members} says how many members this instance must
 * see before it takes requests. Without a grid at all (another server, or the grid turned off) the
 * instance works alone.
 */
@ApplicationScoped
public class Cluster {

    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    @Inject
    Instance<HazelcastInstance> grids;

    @Inject
    @ConfigProperty(name = "cms.cluster.expected-members")
    int expectedMembers;

    private volatile boolean absenceLogged;

    /** Payara's grid while it runs; empty without one. */
    public Optional<HazelcastInstance> grid() {
        try {
            if (grids.isResolvable()) {
                HazelcastInstance grid = grids.get();
                if (grid != null && grid.getLifecycleService().isRunning()) {
                    return Optional.of(grid);
                }
            }
        } catch (RuntimeException absent) {
            if (!absenceLogged) {
                absenceLogged = true;
                LOG.log(Level.INFO, "No data grid: this instance works alone", absent);
            }
        }
        return Optional.empty();
    }

    /** The members of the grid this instance sees, itself included: 1 without a grid. */
    public int members() {
        return grid().map(grid -> grid.getCluster().getMembers().size()).orElse(1);
    }

    public int expectedMembers() {
        return expectedMembers;
    }
}
