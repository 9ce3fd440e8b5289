package io.creditguard.receivables;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.creditguard.store.ObjectStore;
import io.creditguard.store.Updates;

/**
 * A file of the receivables book ({@code receivables/*.jsonl}, one invoice a line) changed line by line by
 * compare-and-set: streamed through, so a large file never sits in memory, and committed only if nobody
 * changed it meanwhile; on a conflict the change is applied again to what the other writer left, a bounded
 * number of times ({@link Updates#ATTEMPTS}). Every line the change leaves alone is written back to the byte.
 */
public final class BookFile {

    /** A change of one line; it may run more than once, on what another writer left. */
    @FunctionalInterface
    public interface LineChange {
        /** The line as it is to be written: {@code line} itself to leave it. */
        String apply(String line) throws IOException;
    }

    private BookFile() {
    }

    /**
     * @return false when the file is not there
     * @throws ObjectStore.VersionConflict when other writers kept changing the file through every attempt; nothing
     *     was overwritten
     */
    public static boolean rewrite(ObjectStore store, String file, LineChange change) throws IOException {
        ObjectStore.VersionConflict last = null;
        for (int attempt = 0; attempt < Updates.ATTEMPTS; attempt++) {
            Optional<ObjectStore.Versioned> content = store.readVersioned(file);
            if (content.isEmpty()) {
                return false;
            }
            try (ObjectStore.Versioned current = content.get();
                    BufferedReader in = new BufferedReader(new InputStreamReader(current.content(), StandardCharsets.UTF_8));
                    ObjectStore.Replacement replacement = store.replaceIf(file, "application/x-ndjson", current.version())) {
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(replacement.stream(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line.isBlank() ? line : change.apply(line));
                    out.write('\n');
                }
                out.flush();
                replacement.commit();
                return true;
            } catch (ObjectStore.VersionConflict e) {
                last = e;
            }
        }
        throw last;
    }
}
