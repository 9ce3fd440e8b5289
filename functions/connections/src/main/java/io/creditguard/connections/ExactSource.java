package io.creditguard.connections;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.creditguard.receivables.Invoice;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;
import io.creditguard.webhooks.IntakeStore;
import io.creditguard.webhooks.Normalizer;

/**
 * Exact Online's REST API (OData, answers as {@code {"d":{"results":[…]}}}, dates as {@code /Date(ms)/}), in
 * the division the consent chose ({@code GET /api/v1/current/Me}, kept in the cursor as {@code division}):
 *
 * <ol>
 * <li>the sales invoices its webhooks named ({@code POST /webhooks/exact} queues their keys), each read by
 * its key ({@code salesinvoice/SalesInvoices(guid'…')});
 * <li>what webhooks missed, through the sync endpoints, each an ever-increasing {@code Timestamp} kept in
 * the cursor, at most 1 000 records a call: {@code sync/SalesInvoice/SalesInvoices} (the invoices; a draft,
 * status 10, is left out) and {@code sync/Cashflow/PaymentTerms} (the outstanding items: a receivable,
 * {@code LineType} 20, that is matched or fully paid is a payment of its invoice, dated its last payment).
 * </ol>
 *
 * The invoice's customer is its {@code InvoiceTo} account, read once per sync, the accounts of a batch's invoices a
 * group a call ({@code crm/Accounts?$filter=ID eq guid'…' or ID eq guid'…'}); its {@code PaymentReference} is the
 * payment reference. Exact's credit notes (type 8021, 8024) name no invoice they credit; their effect reaches the
 * book when Exact matches the two outstanding items, as the invoice's receivable settled. Exact allows 60 calls a
 * minute (the pace) and 5 000 a day per company: the sync stops while fewer than {@value #DAY_RESERVE} are left
 * ({@code X-RateLimit-Remaining}) and goes on the next day.
 */
final class ExactSource implements Source {

    static final int DAY_RESERVE = 50;
    private static final String SOURCE = "exact";
    private static final Pattern DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");
    private static final String INVOICE_FIELDS = "Timestamp,InvoiceID,InvoiceNumber,InvoiceDate,DueDate,Currency,AmountFC,"
            + "InvoiceTo,InvoiceToName,PaymentReference,Type,Status,Modified";
    /** {@code ID} to tell which account of a group each answered record is. */
    private static final String ACCOUNT_FIELDS = "ID,Name,Country,Email,Language,AddressLine1,AddressLine2,Postcode,City";
    /**
     * Accounts asked for in one call: a standard endpoint such as {@code crm/Accounts} answers at most 60 records a
     * call, the rest only behind a {@code __next} link (exactonline/exactonline-api-dotnet-client#50), which this does
     * not follow.
     */
    private static final int ACCOUNTS_A_CALL = 60;
    /**
     * The longest group filter, encoded: some 25 Guids, so that with the path, {@code $select} and Exact's host the
     * address stays under 2 000 characters, which common servers and proxies take.
     */
    private static final int FILTER_CHARS = 1_600;
    private static final String OR = encode(" or ");
    /** An Edm.Guid as Exact writes an account's ID, in lower case as {@link #key} keeps it. */
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Clock clock;
    private final InputReader inputs;
    private final Normalizer normalizer;
    private final IntakeStore intake;
    /** The accounts read in this sync, by their ID in lower case; an account Exact did not answer is a missing node. */
    private final Map<String, JsonNode> accounts = new HashMap<>();
    private boolean queueRead;
    private boolean invoicesDone;
    private boolean termsDone;

    ExactSource(Clock clock, InputReader inputs, Normalizer normalizer, IntakeStore intake) {
        this.clock = clock;
        this.inputs = inputs;
        this.normalizer = normalizer;
        this.intake = intake;
    }

