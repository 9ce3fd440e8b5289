package io.creditguard.store;

import java.io.IOException;
import java.util.Optional;

/**
 * Read, change, write back, conditionally: the change is worked out again on what another writer left
 * whenever the write finds the object changed, a bounded number of times; a conflict that outlasts
 * them is thrown ({@link ObjectStore.VersionConflict}), never written over.
 */
public final class Updates {

    /** Tries in all before a conflict is given up on. */
    public static final int ATTEMPTS = 5;

    /**
     * What a change decided.
     *
     * @param content the object's new content; null leaves the object as it is
     */
    public record Result<T>(byte[] content, T value) {

        public static <T> Result<T> unchanged(T value) {
            return new Result<>(null, value);
        }
    }

    /** A change of an object's content, which may be applied more than once. */
    @FunctionalInterface
    public interface Change<T> {
        Result<T> apply(Optional<byte[]> current) throws IOException;
    }

    private Updates() {
    }

    public static <T> T update(ObjectStore store, String key, String contentType, Change<T> change) throws IOException {
        ObjectStore.VersionConflict last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ObjectStore.Versioned> current = store.readVersioned(key);
            String version = current.map(ObjectStore.Versioned::version).orElse(ObjectStore.ABSENT);
            Optional<byte[]> content = current.isPresent() ? Optional.of(current.get().bytes()) : Optional.empty();
            Result<T> result = change.apply(content);
            if (result.content() == null) {
                return result.value();
            }
            try {
                store.writeIf(key, result.content(), contentType, version);
                return result.value();
            } catch (ObjectStore.VersionConflict e) {
                last = e;
            }
        }
        throw last;
    }
}
