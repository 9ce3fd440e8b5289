package io.creditguard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anObjectCreatedOnceIsKeptAsTheFirstWriterLeftIt() throws IOException {
        assertThat(store().create("once/r.json", utf8("first"), "application/json")).isTrue();
        assertThat(store().create("once/r.json", utf8("second"), "application/json")).isFalse();
        assertThat(read("once/r.json")).isEqualTo("first");
    }

    @Test
    void aConditionalWriteCommitsOnlyAtTheVersionRead() throws IOException {
        store().writeIf("cas/x.txt", utf8("one"), "text/plain", ObjectStore.ABSENT);
        assertThatThrownBy(() -> store().writeIf("cas/x.txt", utf8("again"), "text/plain", ObjectStore.ABSENT))
                .isInstanceOf(ObjectStore.VersionConflict.class);
        String first;
        try (ObjectStore.Versioned v = store().readVersioned("cas/x.txt").orElseThrow()) {
            assertThat(new String(v.bytes(), StandardCharsets.UTF_8)).isEqualTo("one");
            first = v.version();
        }
        store().writeIf("cas/x.txt", utf8("two"), "text/plain", first);
        // Another writer got there first: the version read is stale.
        assertThatThrownBy(() -> store().writeIf("cas/x.txt", utf8("three"), "text/plain", first))
                .isInstanceOf(ObjectStore.VersionConflict.class);
        assertThat(read("cas/x.txt")).isEqualTo("two");
        // An unconditional write makes a new version too, so a stale conditional write still fails.
        String second = store().readVersioned("cas/x.txt").orElseThrow().version();
        store().write("cas/x.txt", utf8("two, unconditionally"), "text/plain");
        assertThatThrownBy(() -> store().writeIf("cas/x.txt", utf8("four"), "text/plain", second))
                .isInstanceOf(ObjectStore.VersionConflict.class);
        assertThat(store().readVersioned("cas/none.txt")).isEmpty();
    }

    /**
     * Eight writers append to one object at once: with read-then-write some appends would be lost. For
     * stores whose conditional writes are atomic (the file store; S3 itself); S3Proxy 4.0.0, the S3
     * server these tests run, checks If-Match and then writes, so concurrent writers can both pass.
     */
    void concurrentUpdatesAreAllKept() throws Exception {
        int writers = 8;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                Callable<Integer> task = () -> {
                    int conflicts = 0;
                    for (int i = 0; i < each; i++) {
                        String line = writer + ":" + i + "\n";
                        while (true) {
                            try {
                                Updates.update(store(), "cas/log.txt", "text/plain",
                                        current -> new Updates.Result<>(utf8(current.map(b -> new String(b, StandardCharsets.UTF_8))
                                                .orElse("") + line), null));
                                break;
                            } catch (ObjectStore.VersionConflict e) {
                                conflicts++; // the bounded retries ran out; the caller tries again
                            }
                        }
                    }
                    return conflicts;
                };
                done.add(pool.submit(task));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = List.of(read("cas/log.txt").split("\n"));
        assertThat(lines).hasSize(writers * each).doesNotHaveDuplicates();
    }
}
