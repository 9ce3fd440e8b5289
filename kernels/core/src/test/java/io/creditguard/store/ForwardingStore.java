package io.creditguard.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A store that passes every call to another, for a test's store that fails or races on a few calls and
 * overrides only those; the interface's default methods (create, writeIf, bytes) stay as they are, so
 * they go through the overrides.
 */
public abstract class ForwardingStore implements ObjectStore {

    protected final ObjectStore store;

    protected ForwardingStore(ObjectStore store) {
        this.store = store;
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return store.list(prefix);
    }

    @Override
    public Optional<InputStream> read(String key) throws IOException {
        return store.read(key);
    }

    @Override
    public void write(String key, byte[] content, String contentType) throws IOException {
        store.write(key, content, contentType);
    }

    @Override
    public Replacement replace(String key, String contentType) throws IOException {
        return store.replace(key, contentType);
    }

    @Override
    public Optional<Versioned> readVersioned(String key) throws IOException {
        return store.readVersioned(key);
    }

    @Override
    public Replacement replaceIf(String key, String contentType, String expectedVersion) throws IOException {
        return store.replaceIf(key, contentType, expectedVersion);
    }

    @Override
    public boolean delete(String key) throws IOException {
        return store.delete(key);
    }

    @Override
    public String describe() {
        return store.describe();
    }
}
