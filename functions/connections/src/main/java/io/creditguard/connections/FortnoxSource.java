package io.creditguard.connections;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.outbound.HttpFetcher;
import io.creditguard.receivables.Invoice;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;
import io.creditguard.webhooks.IntakeStore;
import io.creditguard.webhooks.Normalizer;

/**
 * Fortnox API v3, as its OpenAPI description (published with its developer documentation) and guides define
 * it: the invoices changed since the cursor ({@code GET /3/invoices?lastmodified=…}, every page of
 * {@code limit} 100, {@code MetaInformation.@TotalPages}), each in full ({@code GET /3/invoices/{DocumentNumber}})
 * with its customer ({@code GET /3/customers/{CustomerNumber}}, once per sync), then the invoice payments
 * changed since the cursor ({@code GET /3/invoicepayments?lastmodified=…}).
 *
 * <p>The cursor is a window: {@code since} (the {@code lastmodified} of the last complete window), {@code until}
 * (when this one began) and the page each list has reached, so a sync the time budget stops goes on at the
 * next page. {@code lastmodified} is written as Fortnox's guide writes it ({@code 2026-12-05 14:30}); the
 * guide names no time zone, so it is Stockholm time, and each window reaches back 150 minutes before the
 * last one began, which catches every change whichever zone Fortnox reads it in (a record read twice is
 * stored once).
 *
 * <p>Mapping: {@code Total} is the amount, {@code Balance} what is open (0: paid), {@code Cancelled} means
 * never dunned (the invoice is stored with a credit of its whole amount), a credit invoice ({@code Credit},
 * {@code CreditInvoiceReference}) credits the invoice it names, {@code OCR} is the payment reference (its check
 * digit checked as Bankgirot does), {@code Reminders}/{@code LastRemindDate} the reminders Fortnox sent itself;
 * the customer's {@code Type} COMPANY or PRIVATE makes a business or consumer debtor, and any other or none leaves the
 * invoice out.
 */
final class FortnoxSource implements Source {

    static final int PAGE_SIZE = 100;
    static final Duration OVERLAP = Duration.ofMinutes(150);
    static final DateTimeFormatter LASTMODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String SOURCE = "fortnox";
    private static final String DONE = "done";
    /** The refusals of one record read by its number: it is not there, or its number cannot be asked for. */
    private static final Set<Integer> RECORD_REFUSALS = Set.of(400, 404, 410, 414);

    private final Clock clock;
    private final InputReader inputs;
    private final Normalizer normalizer;
    private final Map<String, JsonNode> customers = new HashMap<>();
    /** Why a customer could not be read, by its number. */
    private final Map<String, String> unreadable = new HashMap<>();
    private boolean started;

    FortnoxSource(Clock clock, InputReader inputs, Normalizer normalizer) {
        this.clock = clock;
        this.inputs = inputs;
        this.normalizer = normalizer;
    }

    @Override
    public Optional<Batch> next(Map<String, String> cursor, PlatformClient api) throws IOException, PlatformClient.Stop {
        Map<String, String> next = new HashMap<>(cursor);
        if (!next.containsKey("until")) {
            if (started) {
                return Optional.empty();
            }
            next.put("until", LASTMODIFIED.format(clock.instant().atZone(STOCKHOLM)));
        }
        started = true;
        if (!DONE.equals(next.get("invoicePage"))) {
            return Optional.of(invoices(next, api));
        }
        return Optional.of(payments(next, api));
    }

    private String list(String resource, Map<String, String> cursor, String pageKey) {
        int page = Integer.parseInt(cursor.getOrDefault(pageKey, "1"));
        String since = cursor.get("since");
        return "/3/" + resource + "?" + (since == null ? "" : "lastmodified=" + URLEncoder.encode(since, StandardCharsets.UTF_8)
                .replace("+", "%20") + "&") + "limit=" + PAGE_SIZE + "&page=" + page;
    }

