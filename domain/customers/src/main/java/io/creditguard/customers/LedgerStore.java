package io.creditguard.customers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.creditguard.book.Book;
import io.creditguard.digest.Sha256;
import io.creditguard.json.Json;
import io.creditguard.store.ObjectStore;
import io.creditguard.store.StoreUnreadable;
import io.creditguard.store.Updates;

/**
 * Where the ledger lives in the store, and reading it back:
 * <ul>
 * <li>{@code customers/<customerId>.json}: a customer's ledger ({@link CustomerLedger}), written by the run;
 * <li>{@code customers/index.jsonl}: the listing ({@link LedgerIndex});
 * <li>{@code customers/invoices/<nn>.jsonl}: where each open invoice is, by a hash of its id, for
 * {@code PATCH /invoices/{invoiceId}};
 * <li>{@code profiles/<customerId>.json}: limit changes and credit checks ({@link Profile});
 * <li>{@code config/claims-policy.json}: the credit-insurance policy, whose {@code creditLimits} are the
 * insurer's limits per buyer (the customer's id).
 * </ul>
 * A customer id is percent-encoded into the key (UTF-8, as a URL encodes it), so any id is one plain key segment;
 * see {@link #segment} for the few too long for a key.
 */
final class LedgerStore {

    static final String INDEX = Book.LISTING;
    static final String CLAIMS_POLICY = "config/claims-policy.json";
    static final String PROFILES = "profiles/";
    private static final String LOCATOR = "customers/invoices/";
    static final int LOCATOR_SHARDS = 64;

    /** Where an open invoice sits in the book. */
    record Location(String invoiceId, String customerId, String file) {
    }

    /** An unreadable ledger file is a fault the next run repairs by writing it again. */
    static StoreUnreadable unreadable(String key, Throwable cause) {
        return new StoreUnreadable(key, "the next reminder run writes it again", cause);
    }

    private final ObjectStore store;

    LedgerStore(ObjectStore store) {
        this.store = store;
    }

    ObjectStore store() {
        return store;
    }

    /**
     * The longest percent-encoded id a key holds as it is: with {@code customers/} or {@code profiles/} before it and
     * {@code .json} after, within the store's 900 characters. An id an invoice may carry (100 characters) encodes to
     * up to 900 (nine for each character of three UTF-8 bytes).
     */
    static final int LONGEST_ENCODED = 885;

    /** How much of a longer id's encoding its segment keeps before the hash: within a file name's 255 bytes. */
    private static final int KEPT_OF_LONGER = 150;

    /**
     * {@code customerId} as one key segment: percent-encoded; for an id whose encoding is longer than
     * {@link #LONGEST_ENCODED}, the start of its encoding, {@code ~} and the SHA-256 of the id. Only ids no key could
     * hold get the second form, so no ledger or profile written before moves; the encoder never leaves a {@code ~}, so
     * the two forms never meet.
     */
    static String segment(String customerId) {
        String encoded = URLEncoder.encode(customerId, StandardCharsets.UTF_8).replace("+", "%20");
        if (encoded.length() > LONGEST_ENCODED) {
            return encoded.substring(0, KEPT_OF_LONGER) + "~" + Sha256.hex(customerId.getBytes(StandardCharsets.UTF_8));
        }
        // "." and ".." are percent-encoded too: a key segment may be neither.
        return encoded.equals(".") || encoded.equals("..") ? encoded.replace(".", "%2E") : encoded;
    }

    static String ledgerKey(String customerId) {
        return "customers/" + segment(customerId) + ".json";
    }

    static String profileKey(String customerId) {
        return PROFILES + segment(customerId) + ".json";
    }

    static String locatorKey(int shard) {
        return LOCATOR + String.format("%02d", shard) + ".jsonl";
    }

    static int shard(String invoiceId) {
        return Math.floorMod(invoiceId.hashCode(), LOCATOR_SHARDS);
    }

    Optional<CustomerLedger> ledger(String customerId) throws IOException {
        return read(ledgerKey(customerId), CustomerLedger.class);
    }

    Optional<Profile> profile(String customerId) throws IOException {
        return read(profileKey(customerId), Profile.class);
    }

    /** The keys of the profiles there are ({@link #profileKey}): one listing instead of a read per customer. */
    java.util.Set<String> profileKeys() throws IOException {
        return store.list(PROFILES).stream().filter(k -> k.endsWith(".json")).collect(Collectors.toSet());
    }

