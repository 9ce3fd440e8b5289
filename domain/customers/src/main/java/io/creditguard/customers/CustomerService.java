package io.creditguard.customers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.book.BookTotals;
import io.creditguard.json.Json;
import io.creditguard.money.ExchangeRates;
import io.creditguard.money.Money;
import io.creditguard.rates.RateBook;
import io.creditguard.receivables.BookFile;
import io.creditguard.receivables.Invoice;
import io.creditguard.store.ObjectStore;
import io.creditguard.store.StoreBusy;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;
import io.creditguard.validation.Refusal;

/**
 * The customer ledger for the routes and the other functions: the listing and one customer's ledger with
 * the limit in force now, a letter as sent, a limit set by hand, a finance user's decision about an invoice,
 * and a credit check saved as the customer's limit. Every change is a compare-and-set: one that keeps losing
 * the race to other writers is refused ({@link StoreBusy}), never written over.
 */
@ApplicationScoped
public class CustomerService {

    /** Customers per page when the request names none, and the most it may name. */
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    /** Who changed something, and through what: kept with the change. */
    public record Who(String by, String via, String requestId) {
    }

    /**
     * A page of the listing.
     *
     * @param currency the currency whose amounts {@code exposure} and {@code overdue} order by
     * @param total customers that match {@code q}
     * @param problems what of the operator's configuration could not be used for these figures (a claims policy that
     *        cannot be read: the insurer's limits are left out), one line each
     */
    public record CustomerList(LocalDate asOf, String run, Currency currency, String sort, String q, int page, int size,
            long total, List<BookTotals> totals, List<LedgerIndex.OpenAlert> openAlerts, long openAlertCount,
            List<LedgerIndex.Row> customers, List<String> problems) {
    }

    /**
     * One customer's ledger with the limit in force now, every change of its limit and its saved credit checks.
     *
     * @param problems as the listing's
     */
    public record CustomerView(@com.fasterxml.jackson.annotation.JsonUnwrapped CustomerLedger ledger,
            List<Limits.Change> limitHistory, List<Profile.CreditCheck> creditChecks, List<String> problems) {
    }

    /** What a finance user decided about an invoice, as the book now holds it. */
    public record InvoiceDecisions(String invoiceId, String customerId, boolean disputed, String disputeReason,
            LocalDate pausedUntil, LocalDate promisedPaymentDate, List<LocalDate> promisesBroken, String decidedBy,
            Instant decidedAt) {
    }

    private final LedgerStore ledgers;
    private final InputReader inputs;
    private final RateBook rates;
    private final Clock clock;

