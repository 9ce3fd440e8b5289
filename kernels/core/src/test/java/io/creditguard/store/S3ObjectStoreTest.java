package io.creditguard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.S3Client;

/** The S3 store against a real S3-compatible server (S3Proxy) that checks request signatures. */
class S3ObjectStoreTest extends ObjectStoreContract {

    private static S3ProxyServer server;
    private static S3Client client;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.started();
        client = server.client();
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.stop();
    }

    @Override
    ObjectStore store() {
        return new S3ObjectStore(client, S3ProxyServer.BUCKET, "tenant-a");
    }

    @Test
    void keysLiveUnderThePrefixAndThePrefixIsHiddenFromCallers() throws Exception {
        store().write("prefixed/k.txt", "v".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(client.listObjectsV2(b -> b.bucket(S3ProxyServer.BUCKET).prefix("tenant-a/prefixed/")).contents())
                .extracting(o -> o.key()).containsExactly("tenant-a/prefixed/k.txt");
        assertThat(new S3ObjectStore(client, S3ProxyServer.BUCKET, "tenant-b").list("prefixed/")).isEmpty();
        assertThat(store().describe()).isEqualTo("s3://creditguard-test/tenant-a/");
    }

    /**
     * This server now and then closes the connection as it answers a PUT it has stored, and the SDK tries
     * again: the retry's precondition then fails on the first attempt's own write (3.5 % of conditional
     * writes failed so before the store checked for it). None of these writes met another writer, so none
     * is a conflict.
     */
    @Test
    void aRetriedConditionalWriteThatFindsItsOwnBytesIsNoConflict() throws Exception {
        ObjectStore store = store();
        for (int i = 0; i < 100; i++) {
            String key = "retried/" + i + ".txt";
            store.writeIf(key, "one".getBytes(StandardCharsets.UTF_8), "text/plain", ObjectStore.ABSENT);
            String version;
            try (ObjectStore.Versioned read = store.readVersioned(key).orElseThrow()) {
                version = read.version();
            }
            store.writeIf(key, ("two " + i).getBytes(StandardCharsets.UTF_8), "text/plain", version);
            assertThat(new String(store.bytes(key).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("two " + i);
        }
    }

    /**
     * Objects an operator's tools put in the bucket under names no key can be: the S3 console's "Create folder" (a
     * name ending in {@code /}), a control character (which S3 cannot write into a listing's XML unless asked to
     * URL-encode the names: every listing of the prefix failed to parse, and with it every run), a backslash. The
     * listing leaves them out, keeps the others as they are named, and every key it gives can be read (a folder's
     * name was listed and its read refused, failing the reminder run or a claim).
     */
    @Test
    void aListingLeavesOutWhatNoKeyCanNameAndReadsTheRest() throws Exception {
        String plain = "odd/a b+c%2F&<é.jsonl";
        for (String name : new String[] {"odd/", "odd/bell\u0007.jsonl", "odd/back\\slash.jsonl", plain, "odd/ok.jsonl"}) {
            client.putObject(b -> b.bucket(S3ProxyServer.BUCKET).key("tenant-a/" + name),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        }
        List<String> listed = store().list("odd/");
        assertThat(listed).containsExactly(plain, "odd/ok.jsonl");
        for (String key : listed) {
            assertThat(store().bytes(key)).as(key).contains("x".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void storeLocationSettingChoosesS3() {
        ObjectStore opened = StoreProducer.open("s3://" + S3ProxyServer.BUCKET + "/x", Optional.of(server.endpoint()));
        assertThat(opened).isInstanceOf(S3ObjectStore.class);
        assertThat(opened.describe()).isEqualTo("s3://creditguard-test/x/");
    }
}
