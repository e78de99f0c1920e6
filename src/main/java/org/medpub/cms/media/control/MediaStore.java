package org.medpub.cms.media.control;

import java.util.Optional;

/**
 * Where the bytes of images are kept, named by their SHA-256 so that the same bytes are kept once.
 * The database keeps them by default ({@link DatabaseMediaStore}): the embedded default and its
 * backups stay one thing. A file system or an object store is another implementation of this.
 */
public interface MediaStore {

    /** Keeps the bytes, inside the caller's transaction; the key they are found by again. */
    String put(byte[] bytes);

    Optional<byte[]> get(String key);

    /** Forgets the bytes of these keys, inside the caller's transaction. */
    void remove(Iterable<String> keys);
}
