package org.medpub.cms.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.medpub.cms.media.entity.MediaBlob;

/** The bytes of images in the table {@code media_blob}, one row per content hash. */
@ApplicationScoped
@Transactional
public class DatabaseMediaStore implements MediaStore {

    @PersistenceContext
    EntityManager em;

    @Override
    public String put(byte[] bytes) {
        String key = ContentHash.of(bytes);
        if (em.find(MediaBlob.class, key) == null) {
            em.persist(new MediaBlob(key, bytes));
        }
        return key;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(em.find(MediaBlob.class, key)).map(MediaBlob::getBytes);
    }

    @Override
    public void remove(Iterable<String> keys) {
        for (String key : keys) {
            MediaBlob blob = em.find(MediaBlob.class, key);
            if (blob != null) {
                em.remove(blob);
            }
        }
    }
}
