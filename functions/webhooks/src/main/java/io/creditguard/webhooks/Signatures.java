package io.creditguard.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;

/**
 * HMAC-SHA256 and comparisons that take the same time whether the first or the last byte differs, and the answer
 * to a caller whose signature or token does not hold.
 */
final class Signatures {

    private Signatures() {
    }

    /** A 401: the caller is not who it says (a signature, token or timestamp that does not hold). */
    static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail);
    }

    static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time equality; {@code null} on either side is unequal. */
    static boolean same(byte[] expected, byte[] given) {
        return expected != null && given != null && MessageDigest.isEqual(expected, given);
    }

    /** Constant-time equality of two secrets as text. */
    static boolean same(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(utf8(expected), utf8(given));
    }

    /** How far a signed timestamp may be from now, either way, before it counts as a replay: five minutes. */
    static final long TOLERANCE_SECONDS = 300;

    /**
     * The unix seconds a header's integer ({@code [+-]?[0-9]+}, checked by the caller) names; one beyond 64 bits is
     * taken as {@link Long#MAX_VALUE}, as far from now as any time can be, so {@link #fresh} refuses it.
     */
    static long seconds(String integer) {
        try {
            return Long.parseLong(integer);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Whether {@code epochSeconds} lies within {@link #TOLERANCE_SECONDS} of the clock's now. */
    static boolean fresh(Clock clock, long epochSeconds) {
        // compared as bounds around now, never as |now − t|: for a t some 2^63 before now that difference overflows
        long now = clock.instant().getEpochSecond();
        return epochSeconds >= now - TOLERANCE_SECONDS && epochSeconds <= now + TOLERANCE_SECONDS;
    }

    /** The bytes of a base64 string (surrounding blanks ignored), or null when it is not base64. */
    static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The bytes of a hex string, or null when it is not hex. */
    static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
