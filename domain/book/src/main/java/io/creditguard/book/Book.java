package io.creditguard.book;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.creditguard.json.Json;
import io.creditguard.store.ObjectStore;

/**
 * The book's totals as the last reminder run left them, for a function that takes figures from the book without
 * reading the ledger (breakeven). They head the ledger's listing ({@value #LISTING}), which the run writes whole: one
 * header line, then one line per customer.
 *
 * <p>A module of its own, below the ledger that writes the listing, so such a function carries none of the ledger's
 * types: Hibernate Validator builds the metadata of every constrained type on a function's class path as the function
 * starts, and the ledger brings 30 (the invoice, the reminder policy, the ledger's requests) that breakeven never
 * validates (docs/performance.md, "Where each start goes").
 */
@ApplicationScoped
public class Book {

    /** The ledger's listing: the header line, then a line per customer. */
    public static final String LISTING = "customers/index.jsonl";

    /**
     * The header line as far as the totals go: the ledger's own reader takes the rest (the alerts open across the
     * book).
     *
     * @param totals per currency, largest open amount first
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totals(LocalDate asOf, String run, List<BookTotals> totals) {
    }

    private final ObjectStore store;

    public Book(ObjectStore store) {
        this.store = store;
    }

    /**
     * The totals of the last run, or empty before a run has built the ledger.
     *
     * @throws IOException when the store cannot be read, or its listing does not start with a header
     */
    public Optional<Totals> totals() throws IOException {
        Optional<InputStream> content = store.read(LISTING);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(content.get(), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException(LISTING + " is empty; the next reminder run writes it again");
            }
            return Optional.of(Json.MAPPER.readValue(header, Totals.class));
        }
    }
}