    /** Changes a customer's profile by compare-and-set; {@code change} may run again on what another writer left. */
    Profile updateProfile(String customerId, java.util.function.UnaryOperator<Profile> change) throws IOException {
        String key = profileKey(customerId);
        return Updates.update(store, key, "application/json", current -> {
            Profile before = current.isEmpty() ? Profile.empty(customerId) : parse(key, current.get(), Profile.class);
            Profile after = change.apply(before);
            return new Updates.Result<>(Json.write(after).getBytes(StandardCharsets.UTF_8), after);
        });
    }

    Optional<Location> locate(String invoiceId) throws IOException {
        Optional<InputStream> shard = store.read(locatorKey(shard(invoiceId)));
        if (shard.isEmpty()) {
            return Optional.empty();
        }
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(shard.get(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Location location = Json.MAPPER.readValue(line, Location.class);
                if (location.invoiceId().equals(invoiceId)) {
                    return Optional.of(location);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The insurer's limits per buyer id from the claims policy configuration, and what of that file could not be used.
     *
     * @param problems one line each, naming the file: the operator's file, so a fault in it is said beside the figures
     *        and leaves out what it touches, never the answer or the run
     */
    record InsurerLimits(Map<String, List<Limits.Change>> byBuyer, List<String> problems) {
    }

    /** The insurer's limits per buyer id, from the claims policy configuration; none when there is none. */
    InsurerLimits insurerLimits() throws IOException {
        Optional<InputStream> content = store.read(CLAIMS_POLICY);
        if (content.isEmpty()) {
            return new InsurerLimits(Map.of(), List.of());
        }
        InsurerPolicy policy;
        try (InputStream in = content.get()) {
            policy = Json.MAPPER.readValue(in.readAllBytes(), InsurerPolicy.class);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            return noLimits(CLAIMS_POLICY + line + ": " + e.getOriginalMessage());
        }
        if (policy == null || policy.currency() == null) {
            return noLimits(CLAIMS_POLICY + " names no currency");
        }
        Map<String, List<Limits.Change>> byBuyer = new java.util.HashMap<>();
        List<String> problems = new ArrayList<>();
        List<InsurerPolicy.Limit> limits = policy.creditLimits() == null ? List.of() : policy.creditLimits();
        for (int i = 0; i < limits.size(); i++) {
            InsurerPolicy.Limit limit = limits.get(i);
            if (limit == null || limit.buyerId() == null || limit.amount() == null || limit.approvedOn() == null) {
                problems.add(CLAIMS_POLICY + " $.creditLimits[" + i + "] lacks its buyerId, amount or approvedOn: left out");
                continue;
            }
            byBuyer.computeIfAbsent(limit.buyerId(), k -> new ArrayList<>()).add(new Limits.Change(Limits.Source.INSURER,
                    io.creditguard.money.Money.rounded(policy.currency(), limit.amount(), java.math.RoundingMode.HALF_EVEN)
                            .amount(), policy.currency(), limit.approvedOn(), null, policy.insurer(), null, null,
                    CLAIMS_POLICY, null));
        }
        return new InsurerLimits(byBuyer, List.copyOf(problems));
    }

    private static InsurerLimits noLimits(String why) {
        return new InsurerLimits(Map.of(), List.of(why + ": no insurer's limit counts until it is mended"));
    }

    /** What the ledger reads of the claims policy configuration (the shape of the claim request's {@code policy}). */
    record InsurerPolicy(String insurer, java.util.Currency currency, List<Limit> creditLimits) {
        record Limit(String buyerId, java.math.BigDecimal amount, java.time.LocalDate approvedOn) {
        }
    }

    <T> Optional<T> read(String key, Class<T> type) throws IOException {
        Optional<InputStream> content = store.read(key);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = content.get()) {
            return Optional.of(parse(key, in.readAllBytes(), type));
        }
    }

    private static <T> T parse(String key, byte[] content, Class<T> type) throws IOException {
        T value;
        try {
            value = Json.MAPPER.readValue(content, type);
        } catch (JsonProcessingException e) {
            throw unreadable(key, e);
        }
        if (value == null) {
            throw unreadable(key, new IOException(key + " holds JSON null"));
        }
        return value;
    }

    void write(String key, Object value) throws IOException {
        store.write(key, Json.write(value).getBytes(StandardCharsets.UTF_8), "application/json");
    }
}
