package io.creditguard.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest of the product: stable ids (reminders, webhook event markers, documents),
 * the hashes a Content-Security-Policy allows, a fetched response's fingerprint. Thread-safe: each
 * thread keeps one digest, since looking the algorithm up costs more than hashing an id.
 */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private Sha256() {
    }

    /** The 32-byte digest of {@code data}. */
    public static byte[] of(byte[] data) {
        return DIGEST.get().digest(data);
    }

    /** The digest of {@code text} as UTF-8. */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of {@code data} in lower-case hex, 64 characters. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(of(data));
    }

    /**
     * The first 12 bytes of the digest of {@code text} in lower-case hex, 24 characters: a stable id derived
     * from what it names (96 bits, so no two of a company's records collide in practice).
     */
    public static String shortHex(String text) {
        return HexFormat.of().formatHex(of(text), 0, 12);
    }
}
