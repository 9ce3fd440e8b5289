package io.creditguard.connections;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.receivables.Invoice;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;
import io.creditguard.webhooks.IntakeStore;
import io.creditguard.webhooks.Normalizer;

/**
 * Visma eAccounting (Spiris in Sweden) API v2: the customer invoices changed since the cursor, polled on
 * {@code ModifiedUtc} (its webhooks are in beta), {@code GET /v2/customerinvoices?$filter=ModifiedUtc ge …
 * &$orderby=ModifiedUtc&$page=…&$pagesize=100}, every page by {@code Meta.TotalNumberOfPages} up to the first empty
 * one, each answer the page asked for ({@code Meta.CurrentPage}); a full page without the count fails the sync. The cursor
 * is a window as for Fortnox: {@code since}, {@code until} (the server's {@code Meta.ServerTimeUtc} when the
 * window began) and the page reached; the next window reaches back a minute before this one began.
 *
 * <p>Mapping: {@code TotalAmountInvoiceCurrency} is the amount, {@code RemainingAmountInvoiceCurrency} what
 * is open (Visma lists no payments with the invoice, so what it reports paid is one reconciling payment),
 * {@code IsCreditInvoice} with {@code ReferringInvoiceId} credits that invoice, {@code PaymentReferenceNumber}
 * is the payment reference (an OCR number on a SEK invoice, its check digit checked),
 * {@code PaymentReminderIssued} says Visma sent a reminder itself, {@code CustomerIsPrivatePerson} makes a
 * consumer debtor; the customer's name, address, country and e-mail are on the invoice.
 */
final class VismaSource implements Source {

    static final int PAGE_SIZE = 100;
    static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final String SOURCE = "visma";
    private static final String DONE = "done";

    private final Clock clock;
    private final InputReader inputs;
    private final Normalizer normalizer;
    private boolean started;

    VismaSource(Clock clock, InputReader inputs, Normalizer normalizer) {
        this.clock = clock;
        this.inputs = inputs;
        this.normalizer = normalizer;
    }

    @Override
    public Optional<Batch> next(Map<String, String> cursor, PlatformClient api) throws IOException, PlatformClient.Stop {
        if (!cursor.containsKey("until") && started) {
            return Optional.empty();
        }
        started = true;
        int page = Integer.parseInt(cursor.getOrDefault("page", "1"));
        String since = cursor.get("since");
        JsonNode answer = api.get("/v2/customerinvoices?" + (since == null ? "" : "$filter="
                + URLEncoder.encode("ModifiedUtc ge " + since, StandardCharsets.UTF_8).replace("+", "%20") + "&")
                + "$orderby=ModifiedUtc&$page=" + page + "&$pagesize=" + PAGE_SIZE);
        JsonNode meta = answer.path("Meta");
        JsonNode data = Pages.list(answer, "/v2/customerinvoices", "Data");
        boolean last = Pages.last("/v2/customerinvoices", page, data, meta.path("CurrentPage"), meta.path("TotalNumberOfPages"),
                "Meta.TotalNumberOfPages", PAGE_SIZE);
        Map<String, String> next = new HashMap<>(cursor);
        if (!next.containsKey("until")) {
            Instant server;
            try {
                server = Fields.instant(meta, "ServerTimeUtc").orElse(clock.instant());
            } catch (Fields.Unusable e) {
                throw new IOException("Visma's Meta.ServerTimeUtc is not a time: " + e.getMessage());
            }
            // Never later than our own clock: a server time in the future would start the next window after changes
            // not yet made, and they would never be read. An earlier end only reads some changes twice.
            Instant until = server.isAfter(clock.instant()) ? clock.instant() : server;
            next.put("until", until.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        List<Change> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (JsonNode invoice : data) {
            changes.add(map(invoice, warnings));
        }
        if (last) {
            next.put("since", Instant.parse(next.get("until")).minus(OVERLAP).toString());
            next.remove("until");
            next.remove("page");
        } else {
            next.put("page", String.valueOf(page + 1));
        }
        return Optional.of(new Batch(changes, next, warnings));
    }

    private Change map(JsonNode x, List<String> warnings) {
        String id = SOURCE + ":" + x.path("Id").asText("?");
        try {
            Currency currency = Fields.currency(x, "CurrencyCode");
            BigDecimal total = Fields.amount(x, "TotalAmountInvoiceCurrency", currency);
            LocalDate issued = Fields.requiredDay(x, "InvoiceDate");
            if (Fields.flag(x, "IsCreditInvoice")) {
                String credited = Fields.text(x, "ReferringInvoiceId").orElseThrow(() -> new Fields.Unusable(
                        "a credit invoice without ReferringInvoiceId credits no invoice"));
                return new Credit(SOURCE + ":" + credited, inputs.check(new Invoice.Credit(id, issued, total.abs()), "$"),
                        currency);
            }
            if (total.signum() < 0) {
                throw new Fields.Unusable("TotalAmountInvoiceCurrency " + total.toPlainString() + " is negative on an invoice "
                        + "that is no credit invoice");
            }
            LocalDate due = Fields.day(x, "DueDate").orElseThrow(() -> new Fields.Unusable("it has no DueDate"));
            BigDecimal open = Fields.amount(x, "RemainingAmountInvoiceCurrency", currency).max(BigDecimal.ZERO).min(total);
            Optional<String> reference = Fields.text(x, "PaymentReferenceNumber");
            if (currency.getCurrencyCode().equals("SEK")) {
                reference.flatMap(r -> Fields.ocrWarning(id, r)).ifPresent(warnings::add);
            }
            Invoice invoice = new Invoice(id, Fields.text(x, "InvoiceNumber").orElse(id), currency, issued, due, total, open,
                    customer(x), new Invoice.Terms(null, false, null, null, null).withPaymentReference(reference.orElse(null),
                            Fields.flag(x, "PaymentReminderIssued") ? new Invoice.PlatformReminders(1, null) : null),
                    List.of(), List.of(), Invoice.Dunning.NONE, SOURCE, Fields.instant(x, "ModifiedUtc").orElse(clock.instant()));
            return new Upsert(inputs.check(IntakeStore.reconciled(SOURCE, invoice), "$"), true);
        } catch (Fields.Unusable e) {
            return new Unmappable(id, e.getMessage());
        } catch (InvalidInputException e) {
            return new Unmappable(id, e.summary());
        }
    }

    private Invoice.Customer customer(JsonNode x) throws Fields.Unusable {
        String country = normalizer.country(Fields.text(x, "InvoiceCountryCode").orElse(null));
        String address = Fields.address(x, "InvoiceAddress1", "InvoiceAddress2", "InvoicePostalCode", "InvoiceCity");
        String customerId = Fields.required(x, "CustomerId");
        return new Invoice.Customer(SOURCE + ":" + customerId, Fields.text(x, "InvoiceCustomerName").orElse(customerId),
                Fields.flag(x, "CustomerIsPrivatePerson") ? Invoice.CustomerType.CONSUMER : Invoice.CustomerType.BUSINESS,
                country, Normalizer.languageOf(country), Fields.text(x, "CustomerEmail").orElse(null),
                address, null, null, null);
    }
}