    /** The page's next page, or done once the last is read ({@link Pages#last}). */
    private static String after(JsonNode answer, String list, JsonNode items, Map<String, String> cursor, String pageKey)
            throws IOException {
        int page = Integer.parseInt(cursor.getOrDefault(pageKey, "1"));
        JsonNode meta = answer.path("MetaInformation");
        // Fortnox's OpenAPI description leaves MetaInformation out of these lists' answers: a short page without it is
        // the last.
        return Pages.last("/3/" + list, page, items, meta.path("@CurrentPage"), meta.path("@TotalPages"),
                "MetaInformation.@TotalPages", PAGE_SIZE) ? DONE : String.valueOf(page + 1);
    }

    private Batch invoices(Map<String, String> cursor, PlatformClient api) throws IOException, PlatformClient.Stop {
        JsonNode answer = api.get(list("invoices", cursor, "invoicePage"));
        JsonNode items = Pages.list(answer, "/3/invoices", "Invoices");
        // Each invoice of a page is a request, and a page is read whole past the budget: no more than asked for.
        if (items.size() > PAGE_SIZE) {
            throw new IOException("/3/invoices answered " + items.size() + " invoices on a page of at most " + PAGE_SIZE);
        }
        String page = after(answer, "invoices", items, cursor, "invoicePage");
        List<Change> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (JsonNode item : items) {
            String number = item.path("DocumentNumber").asText("");
            if (number.isEmpty()) {
                changes.add(new Unmappable(SOURCE + ":?", "an invoice of the list has no DocumentNumber"));
                continue;
            }
            try {
                JsonNode invoice = lookup(api, "invoices", "DocumentNumber", number, "Invoice");
                String customerNumber = invoice.path("CustomerNumber").asText("");
                changes.add(map(invoice, customerNumber.isEmpty() ? null : customer(api, customerNumber), warnings));
            } catch (Fields.Unusable e) {
                changes.add(new Unmappable(SOURCE + ":" + number, e.getMessage()));
            }
        }
        Map<String, String> next = new HashMap<>(cursor);
        next.put("invoicePage", page);
        return new Batch(changes, next, warnings);
    }

    /** The customer, once per sync: its refusal too, so that every invoice of a customer that cannot be read says why. */
    private JsonNode customer(PlatformClient api, String number) throws IOException, Fields.Unusable {
        if (unreadable.containsKey(number)) {
            throw new Fields.Unusable(unreadable.get(number));
        }
        if (!customers.containsKey(number)) {
            try {
                customers.put(number, lookup(api, "customers", "CustomerNumber", number, "Customer"));
            } catch (Fields.Unusable e) {
                unreadable.put(number, e.getMessage());
                throw e;
            }
        }
        return customers.get(number);
    }

    /**
     * The record {@code GET /3/<resource>/<number>} answers, inside its {@code wrapper} (as Fortnox's OpenAPI description
     * gives the answers: {@code {"Invoice":{…}}}, {@code {"Customer":{…}}}).
     *
     * @throws Fields.Unusable when the number cannot be a path segment, Fortnox refuses the request for that record (no
     *     such record, a number too long for a request) or answers without the wrapper: that record's fault, and asked
     *     for again on every sync, so it must not fail them all
     * @throws IOException when Fortnox cannot be read (an outage, a timeout: the next sync may succeed)
     */
    private static JsonNode lookup(PlatformClient api, String resource, String field, String number, String wrapper)
            throws IOException, Fields.Unusable {
        // Dot segments are resolved away on the way (RFC 3986 §5.2.4), so the request would reach another resource.
        if (number.equals(".") || number.equals("..")) {
            throw new Fields.Unusable(field + " " + number + " cannot be asked for: as a path segment it names another resource");
        }
        String path = "/3/" + resource + "/" + segment(number);
        JsonNode answer;
        try {
            answer = api.get(path);
        } catch (HttpFetcher.FetchException e) {
            if (!RECORD_REFUSALS.contains(e.status())) {
                throw e;
            }
            throw new Fields.Unusable(field + " " + shortened(number) + " could not be read: Fortnox answered HTTP " + e.status());
        }
        JsonNode record = answer.path(wrapper);
        if (!record.isObject()) {
            throw new Fields.Unusable("/3/" + resource + "/" + shortened(number) + " answered without its " + wrapper);
        }
        return record;
    }