    @Override
    public Optional<Batch> next(Map<String, String> cursor, PlatformClient api) throws IOException, PlatformClient.Stop {
        String division = Optional.ofNullable(cursor.get("division"))
                .orElseThrow(() -> new IOException("the connection names no Exact division; connect Exact again"));
        if (!queueRead) {
            queueRead = true;
            List<String> queued = intake.queued(SOURCE);
            if (!queued.isEmpty()) {
                return Optional.of(named(queued.subList(0, Math.min(queued.size(), 50)), division, cursor, api));
            }
        }
        if (!invoicesDone) {
            JsonNode results = sync(api, division, "sync/SalesInvoice/SalesInvoices", cursor.getOrDefault("invoices", "0"),
                    "&$select=" + INVOICE_FIELDS);
            if (!results.isEmpty()) {
                Batch batch = page(invoices(byInvoice(results).values(), division, api), cursor, "invoices", results,
                        r -> "exact:" + r.path("InvoiceNumber").asText("?"));
                invoicesDone = !advanced(cursor, batch.cursor(), "invoices");
                return Optional.of(batch);
            }
            invoicesDone = true;
        }
        if (!termsDone) {
            JsonNode results = sync(api, division, "sync/Cashflow/PaymentTerms", cursor.getOrDefault("receivables", "0"), "");
            if (!results.isEmpty()) {
                List<Change> changes = new ArrayList<>();
                for (JsonNode term : results) {
                    payment(term).ifPresent(changes::add);
                }
                Batch batch = page(changes, cursor, "receivables", results, r -> "exact:receivable:" + r.path("ID").asText("?"));
                termsDone = !advanced(cursor, batch.cursor(), "receivables");
                return Optional.of(batch);
            }
            termsDone = true;
        }
        return Optional.empty();
    }

    /** The sales invoices the queued webhook notifications name; other topics the sync endpoints cover. */
    private Batch named(List<String> keys, String division, Map<String, String> cursor, PlatformClient api)
            throws IOException {
        List<JsonNode> invoices = new ArrayList<>();
        for (String key : keys) {
            Optional<Map<?, ?>> notification = intake.notification(key);
            if (notification.isPresent() && "SalesInvoices".equals(String.valueOf(notification.get().get("Topic")))
                    && !"Delete".equalsIgnoreCase(String.valueOf(notification.get().get("Action")))) {
                String guid = String.valueOf(notification.get().get("Key"));
                String path = "/api/v1/" + division + "/salesinvoice/SalesInvoices(guid'" + encode(guid) + "')";
                results(api.get(path + "?$select=" + INVOICE_FIELDS), path, true).forEach(invoices::add);
            }
        }
        return new Batch(invoices(invoices, division, api), cursor, List.of(), keys);
    }

    /** The invoices among {@code records}, their accounts read first, a group a call ({@link #readAccounts}). */
    private List<Change> invoices(Collection<JsonNode> records, String division, PlatformClient api) throws IOException {
        readAccounts(records, division, api);
        List<Change> changes = new ArrayList<>();
        for (JsonNode invoice : records) {
            map(invoice).ifPresent(changes::add);
        }
        return changes;
    }

    /**
     * A sync endpoint's page as a batch: the cursor moved past its records under {@code key}, and a warning for each
     * record whose {@code Timestamp} is no Int64, named by {@code id}.
     */
    private static Batch page(List<Change> changes, Map<String, String> cursor, String key, JsonNode results,
            Function<JsonNode, String> id) {
        return new Batch(changes, moved(cursor, key, results), unreadTimestamps(results, id));
    }

    private JsonNode sync(PlatformClient api, String division, String endpoint, String timestamp, String select)
            throws IOException, PlatformClient.Stop {
        String path = "/api/v1/" + division + "/" + endpoint;
        JsonNode results = results(api.get(path + "?$filter=" + encode("Timestamp gt " + timestamp + "L") + select), path, false);
        String remaining = api.header("X-RateLimit-Remaining").orElse("");
        // More significant digits than an int holds are more calls than a day has, not a reason to fail.
        if (remaining.matches("0*\\d{1,9}") && Integer.parseInt(remaining) < DAY_RESERVE) {
            throw new PlatformClient.Stop("Exact's allowance of 5 000 calls a day is nearly spent (" + remaining
                    + " left); the sync goes on from the cursor when it resets");
        }
        return results;
    }