    public CustomerService(ObjectStore store, InputReader inputs, RateBook rates, Clock clock) {
        this.ledgers = new LedgerStore(store);
        this.inputs = inputs;
        this.rates = rates;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private ExchangeRates exchange() {
        return rates.current().exchange();
    }

    // ---- reading

    /**
     * A page of the listing, ordered by {@code sort} (exposure and overdue in {@code currency}, by default the
     * book's largest), filtered by {@code q} (a part of the customer's id or name, any case).
     */
    public CustomerList list(LedgerIndex.Sort sort, Optional<Currency> currency, Optional<String> q, int page, int size)
            throws IOException {
        Optional<InputStream> content = ledgers.store().read(LedgerStore.INDEX);
        if (content.isEmpty()) {
            return new CustomerList(null, null, currency.orElse(null), name(sort), q.orElse(null), page, size, 0, List.of(),
                    List.of(), 0, List.of(), List.of());
        }
        String needle = q.map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(content.get(), StandardCharsets.UTF_8))) {
            LedgerIndex.Header header = Json.MAPPER.readValue(in.readLine(), LedgerIndex.Header.class);
            Currency by = currency.orElse(header.totals().isEmpty() ? null : header.totals().get(0).currency());
            Comparator<LedgerIndex.Row> order = sort.order(by);
            // In long: a page as far as the route allows (2^31 − 1 of 200) is past what an int counts.
            long skip = (long) (page - 1) * size;
            int keep = (int) Math.min(skip + size, Integer.MAX_VALUE);
            PriorityQueue<LedgerIndex.Row> first = new PriorityQueue<>(order.reversed());
            long total = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                LedgerIndex.Row row = Json.MAPPER.readValue(line, LedgerIndex.Row.class);
                if (needle != null && !row.customerId().toLowerCase(Locale.ROOT).contains(needle)
                        && !row.name().toLowerCase(Locale.ROOT).contains(needle)) {
                    continue;
                }
                total++;
                first.add(row);
                if (first.size() > keep) {
                    first.poll();
                }
            }
            List<LedgerIndex.Row> ordered = new ArrayList<>(first);
            ordered.sort(order);
            List<LedgerIndex.Row> pageRows = ordered.subList((int) Math.min(ordered.size(), skip), ordered.size());
            LedgerStore.InsurerLimits insurer = ledgers.insurerLimits();
            return new CustomerList(header.asOf(), header.run(), by, name(sort), q.orElse(null), page, size, total,
                    header.totals(), header.openAlerts(), header.openAlertCount(), withProfiles(pageRows, insurer.byBuyer()),
                    insurer.problems());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw LedgerStore.unreadable(LedgerStore.INDEX, e);
        }
    }

    private static String name(LedgerIndex.Sort sort) {
        return sort.name().toLowerCase(Locale.ROOT);
    }

    /** The rows with the limit and credit decision their profiles hold now (a limit set since the run, say). */
    private List<LedgerIndex.Row> withProfiles(List<LedgerIndex.Row> rows, Map<String, List<Limits.Change>> insurer)
            throws IOException {
        Set<String> profiled = ledgers.profileKeys();
        List<LedgerIndex.Row> out = new ArrayList<>();
        for (LedgerIndex.Row row : rows) {
            Optional<Profile> profile = profiled.contains(LedgerStore.profileKey(row.customerId()))
                    ? ledgers.profile(row.customerId()) : Optional.empty();
            Optional<Limits.InForce> limit = Limits.inForce(profile.map(Profile::limits).orElse(List.of()),
                    insurer.getOrDefault(row.customerId(), List.of()), today());
            Map<Currency, BigDecimal> open = new LinkedHashMap<>();
            row.byCurrency().forEach(c -> open.put(c.currency(), c.open()));
            Optional<Limits.Exposure> exposure = limit.map(l -> Limits.exposure(open, l.currency(), exchange(), today()));
            out.add(row.withProfile(limit, exposure, profile.flatMap(Profile::lastCreditCheck)));
        }
        return out;
    }

    /** The customer's ledger with the limit in force today, or empty when the ledger has no such customer. */
    public Optional<CustomerView> customer(String customerId) throws IOException {
        Optional<CustomerLedger> ledger = ledgers.ledger(customerId);
        if (ledger.isEmpty()) {
            return Optional.empty();
        }
        Optional<Profile> profile = ledgers.profile(customerId);
        LedgerStore.InsurerLimits insurerLimits = ledgers.insurerLimits();
        List<Limits.Change> insurer = insurerLimits.byBuyer().getOrDefault(customerId, List.of());
        List<Limits.Change> changes = profile.map(Profile::limits).orElse(List.of());
        Optional<Limits.InForce> limit = Limits.inForce(changes, insurer, today());
        Optional<Limits.Exposure> exposure = limit.map(l -> exposure(ledger.get(), l.currency()));
        List<Limits.Change> history = new ArrayList<>(insurer);
        history.addAll(changes);
        history.sort(Comparator.comparing(Limits.Change::validFrom).thenComparing(Limits.Change::at,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        return Optional.of(new CustomerView(ledger.get().withLimit(limit.orElse(null), exposure.orElse(null)),
                List.copyOf(history), profile.map(Profile::creditChecks).orElse(List.of()), insurerLimits.problems()));
    }

    /** The customer's open amounts in {@code currency}, converted at today's euro reference rates. */
    public Limits.Exposure exposure(CustomerLedger ledger, Currency currency) {
        return inCurrency(ledger, currency, CustomerLedger.CurrencyLedger::open);
    }

    /** One figure of each of the customer's currencies ({@code overdue}, say) summed in {@code currency}. */
    public Limits.Exposure inCurrency(CustomerLedger ledger, Currency currency,
            java.util.function.Function<CustomerLedger.CurrencyLedger, BigDecimal> figure) {
        Map<Currency, BigDecimal> amounts = new LinkedHashMap<>();
        ledger.currencies().forEach(c -> amounts.put(c.currency(), figure.apply(c)));
        return Limits.exposure(amounts, currency, exchange(), today());
    }

    /** The PDF of a letter as the run wrote it, by its id. */
    public Optional<byte[]> letterPdf(String letterId) throws IOException {
        Optional<InputStream> content = ledgers.store().read("letters/" + letterId + ".pdf");
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = content.get()) {
            return Optional.of(in.readAllBytes());
        }
    }

    /** Whether the store holds the record {@code key} (a reminder or insurer report of the run). */
    public Optional<JsonNode> record(String key) throws IOException {
        Optional<InputStream> content = ledgers.store().read(key);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = content.get()) {
            return Optional.of(Json.MAPPER.readTree(in));
        }
    }

    // ---- changing

    /**
     * Sets the customer's limit by hand.
     *
     * @throws Unknown when the ledger has no such customer
     * @throws InvalidInputException 422 at {@code $.currency} when no rate converts the customer's invoices to it
     */
    public CustomerView setLimit(String customerId, LimitRequest request, Who who) throws IOException {
        CustomerLedger ledger = ledgers.ledger(customerId).orElseThrow(() -> unknownCustomer(customerId, "customerId"));
        Limits.Exposure exposure = exposure(ledger, request.currency());
        if (!exposure.notConverted().isEmpty()) {
            throw InvalidInputException.invalid(FieldError.at("$.currency", "is not a currency of the customer's invoices ("
                    + ledger.currencies().stream().map(c -> c.currency().getCurrencyCode()).toList() + ") and no euro "
                    + "reference rate of " + today() + " or the week before converts " + exposure.notConverted() + " to it"));
        }
        Limits.Change change = new Limits.Change(Limits.Source.MANUAL, Money.of(request.currency(), request.amount()).amount(),
                request.currency(), today(), request.validUntil(), request.note(), who.by(), clock.instant(), who.via(),
                who.requestId());
        updateProfile(customerId, p -> p.withLimit(change));
        return customer(customerId).orElseThrow();
    }

    /**
     * Saves a credit check of a customer in the ledger as its limit and terms.
     *
     * @throws Unknown when the ledger has no such customer
     */
    public void saveCreditCheck(String customerId, Profile.CreditCheck check, Who who) throws IOException {
        // In force from the day it is saved, whatever day the check assessed.
        Limits.Change limit = new Limits.Change(Limits.Source.CREDIT_CHECK, check.creditLimit(), check.currency(),
                today(), null, check.decision() + ", risk class " + check.riskClass() + ", terms "
                        + check.recommendedTermsDays() + " days", who.by(), check.at(), who.via(), who.requestId());
        updateProfile(customerId, p -> p.withCreditCheck(check, limit));
    }

    private void updateProfile(String customerId, java.util.function.UnaryOperator<Profile> change) throws IOException {
        try {
            ledgers.updateProfile(customerId, change);
        } catch (ObjectStore.VersionConflict e) {
            throw new StoreBusy("The customer's profile was changed by other writers through every attempt; nothing was "
                    + "written over. Send the request again.");
        }
    }

    /** A customer of the ledger, for a function that reads it; empty when the ledger has none by that id. */
    public Optional<CustomerLedger> ledger(String customerId) throws IOException {
        return ledgers.ledger(customerId);
    }

    /**
     * A finance user's decision about one open invoice, written into the book line by compare-and-set (the run and
     * webhooks keep it), and into the customer's ledger.
     *
     * @param present the fields the request gave (a merge patch: a field given as null clears it)
     * @throws Unknown when no open invoice has that id
     * @throws Conflict when the invoice is paid
     */
    public InvoiceDecisions decide(String invoiceId, InvoicePatch patch, Set<String> present, Who who) throws IOException {
        if (present.stream().noneMatch(f -> f.equals("disputed") || f.equals("pausedUntil")
                || f.equals("promisedPaymentDate"))) {
            throw InvalidInputException.invalid(FieldError.at("$", "names nothing to change: give disputed, pausedUntil "
                    + "or promisedPaymentDate"));
        }
        LedgerStore.Location location = ledgers.locate(invoiceId).orElseThrow(() -> unknownInvoice(invoiceId));
        Instant at = clock.instant();
        Invoice[] decided = new Invoice[1];
        boolean written;
        try {
            written = BookFile.rewrite(ledgers.store(), location.file(), line -> {
                // Without a backslash a line's strings are their text, so one without the id is another invoice's; a
                // line that escapes (2026\/1001, an é as a \\u escape, as other JSON writers do) is read to tell.
                if (!line.contains(invoiceId) && line.indexOf('\\') < 0) {
                    return line;
                }
                JsonNode tree;
                try {
                    tree = Json.MAPPER.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return line; // the run reports a line that does not read; the invoice is on one that does
                }
                if (!invoiceId.equals(tree.path("invoiceId").asText(null))) {
                    return line;
                }
                ObjectNode changed = apply((ObjectNode) tree, patch, present, who, at);
                String json = Json.write(changed);
                decided[0] = readInvoice(json);
                return json;
            });
        } catch (ObjectStore.VersionConflict e) {
            throw new StoreBusy("The invoice's book file was changed by other writers through every attempt; nothing was "
                    + "written over. Send the request again.");
        }
        if (!written || decided[0] == null) {
            throw unknownInvoice(invoiceId);
        }
        Invoice.Dunning d = decided[0].dunning();
        updateLedger(location.customerId(), invoiceId, d);
        return new InvoiceDecisions(invoiceId, location.customerId(), d.disputed(), d.disputeReason(), d.pausedUntil(),
                d.promisedPaymentDate(), d.promisesBroken(), d.decidedBy(), d.decidedAt());
    }

    /** The invoice's line with the patch applied; the fields the book does not know are kept as they were. */
    private ObjectNode apply(ObjectNode line, InvoicePatch patch, Set<String> present, Who who, Instant at) {
        BigDecimal open = line.path("openAmount").decimalValue();
        if (open.signum() <= 0) {
            String field = present.stream().filter(f -> !f.equals("disputeReason")).sorted().findFirst().orElse("disputed");
            throw Refusal.conflict(FieldError.at("$." + field, "cannot be changed: invoice " + line.path("invoiceNumber").asText()
                    + " is paid"));
        }
        ObjectNode decided = line.withObject("/decided");
        if (present.contains("disputed")) {
            line.put("disputed", Boolean.TRUE.equals(patch.disputed()));
            setOrRemove(decided, "disputeReason", Boolean.TRUE.equals(patch.disputed()) ? patch.disputeReason() : null);
        }
        if (present.contains("pausedUntil")) {
            setOrRemove(line, "pausedUntil", patch.pausedUntil());
        }
        if (present.contains("promisedPaymentDate")) {
            // A promise whose day has passed unpaid and is replaced (or withdrawn) stays on record as broken.
            JsonNode earlier = decided.get("promisedPaymentDate");
            if (earlier != null && earlier.isTextual() && LocalDate.parse(earlier.asText()).isBefore(today())
                    && !earlier.asText().equals(String.valueOf(patch.promisedPaymentDate()))) {
                ArrayNode broken = decided.withArray("promisesBroken");
                if (!broken.toString().contains(earlier.asText())) {
                    if (broken.size() >= Invoice.Decided.PROMISES_BROKEN_KEPT) {
                        throw Refusal.conflict(FieldError.at("$.promisedPaymentDate", "cannot be changed: invoice "
                                + line.path("invoiceNumber").asText() + " keeps " + Invoice.Decided.PROMISES_BROKEN_KEPT
                                + " broken promises, the most it holds, and the promise of " + earlier.asText()
                                + " would be one more"));
                    }
                    broken.add(earlier.asText());
                }
            }
            setOrRemove(decided, "promisedPaymentDate", patch.promisedPaymentDate());
        }
        decided.put("by", who.by());
        decided.put("at", at.toString());
        return line;
    }

    private static void setOrRemove(ObjectNode node, String field, Object value) {
        if (value == null) {
            node.remove(field);
        } else {
            node.put(field, value.toString());
        }
    }

    private Invoice readInvoice(String json) {
        try {
            return inputs.read(json, Invoice.class);
        } catch (InvalidInputException e) {
            // The line read before the change; what the change made of it must read too, or nothing is written.
            throw new IllegalStateException("the decided invoice does not read as an invoice: " + e.summary(), e);
        }
    }

    /** The customer's ledger file with the decision, so the ledger shows it before the next run; the book decides. */
    private void updateLedger(String customerId, String invoiceId, Invoice.Dunning d) {
        try {
            io.creditguard.store.Updates.update(ledgers.store(), LedgerStore.ledgerKey(customerId), "application/json",
                    current -> {
                        if (current.isEmpty()) {
                            return io.creditguard.store.Updates.Result.unchanged(null);
                        }
                        CustomerLedger ledger = Json.MAPPER.readValue(current.get(), CustomerLedger.class);
                        CustomerLedger.Promise promise = d.promisedPaymentDate() == null ? null
                                : CustomerLedger.Promise.PENDING;
                        CustomerLedger changed = ledger.withDecisions(invoiceId, new CustomerLedger.Decisions(d.disputed(),
                                d.disputeReason(), d.pausedUntil(), d.promisedPaymentDate(), promise, d.decidedBy(),
                                d.decidedAt()));
                        return new io.creditguard.store.Updates.Result<>(Json.write(changed)
                                .getBytes(StandardCharsets.UTF_8), null);
                    });
        } catch (IOException | RuntimeException e) {
            // The book holds the decision; the next run writes the ledger from it.
            org.jboss.logging.Logger.getLogger(CustomerService.class).warnf("the ledger of %s shows the decision on %s "
                    + "after the next run: %s", customerId, invoiceId, e.getMessage());
        }
    }

    private static Refusal unknownCustomer(String customerId, String field) {
        return Refusal.unknown(FieldError.at(field, "no customer " + customerId + " is in the ledger (the reminder run builds "
                + "it from the book)"));
    }

    /** The ledger has no customer {@code customerId}: a 404 naming {@code field}. */
    public static Refusal unknownCustomer(String customerId, String field, String detail) {
        return Refusal.unknown(FieldError.at(field, "no customer " + customerId + " is in the ledger: " + detail));
    }

    private static Refusal unknownInvoice(String invoiceId) {
        return Refusal.unknown(FieldError.at("invoiceId", "no open invoice " + invoiceId + " is in the ledger (paid long ago, "
                + "or not yet read by the reminder run)"));
    }
}
