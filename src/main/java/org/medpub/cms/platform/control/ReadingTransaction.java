package org.medpub.cms.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** A {@link DatabaseReadings reading} in a transaction of its own: a managed thread's entity manager answers only inside one. */
@ApplicationScoped
public class ReadingTransaction {

    @Transactional(TxType.REQUIRES_NEW)
    public void run(Runnable reading) {
        reading.run();
    }
}