    /**
     * The records of an OData answer: {@code d.results}, or, for a record read by its key, {@code d} itself (the form OData
     * gives a single entity).
     *
     * @param byKey whether {@code path} names one record by its key
     * @throws IOException when the answer holds neither: read as no records, a sync endpoint would count as caught up and
     *     a record a webhook named would leave the queue unread
     */
    private static JsonNode results(JsonNode answer, String path, boolean byKey) throws IOException {
        JsonNode d = answer.path("d");
        if (d.path("results").isArray()) {
            return d.path("results");
        }
        if (byKey && d.isObject() && !d.has("results") && !d.isEmpty()) {
            return io.creditguard.json.Json.MAPPER.createArrayNode().add(d);
        }
        throw new IOException(path + " answered without d.results");
    }

    /** The cursor past the highest {@code Timestamp} of the records read. */
    private static Map<String, String> moved(Map<String, String> cursor, String key, JsonNode results) {
        long highest = Long.parseLong(cursor.getOrDefault(key, "0"));
        for (JsonNode r : results) {
            OptionalLong t = timestamp(r);
            if (t.isPresent()) {
                highest = Math.max(highest, t.getAsLong());
            }
        }
        Map<String, String> next = new HashMap<>(cursor);
        next.put(key, String.valueOf(highest));
        return next;
    }

