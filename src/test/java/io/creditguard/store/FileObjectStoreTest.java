package io.creditguard.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

class FileObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path root;

    @Override
    ObjectStore store() {
        return new FileObjectStore(root);
    }
}
