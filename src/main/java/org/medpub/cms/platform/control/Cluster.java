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

    /** Payara's grid, looked up once: each lookup through {@link Instance} would keep a reference. */
    private volatile Optional<HazelcastInstance> grid;

    /** Payara's grid while it runs; empty without one. */
    public Optional<HazelcastInstance> grid() {
        if (grid == null) {
            grid = lookUp();
        }
        return grid.filter(running -> running.getLifecycleService().isRunning());
    }

    private Optional<HazelcastInstance> lookUp() {
        try {
            if (grids.isResolvable()) {
                return Optional.ofNullable(grids.get());
            }
        } catch (RuntimeException absent) {
            LOG.log(Level.INFO, "No data grid: this instance works alone", absent);
        }
        return Optional.empty();
    }

    /** The members of the grid this instance sees, itself included: 1 without a grid. */
    public int members() {
        try {
            return grid().map(running -> running.getCluster().getMembers().size()).orElse(1);
        } catch (RuntimeException failing) {
            LOG.log(Level.FINE, "The data grid does not say its members", failing);
            return 1;
        }
    }

    public int expectedMembers() {
        return expectedMembers;
    }
}
