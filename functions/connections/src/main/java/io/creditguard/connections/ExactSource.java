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
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

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
 * The invoice's customer is its {@code InvoiceTo} account ({@code crm/Accounts(guid'…')}, once per sync);
 * its {@code PaymentReference} is the payment reference. Exact's credit notes (type 8021, 8024) name no
 * invoice they credit; their effect reaches the book when Exact matches the two outstanding items, as the
 * invoice's receivable settled. Exact allows 60 calls a minute (the pace) and 5 000 a day per company: the
 * sync stops while fewer than {@value #DAY_RESERVE} are left ({@code X-RateLimit-Remaining}) and goes on the
 * next day.
 */
final class ExactSource implements Source {

    static final int DAY_RESERVE = 50;
    private static final String SOURCE = "exact";
    private static final Pattern DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");
    private static final String INVOICE_FIELDS = "Timestamp,InvoiceID,InvoiceNumber,InvoiceDate,DueDate,Currency,AmountFC,"
            + "InvoiceTo,InvoiceToName,PaymentReference,Type,Status,Modified";

    private final Clock clock;
    private final InputReader inputs;
    private final Normalizer normalizer;
    private final IntakeStore intake;
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
                List<Change> changes = new ArrayList<>();
                for (JsonNode invoice : byInvoice(results).values()) {
                    map(invoice, division, api).ifPresent(changes::add);
                }
                Map<String, String> next = moved(cursor, "invoices", results);
                invoicesDone = !advanced(cursor, next, "invoices");
                return Optional.of(new Batch(changes, next, List.of()));
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
                Map<String, String> next = moved(cursor, "receivables", results);
                termsDone = !advanced(cursor, next, "receivables");
                return Optional.of(new Batch(changes, next, List.of()));
            }
            termsDone = true;
        }
        return Optional.empty();
    }

    /** The sales invoices the queued webhook notifications name; other topics the sync endpoints cover. */
    private Batch named(List<String> keys, String division, Map<String, String> cursor, PlatformClient api)
            throws IOException, PlatformClient.Stop {
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            Optional<Map<?, ?>> notification = intake.notification(key);
            if (notification.isPresent() && "SalesInvoices".equals(String.valueOf(notification.get().get("Topic")))
                    && !"Delete".equalsIgnoreCase(String.valueOf(notification.get().get("Action")))) {
                String guid = String.valueOf(notification.get().get("Key"));
                String path = "/api/v1/" + division + "/salesinvoice/SalesInvoices(guid'" + encode(guid) + "')";
                JsonNode found = results(api.get(path + "?$select=" + INVOICE_FIELDS), path, true);
                for (JsonNode invoice : found) {
                    map(invoice, division, api).ifPresent(changes::add);
                }
            }
        }
        return new Batch(changes, cursor, List.of(), keys);
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
            highest = Math.max(highest, r.path("Timestamp").asLong(0));
        }
        Map<String, String> next = new HashMap<>(cursor);
        next.put(key, String.valueOf(highest));
        return next;
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

    /** The invoice; none for a draft (not yet an invoice) or a credit note (see the class comment). */
    private Optional<Change> map(JsonNode x, String division, PlatformClient api) throws IOException, PlatformClient.Stop {
        String id = SOURCE + ":" + x.path("InvoiceNumber").asText("?");
        int type = x.path("Type").asInt(8020);
        if (x.path("Status").asInt(0) == 10 || type == 8021 || type == 8024) {
            return Optional.empty();
        }
        String accountId = x.path("InvoiceTo").asText("");
        JsonNode account = accountId.isEmpty() ? null : accounts.get(accountId);
        if (account == null && !accountId.isEmpty()) {
            String path = "/api/v1/" + division + "/crm/Accounts(guid'" + encode(accountId) + "')";
            JsonNode found = results(api.get(path + "?$select=Name,Country,Email,Language,AddressLine1,AddressLine2,Postcode,City"),
                    path, true);
            account = found.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : found.get(0);
            accounts.put(accountId, account);
        }
        try {
            Currency currency = Fields.currency(x, "Currency");
            BigDecimal amount = Fields.amount(x, "AmountFC", currency);
            if (amount.signum() < 0) {
                throw new Fields.Unusable("AmountFC " + amount.toPlainString() + " is negative on an invoice");
            }
            LocalDate issued = day(x, "InvoiceDate").orElseThrow(() -> new Fields.Unusable("InvoiceDate is missing"));
            LocalDate due = day(x, "DueDate").orElseThrow(() -> new Fields.Unusable("it has no DueDate"));
            Instant modified = Fields.modified(millis(x, "Modified").map(Instant::ofEpochMilli), clock);
            Invoice invoice = new Invoice(id, x.path("InvoiceNumber").asText(), currency, issued, due, amount, amount,
                    customer(x, account == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : account),
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