    /** {@code value} as one path segment (RFC 3986 §3.3): every character but the unreserved percent-encoded as UTF-8. */
    static String segment(String value) {
        // URLEncoder writes a form: a space as "+", which a path reads as a plus, and "*" as itself.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /** A number as a reason quotes it: one of thousands of characters is not written out in full. */
    private static String shortened(String number) {
        return number.length() <= 40 ? number : number.substring(0, 40) + "… (" + number.length() + " characters)";
    }

    private Batch payments(Map<String, String> cursor, PlatformClient api) throws IOException, PlatformClient.Stop {
        JsonNode answer = api.get(list("invoicepayments", cursor, "paymentPage"));
        JsonNode items = Pages.list(answer, "/3/invoicepayments", "InvoicePayments");
        List<Change> changes = new ArrayList<>();
        for (JsonNode p : items) {
            String id = SOURCE + ":payment:" + p.path("Number").asText("?");
            try {
                Currency currency = Fields.currency(p, "Currency");
                BigDecimal amount = Fields.amount(p, p.has("AmountCurrency") ? "AmountCurrency" : "Amount", currency);
                if (amount.signum() <= 0) {
                    throw new Fields.Unusable("Amount " + amount.toPlainString() + " is not a payment received");
                }
                // Checked here: the intake adds it to its invoice's line as it is, and a line the book cannot read back
                // fails every later write of that invoice.
                changes.add(new Payment(SOURCE + ":" + Fields.required(p, "InvoiceNumber"), inputs.check(new Invoice.Payment(id,
                        Fields.requiredDay(p, "PaymentDate"), amount, currency, null), "$")));
            } catch (Fields.Unusable e) {
                changes.add(new Unmappable(id, e.getMessage()));
            } catch (InvalidInputException e) {
                changes.add(new Unmappable(id, e.summary()));
            }
        }
        Map<String, String> next = new HashMap<>(cursor);
        String page = after(answer, "invoicepayments", items, cursor, "paymentPage");
        if (DONE.equals(page)) {
            // The window is complete: the next one reaches back from when this one began.
            LocalDateTime until = LocalDateTime.parse(cursor.get("until"), LASTMODIFIED);
            next.put("since", LASTMODIFIED.format(until.minus(OVERLAP)));
            next.remove("until");
            next.remove("invoicePage");
            next.remove("paymentPage");
        } else {
            next.put("paymentPage", page);
        }
        return new Batch(changes, next, List.of());
    }

    private Change map(JsonNode x, JsonNode customer, List<String> warnings) {
        String number = x.path("DocumentNumber").asText();
        String id = SOURCE + ":" + number;
        try {
            Currency currency = Fields.currency(x, "Currency");
            BigDecimal total = Fields.amount(x, "Total", currency);
            LocalDate issued = Fields.requiredDay(x, "InvoiceDate");
            if (Fields.flag(x, "Credit")) {
                String credited = Fields.text(x, "CreditInvoiceReference").filter(r -> !r.equals("0"))
                        .orElseThrow(() -> new Fields.Unusable("a credit invoice without CreditInvoiceReference credits no invoice"));
                return new Credit(SOURCE + ":" + credited, inputs.check(new Invoice.Credit(id, issued, total.abs()), "$"), currency);
            }
            if (total.signum() < 0) {
                throw new Fields.Unusable("Total " + total.toPlainString() + " is negative on an invoice that is no credit invoice");
            }
            LocalDate due = dueDate(x, issued);
            boolean cancelled = Fields.flag(x, "Cancelled");
            BigDecimal open = cancelled ? BigDecimal.ZERO : Fields.amount(x, "Balance", currency).max(BigDecimal.ZERO).min(total);
            Optional<String> ocr = Fields.text(x, "OCR");
            ocr.flatMap(o -> Fields.ocrWarning(id, o)).ifPresent(warnings::add);
            int reminders = x.path("Reminders").asInt(0);
            Invoice.PlatformReminders sent = reminders > 0 ? new Invoice.PlatformReminders(Math.min(reminders, 99),
                    Fields.day(x, "LastRemindDate").orElse(null)) : null;
            List<Invoice.Credit> credits = cancelled && total.signum() > 0
                    ? List.of(new Invoice.Credit(id + ":cancelled", issued, total)) : List.of();
            Invoice invoice = new Invoice(id, number, currency, issued, due, total, open, customer(x, customer),
                    new Invoice.Terms(null, false, null, null, Fields.text(x, "DueDate").isPresent() ? null
                            : "no DueDate in Fortnox: invoice date " + issued + " + TermsOfPayment " + x.path("TermsOfPayment")
                                    .asText() + " days").withPaymentReference(ocr.orElse(null), sent),
                    List.of(), credits, Invoice.Dunning.NONE, SOURCE, clock.instant());
            return new Upsert(inputs.check(IntakeStore.reconciled(SOURCE, invoice), "$"), false);
        } catch (Fields.Unusable e) {
            return new Unmappable(id, e.getMessage());
        } catch (InvalidInputException e) {
            return new Unmappable(id, e.summary());
        }
    }

    /** {@code DueDate}, else the invoice date plus {@code TermsOfPayment} when that is a number of days. */
    private static LocalDate dueDate(JsonNode x, LocalDate issued) throws Fields.Unusable {
        Optional<LocalDate> due = Fields.day(x, "DueDate");
        if (due.isPresent()) {
            return due.get();
        }
        String terms = x.path("TermsOfPayment").asText("");
        if (terms.matches("\\d{1,3}")) {
            return issued.plusDays(Integer.parseInt(terms));
        }
        throw new Fields.Unusable("it has no DueDate and no TermsOfPayment in days to work one out");
    }

    private Invoice.Customer customer(JsonNode x, JsonNode c) throws Fields.Unusable {
        JsonNode customer = c == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : c;
        String number = Fields.required(x, "CustomerNumber");
        String country = normalizer.country(Fields.text(customer, "CountryCode").orElse(null));
        String language = switch (x.path("Language").asText("")) {
            case "SV" -> "sv";
            case "EN" -> "en";
            default -> Normalizer.languageOf(country);
        };
        String email = Fields.text(x.path("EmailInformation"), "EmailAddressTo")
                .or(() -> Fields.text(customer, "EmailInvoice")).or(() -> Fields.text(customer, "Email")).orElse(null);
        String address = Fields.address(x, "Address1", "Address2", "ZipCode", "City");
        return new Invoice.Customer(SOURCE + ":" + number, Fields.text(x, "CustomerName").orElse(number), type(customer, number),
                country, language, email, address, null, null, null);
    }

    /**
     * The debtor's kind from the customer's {@code Type}, {@code PRIVATE} or {@code COMPANY} (the values Fortnox's OpenAPI
     * description gives it, with no default).
     *
     * @throws Fields.Unusable for any other or none: a consumer is dunned under other rules than a business (the fixed
     *     compensation of räntelagen 4 a § is owed by a business only), so a guess either way may dun a debtor wrongly
     */
    private static Invoice.CustomerType type(JsonNode customer, String number) throws Fields.Unusable {
        Optional<String> type = Fields.text(customer, "Type");
        if (type.isEmpty()) {
            throw new Fields.Unusable("customer " + shortened(number) + " has no Type: PRIVATE or COMPANY tells a consumer "
                    + "from a business");
        }
        return switch (type.get()) {
            case "PRIVATE" -> Invoice.CustomerType.CONSUMER;
            case "COMPANY" -> Invoice.CustomerType.BUSINESS;
            default -> throw new Fields.Unusable("customer " + shortened(number) + " has Type " + shortened(type.get())
                    + ", neither PRIVATE nor COMPANY, which tell a consumer from a business");
        };
    }
}
