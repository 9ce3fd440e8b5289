package io.creditguard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What every {@link ObjectStore} must do; each implementation's test runs these against the real thing. */
abstract class ObjectStoreContract {

    abstract ObjectStore store();

    private String read(String key) throws IOException {
        try (InputStream in = store().read(key).orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writeReadListDelete() throws IOException {
        store().write("contract/a/one.json", "{\"n\":1}".getBytes(StandardCharsets.UTF_8), "application/json");
        store().write("contract/a/two.json", "{\"n\":2}".getBytes(StandardCharsets.UTF_8), "application/json");
        store().write("contract/b.txt", "å".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(read("contract/a/two.json")).isEqualTo("{\"n\":2}");
        assertThat(read("contract/b.txt")).isEqualTo("å");
        assertThat(store().list("contract/a/")).containsExactly("contract/a/one.json", "contract/a/two.json");
        assertThat(store().read("contract/missing.json")).isEmpty();
        store().delete("contract/a/one.json");
        assertThat(store().list("contract/")).containsExactly("contract/a/two.json", "contract/b.txt");
    }

    @Test
    void writingTheSameObjectTwiceLeavesOne() throws IOException {
        store().write("twice/x.txt", "same".getBytes(StandardCharsets.UTF_8), "text/plain");
        store().write("twice/x.txt", "same".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(store().list("twice/")).containsExactly("twice/x.txt");
    }

    @Test
    void aReplacementIsInvisibleUntilCommittedAndDiscardedWhenNot() throws IOException {
        store().write("book/r.jsonl", "old\n".getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        try (ObjectStore.Replacement replacement = store().replace("book/r.jsonl", "application/x-ndjson")) {
            replacement.stream().write("new\n".getBytes(StandardCharsets.UTF_8));
            assertThat(read("book/r.jsonl")).isEqualTo("old\n");
        }
        assertThat(read("book/r.jsonl")).isEqualTo("old\n");
        try (ObjectStore.Replacement replacement = store().replace("book/r.jsonl", "application/x-ndjson")) {
            replacement.stream().write("new\n".getBytes(StandardCharsets.UTF_8));
            replacement.commit();
        }
        assertThat(read("book/r.jsonl")).isEqualTo("new\n");
        assertThat(store().list("book/")).containsExactly("book/r.jsonl");
    }

    @Test
    void keysThatCouldEscapeTheRootAreRefused() {
        for (String key : new String[] {"../etc/passwd", "/abs", "a//b", "a/./b", "a\\b", "a\nb", ""}) {
            assertThatThrownBy(() -> store().write(key, new byte[0], "text/plain")).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
