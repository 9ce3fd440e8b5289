package io.creditguard.connections;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One platform's connection as the store keeps it, at {@code connections/<platform>.json}: only the
 * connections and run functions may read that prefix, and the bucket is encrypted with its own KMS key.
 * Every change is a compare-and-set ({@link ConnectionStore}).
 *
 * @param connectedBy the subject of the admin who gave the consent
 * @param tokens the current pair; the refresh token is single-use, so only the newest pair is ever kept
 * @param refreshing the lock of a refresh in progress: who holds it and until when
 * @param cursor where the next sync starts, in the platform's own terms ({@code since}, {@code page}, a
 *     timestamp); it moves only after what it covers is stored
 * @param unmapped records the platform holds that cannot become book invoices, until they can
 */
public record Connection(Platform platform, Status status, Instant connectedAt, String connectedBy, Tokens tokens,
        Lease refreshing, Map<String, String> cursor, SyncReport lastSync, List<SyncReport.Unmapped> unmapped) {

    public enum Status {
        CONNECTED,
        /** The platform refused the refresh token ({@code invalid_grant}): an admin must give the consent again. */
        NEEDS_CONSENT
    }

    public Connection {
        cursor = cursor == null ? Map.of() : Map.copyOf(cursor);
        unmapped = unmapped == null ? List.of() : List.copyOf(unmapped);
    }

    /**
     * An access and refresh token pair. Its {@code toString} names neither: a token never reaches a log.
     *
     * @param issuedAt when the access token was issued
     */
    public record Tokens(String accessToken, String refreshToken, Instant expiresAt, Instant issuedAt) {

        /** Whether the access token still has more than {@code margin} to live at {@code now}. */
        boolean fresh(Instant now, Duration margin) {
            return now.plus(margin).isBefore(expiresAt);
        }

        @Override
        public String toString() {
            return "tokens issued " + issuedAt + ", expiring " + expiresAt;
        }
    }

    /** A refresh under way: no one else refreshes until {@code until} (after that a crashed holder is taken over). */
    public record Lease(String owner, Instant until) {
    }

    Connection withTokens(Tokens fresh) {
        return new Connection(platform, Status.CONNECTED, connectedAt, connectedBy, fresh, null, cursor, lastSync, unmapped);
    }

    Connection withLease(Lease lease) {
        return new Connection(platform, status, connectedAt, connectedBy, tokens, lease, cursor, lastSync, unmapped);
    }

    /** The tokens forgotten: the platform refused them, and only a new consent brings the connection back. */
    Connection needingConsent() {
        return new Connection(platform, Status.NEEDS_CONSENT, connectedAt, connectedBy, null, null, cursor, lastSync, unmapped);
    }

    Connection withCursor(Map<String, String> next) {
        return new Connection(platform, status, connectedAt, connectedBy, tokens, refreshing, next, lastSync, unmapped);
    }

    Connection withSync(SyncReport report, List<SyncReport.Unmapped> stillUnmapped) {
        return new Connection(platform, status, connectedAt, connectedBy, tokens, refreshing, cursor, report, stillUnmapped);
    }
}
