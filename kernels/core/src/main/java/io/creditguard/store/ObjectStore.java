package io.creditguard.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the receivables book, the reminders, the letters and the run reports live: a flat space
 * of keys such as {@code receivables/book.jsonl}, on a local folder or in an S3 bucket
 * ({@code creditguard.store}). Writes are whole-object and atomic: a reader sees the old content or
 * the new, never half of it, and writing the same content twice leaves one object.
 *
 * <p>What is read, changed and written back is written conditionally: {@link #readVersioned} gives the
 * object's version (an S3 ETag; on a folder, the file's identity, size and time), and
 * {@link #replaceIf} commits only while the object is still at that version, or, given
 * {@link #ABSENT}, only while there is none, so two writers never silently overwrite each other
 * ({@link Updates} retries a change a bounded number of times).
 */
public interface ObjectStore {

    /** The expected version of an object that must not exist yet: create once. */
    String ABSENT = "";

    /** An object's content, open for reading, and its version. The caller closes it. */
    record Versioned(InputStream content, String version) implements Closeable {

        public byte[] bytes() throws IOException {
            try (InputStream in = content) {
                return in.readAllBytes();
            }
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    /** Another writer changed (or created) the object after it was read; nothing was written. */
    final class VersionConflict extends IOException {
        private static final long serialVersionUID = 1L;

        public VersionConflict(String key) {
            super(key + " was changed by another writer since it was read");
        }
    }

    /**
     * The keys under {@code prefix}, in lexical order: only those the store can read, so a name an operator's tool
     * gave an object that no key can be (an S3 console's folder, {@code a//b.jsonl}) is left out, never fatal to a
     * caller that reads what it lists.
     */
    List<String> list(String prefix) throws IOException;

    /** The object's content, or empty when there is none. The caller closes the stream. */
    Optional<InputStream> read(String key) throws IOException;

    /** The object's content, read whole, or empty when there is none: for the small files an operator or a run keeps. */
    default Optional<byte[]> bytes(String key) throws IOException {
        Optional<InputStream> content = read(key);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = content.get()) {
            return Optional.of(in.readAllBytes());
        }
    }

    /** Creates or replaces the object. */
    void write(String key, byte[] content, String contentType) throws IOException;

    /**
     * Starts replacing an object by streaming its new content, so a large file never sits in
     * memory. Nothing is visible until {@link Replacement#commit()}; closing without committing
     * discards it.
     */
    default Replacement replace(String key, String contentType) throws IOException {
        return replaceIf(key, contentType, null);
    }

    /** The object with its version, or empty when there is none. */
    Optional<Versioned> readVersioned(String key) throws IOException;

    /**
     * Like {@link #replace}, but {@link Replacement#commit()} throws {@link VersionConflict} unless the
     * object is still at {@code expectedVersion} ({@link #ABSENT}: still absent; null: whatever is there,
     * which is {@link #replace}).
     */
    Replacement replaceIf(String key, String contentType, String expectedVersion) throws IOException;

    /** {@link #write}, committed only at {@code expectedVersion}; {@link VersionConflict} otherwise. */
    default void writeIf(String key, byte[] content, String contentType, String expectedVersion) throws IOException {
        try (Replacement replacement = replaceIf(key, contentType, expectedVersion)) {
            replacement.stream().write(content);
            replacement.commit();
        }
    }

    /**
     * Creates the object only if there is none, for a record written once that others may act on as soon
     * as it appears: a second writer (a re-run, a concurrent run) leaves the first one's in place.
     *
     * @return false when another object was there already, and is kept as it was; true when this one was
     *     written, or found there already to the byte (as when a client retried a write whose first try had
     *     landed, and was refused the second time)
     */
    default boolean create(String key, byte[] content, String contentType) throws IOException {
        try {
            writeIf(key, content, contentType, ABSENT);
            return true;
        } catch (VersionConflict e) {
            Optional<Versioned> there = readVersioned(key);
            if (there.isEmpty()) {
                return false;
            }
            try (Versioned found = there.get()) {
                return Arrays.equals(found.bytes(), content);
            }
        }
    }

    boolean delete(String key) throws IOException;

    /** {@code file:/path} or {@code s3://bucket/prefix}, for logs and reports. */
    String describe();

    interface Replacement extends AutoCloseable {

        OutputStream stream();

        void commit() throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * {@code id} (a platform's invoice id, a policy number) as one readable, safe key segment: its letters,
     * digits, dots, hyphens and underscores, lower-cased, and a hash of the whole that keeps ids apart which
     * differ only in what was replaced or in case.
     */
    static String keyPart(String id) {
        String safe = id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        return (safe.length() > 60 ? safe.substring(0, 60) : safe) + "-"
                + io.creditguard.digest.Sha256.hex(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12);
    }

    /**
     * Keys are relative, slash-separated and plain: no empty or dot segments, no backslashes or
     * control characters, so a key can never leave the store's root.
     *
     * @throws IllegalArgumentException naming the key when it is not
     */
    static String checkKey(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("not a valid store key: " + key);
        }
        return key;
    }

    /** Whether {@code key} is one {@link #checkKey} accepts. */
    static boolean isKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 900 || key.startsWith("/") || key.contains("\\")
                || key.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
