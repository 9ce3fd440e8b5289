package io.creditguard.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The pages' sign-in tests: every route behind the local identity provider ({@link LocalOidcResource}), the
 * store in {@link #STORE}. The browser tests of both pages share it, and so one Quarkus start.
 */
public class SignInProfile implements QuarkusTestProfile {

    public static final Path STORE = Path.of("target/sign-in-store");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("creditguard.store", "file:" + STORE);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalOidcResource.class));
    }
}