    /**
     * A record's {@code Timestamp} as the cursor takes it: an Edm.Int64 (Exact's REST API reference for the sync
     * endpoints), a whole number written as a number or as its digits; anything else moves the cursor no more than a
     * record without one. Read as a long, {@code 1e30} was the largest long, and no record after it was ever read.
     */
    private static OptionalLong timestamp(JsonNode record) {
        JsonNode t = record.path("Timestamp");
        if (t.isIntegralNumber() && t.canConvertToLong()) {
            return OptionalLong.of(t.longValue());
        }
        if (t.isTextual() && t.asText().matches("\\d{1,19}")) {
            try {
                return OptionalLong.of(Long.parseLong(t.asText()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty(); // 19 digits beyond a long
            }
        }
        return OptionalLong.empty();
    }

    /**
     * A warning for each record whose {@code Timestamp} is there but is no Edm.Int64, so that the platform can be told;
     * one a record, though the sales invoice endpoint answers each of an invoice's lines.
     */
    private static List<String> unreadTimestamps(JsonNode results, Function<JsonNode, String> id) {
        Map<String, String> warnings = new LinkedHashMap<>();
        for (JsonNode r : results) {
            JsonNode t = r.path("Timestamp");
            if (!t.isMissingNode() && !t.isNull() && timestamp(r).isEmpty()) {
                String text = t.isTextual() ? t.asText() : t.toString();
                warnings.putIfAbsent(id.apply(r), id.apply(r) + ": Timestamp " + (text.length() <= 40 ? text
                        : text.substring(0, 40) + "…") + " is not an Int64; the cursor is not moved past it");
            }
        }
        return List.copyOf(warnings.values());
    }

    /**
     * Whether the cursor moved past any record: an answer that moves it no further (a filter the server ignored,
     * records without a Timestamp) would be asked for again and again, so it is the endpoint's last.
     */
    private static boolean advanced(Map<String, String> cursor, Map<String, String> next, String key) {
        return !next.get(key).equals(cursor.getOrDefault(key, "0"));
    }

    /** The sync endpoint answers an invoice's lines with the header's fields on each: one record per invoice. */
    private static Map<String, JsonNode> byInvoice(JsonNode results) {
        Map<String, JsonNode> invoices = new LinkedHashMap<>();
        for (JsonNode r : results) {
            invoices.putIfAbsent(r.path("InvoiceID").asText(r.path("InvoiceNumber").asText()), r);
        }
        return invoices;
    }

    /**
     * Reads the accounts of the invoices that this sync has not read yet, as many as a call takes (see
     * {@link #ACCOUNTS_A_CALL}, {@link #FILTER_CHARS}) with one filter on their keys, which Exact's Accounts endpoint
     * allows on {@code ID} (a "Mandatory filter" field in
     * https://start.exactonline.nl/docs/HlpRestAPIResourcesDetails.aspx?name=CRMAccounts). One call per account was
     * 1 000 calls for a page naming 1 000 customers, 17 minutes at 60 a minute: past the sync's budget and Lambda's 15
     * minutes, so the page was never stored and every sync began it again; now it is some 40. An account Exact does not
     * answer is remembered as missing, so its invoices map as they did when it was read by its key.
     */
    private void readAccounts(Collection<JsonNode> invoices, String division, PlatformClient api) throws IOException {
        // Only a Guid is asked for: anything else in the filter would be answered 400, failing the page on every sync,
        // or read as more of the filter's expression (a quote ends the Guid); such an account maps as one Exact did not
        // answer.
        List<String> unread = invoices.stream().filter(ExactSource::isInvoice)
                .map(x -> key(x.path("InvoiceTo").asText(""))).filter(k -> !k.isEmpty()).distinct()
                .filter(k -> !accounts.containsKey(k)).toList();
        unread.stream().filter(k -> !GUID.matcher(k).matches()).forEach(k -> accounts.put(k, MissingNode.getInstance()));
        unread = unread.stream().filter(k -> GUID.matcher(k).matches()).toList();
        String path = "/api/v1/" + division + "/crm/Accounts";
        for (List<String> group : groups(unread)) {
            String filter = String.join(OR, group.stream().map(k -> encode("ID eq guid'" + k + "'")).toList());
            JsonNode answer = api.get(path + "?$filter=" + filter + "&$select=" + ACCOUNT_FIELDS);
            for (JsonNode account : results(answer, path, false)) {
                String k = key(account.path("ID").asText(""));
                if (group.contains(k)) {
                    accounts.put(k, account);
                }
            }
            group.forEach(k -> accounts.putIfAbsent(k, MissingNode.getInstance()));
        }
    }

    /** The keys in groups of at most {@link #ACCOUNTS_A_CALL}, each one's filter at most {@link #FILTER_CHARS} long. */
    private static List<List<String>> groups(List<String> keys) {
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        int chars = 0;
        for (String k : keys) {
            int clause = encode("ID eq guid'" + k + "'").length();
            if (!group.isEmpty() && (group.size() == ACCOUNTS_A_CALL || chars + OR.length() + clause > FILTER_CHARS)) {
                groups.add(group);
                group = new ArrayList<>();
                chars = 0;
            }
            chars += (group.isEmpty() ? 0 : OR.length()) + clause;
            group.add(k);
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /** An account's ID as this sync keeps it: a Guid is the same whatever its letters' case. */
    private static String key(String accountId) {
        return accountId.toLowerCase(Locale.ROOT);
    }

    /** Whether the record is an invoice: a draft is not one yet, a credit note is left out (see the class comment). */
    private static boolean isInvoice(JsonNode x) {
        int type = x.path("Type").asInt(8020);
        return x.path("Status").asInt(0) != 10 && type != 8021 && type != 8024;
    }

    /** The invoice; none for a record that is no invoice ({@link #isInvoice}). */
    private Optional<Change> map(JsonNode x) {
        if (!isInvoice(x)) {
            return Optional.empty();
        }
        String id = SOURCE + ":" + x.path("InvoiceNumber").asText("?");
        JsonNode account = accounts.getOrDefault(key(x.path("InvoiceTo").asText("")), MissingNode.getInstance());
        try {
            Currency currency = Fields.currency(x, "Currency");
            BigDecimal amount = Fields.amount(x, "AmountFC", currency);
            if (amount.signum() < 0) {
                throw new Fields.Unusable("AmountFC " + amount.toPlainString() + " is negative on an invoice");
            }
            LocalDate issued = day(x, "InvoiceDate").orElseThrow(() -> new Fields.Unusable("InvoiceDate is missing"));
            LocalDate due = day(x, "DueDate").orElseThrow(() -> new Fields.Unusable("it has no DueDate"));
            Instant modified = millis(x, "Modified").map(Instant::ofEpochMilli).orElse(clock.instant());
            Invoice invoice = new Invoice(id, x.path("InvoiceNumber").asText(), currency, issued, due, amount, amount,
                    customer(x, account),
                    new Invoice.Terms(null, false, null, null, null)
                            .withPaymentReference(Fields.text(x, "PaymentReference").orElse(null), null),
                    List.of(), List.of(), Invoice.Dunning.NONE, SOURCE, modified);
            return Optional.of(new Upsert(inputs.check(IntakeStore.reconciled(SOURCE, invoice), "$"), false));
        } catch (Fields.Unusable e) {
            return Optional.of(new Unmappable(id, e.getMessage()));
        } catch (InvalidInputException e) {
            return Optional.of(new Unmappable(id, e.summary()));
        }
    }

    /** A receivable matched or fully paid: its amount paid on its invoice, on its last payment day. */
    private Optional<Change> payment(JsonNode term) {
        String id = SOURCE + ":receivable:" + term.path("ID").asText("?");
        boolean settled = term.path("Status").asInt(20) == 50 || Fields.flag(term, "IsFullyPaid");
        if (term.path("LineType").asInt(0) != 20 || !settled || term.path("InvoiceNumber").asText("").isEmpty()) {
            return Optional.empty();
        }
        try {
            Currency currency = Fields.currency(term, "Currency");
            BigDecimal amount = Fields.amount(term, "AmountFC", currency);
            if (amount.signum() <= 0) {
                return Optional.empty();
            }
            Optional<LocalDate> lastPayment = day(term, "LastPaymentDate");
            LocalDate paid = (lastPayment.isPresent() ? lastPayment : day(term, "EndDate"))
                    .orElseThrow(() -> new Fields.Unusable("a settled receivable without LastPaymentDate or EndDate"));
            // Checked here: the intake adds it to its invoice's line as it is, and a line the book cannot read back
            // fails every later write of that invoice.
            return Optional.of(new Payment(SOURCE + ":" + term.path("InvoiceNumber").asText(), inputs.check(new Invoice.Payment(
                    id, paid, amount, currency, Fields.text(term, "PaymentReference").orElse(null)), "$")));
        } catch (Fields.Unusable e) {
            return Optional.of(new Unmappable(id, e.getMessage()));
        } catch (InvalidInputException e) {
            return Optional.of(new Unmappable(id, e.summary()));
        }
    }

    private Invoice.Customer customer(JsonNode x, JsonNode account) throws Fields.Unusable {
        String country = normalizer.country(Fields.text(account, "Country").orElse("NL"));
        String language = Fields.text(account, "Language").map(l -> l.toLowerCase(java.util.Locale.ROOT))
                .filter(l -> l.matches("[a-z]{2}")).orElse(Normalizer.languageOf(country));
        String address = Fields.address(account, "AddressLine1", "AddressLine2", "Postcode", "City");
        String accountId = Fields.required(x, "InvoiceTo");
        return new Invoice.Customer(SOURCE + ":" + accountId, Fields.text(x, "InvoiceToName")
                .or(() -> Fields.text(account, "Name")).orElse(accountId), Invoice.CustomerType.BUSINESS, country, language,
                Fields.text(account, "Email").orElse(null), address, null, null, null);
    }

    /** An OData date ({@code /Date(1764547200000)/}) as the day it names in UTC. */
    private static Optional<LocalDate> day(JsonNode record, String field) throws Fields.Unusable {
        return millis(record, field).map(ms -> LocalDate.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC));
    }

    /** The milliseconds of an OData date, or empty when the field holds none. */
    private static Optional<Long> millis(JsonNode record, String field) throws Fields.Unusable {
        Matcher m = DATE.matcher(record.path(field).asText(""));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            throw new Fields.Unusable(field + " " + m.group() + " names no day: its milliseconds are out of range");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
