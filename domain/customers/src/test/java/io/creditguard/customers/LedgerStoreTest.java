package io.creditguard.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.store.FileObjectStore;
import io.creditguard.store.ObjectStore;

/**
 * A customer id as a key segment: percent-encoded as a URL encodes a path segment in UTF-8 (RFC 3986, section 2.1;
 * Java's URLEncoder, a space as %20), and an id too long for a key in a shorter form.
 */
class LedgerStoreTest {

    /** "中" (U+4E2D) is E4 B8 AD in UTF-8: nine characters percent-encoded. */
    private static final String ZHONG = "中";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "c-byggab        | c-byggab",
            "'ACME 1'        | ACME%201",
            "Åkeri AB        | %C3%85keri%20AB",
            "a/b             | a%2Fb",
            "a~b             | a%7Eb",
            "100+            | 100%2B",
            ".               | %2E",
            "..              | %2E%2E",
            "...             | ...",
    })
    void anOrdinaryIdIsItsEncoding(String id, String segment) {
        assertThat(LedgerStore.segment(id)).isEqualTo(segment);
        assertThat(LedgerStore.ledgerKey(id)).isEqualTo("customers/" + segment + ".json");
        assertThat(LedgerStore.profileKey(id)).isEqualTo("profiles/" + segment + ".json");
    }

    /** 98 such characters encode to 882, within the 885 a key holds as it is: the key is 897 characters. */
    @Test
    void theLongestIdKeptAsItsEncodingStillMakesAKey() {
        String id = ZHONG.repeat(98);
        assertThat(LedgerStore.segment(id)).isEqualTo("%E4%B8%AD".repeat(98));
        assertThat(ObjectStore.checkKey(LedgerStore.ledgerKey(id))).hasSize(897);
        assertThat(ObjectStore.checkKey(LedgerStore.profileKey(id))).hasSize(896);
    }

    /**
     * The 100 characters an invoice's customer id may have encode to 900, too long for a key with its prefix: the
     * segment keeps the first 150 characters of the encoding (16 whole %E4%B8%AD and two bytes of the 17th) and the
     * SHA-256 of the id.
     */
    @Test
    void anIdTooLongForAKeyIsItsEncodingsStartAndItsHash() throws NoSuchAlgorithmException {
        String id = ZHONG.repeat(100);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        assertThat(LedgerStore.segment(id)).isEqualTo("%E4%B8%AD".repeat(16) + "%E4%B8" + "~" + hash);
        assertThat(ObjectStore.checkKey(LedgerStore.ledgerKey(id))).hasSize(10 + 150 + 1 + 64 + 5);
        assertThat(LedgerStore.segment(ZHONG.repeat(99) + "a")).isNotEqualTo(LedgerStore.segment(ZHONG.repeat(99) + "b"))
                .startsWith("%E4%B8%AD".repeat(16) + "%E4%B8~");
        String ascii = "x".repeat(3000);
        assertThat(LedgerStore.segment(ascii)).startsWith("x".repeat(150) + "~").hasSize(150 + 1 + 64);
    }

    /** Written and read back under the long id's key, in a file store (a file name of at most 255 bytes). */
    @Test
    void aProfileOfAnIdTooLongForItsEncodingIsKeptAndFound(@TempDir Path root) throws IOException {
        LedgerStore ledgers = new LedgerStore(new FileObjectStore(root));
        String id = ZHONG.repeat(100);
        ledgers.write(LedgerStore.profileKey(id), Profile.empty(id));
        assertThat(ledgers.profile(id)).hasValueSatisfying(p -> assertThat(p.customerId()).isEqualTo(id));
        assertThat(ledgers.profileKeys()).containsExactly(LedgerStore.profileKey(id));
        assertThat(ledgers.profile(ZHONG.repeat(99) + "a")).isEmpty();
        try (var files = Files.list(root.resolve("profiles"))) {
            assertThat(files.map(f -> f.getFileName().toString())).singleElement()
                    .satisfies(name -> assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255));
        }
    }
}
