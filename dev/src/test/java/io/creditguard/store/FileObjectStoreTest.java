package io.creditguard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path root;

    @Override
    ObjectStore store() {
        return new FileObjectStore(root);
    }

    @Test
    @Override
    void concurrentUpdatesAreAllKept() throws Exception {
        super.concurrentUpdatesAreAllKept();
    }

    @Test
    void theLockFilesAreNoKeys() throws Exception {
        store().writeIf("a/b.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain", ObjectStore.ABSENT);
        assertThat(store().list("")).containsExactly("a/b.txt");
    }
}
