package io.creditguard.webhooks;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.json.Json;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.outbound.TokenEndpoint;
import io.creditguard.receivables.IntakeBacklog;
import io.creditguard.receivables.Invoice;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;

/**
 * Fetches the invoices Xero's webhooks named ({@code webhooks/pending/xero/…}) through the Xero
 * Accounting API, as a custom connection: a client-credentials token from
 * {@code POST <identity>/connect/token} (XERO_CLIENT_ID, XERO_CLIENT_SECRET; kept until it expires),
 * then {@code GET <api>/api.xro/2.0/Invoices/{InvoiceID}} with {@code Accept: application/json}
 * (https://developer.xero.com/documentation/guides/oauth2/custom-connections/). Xero allows 60 calls a
 * minute per organisation: a 429 is waited out as its {@code Retry-After} says. An entry leaves the
 * queue only once its invoice is stored (or was no receivable: a bill, a draft, a deletion); without
 * credentials every entry stays and the run report says so.
 */
@ApplicationScoped
class XeroFetch implements IntakeBacklog {

    private static final Logger LOG = Logger.getLogger(XeroFetch.class);
    /** A drain's share of Xero's 5 000 calls a day, so one run never spends the organisation's allowance. */
    static final int MOST_PER_RUN = 1000;
    private static final Pattern NET_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private final Secrets secrets;
    private final IntakeStore intake;
    private final Normalizer normalizer;
    private final InputReader inputs;
    private final Clock clock;
    private final URI identity;
    private final URI api;
    private final HttpFetcher http;
    private final TokenEndpoint tokenEndpoint;
    private volatile Token token;

    private record Token(String value, Instant expires) {
    }

    @Inject
    XeroFetch(Secrets secrets, IntakeStore intake, Normalizer normalizer, InputReader inputs, Clock clock,
            @ConfigProperty(name = "creditguard.xero.identity-url") URI identity,
            @ConfigProperty(name = "creditguard.xero.api-url") URI api,
            @ConfigProperty(name = "creditguard.xero.read-timeout", defaultValue = "20S") Duration readTimeout,
            @ConfigProperty(name = "creditguard.xero.backoff", defaultValue = "2S") Duration backoff) {
        this.secrets = secrets;
        this.intake = intake;
        this.normalizer = normalizer;
        this.inputs = inputs;
        this.clock = clock;
        this.identity = identity;
        this.api = api;
        this.http = new HttpFetcher(new HttpFetcher.Limits(Duration.ofSeconds(5), readTimeout, 4, backoff, 4 << 20));
        this.tokenEndpoint = new TokenEndpoint(http);
    }

    @Override
    public List<Report> drain() {
        return List.of(drainQueue());
    }

    private Report drainQueue() {
        List<String> problems = new ArrayList<>();
        List<String> queued;
        try {
            queued = intake.queued(XeroIntake.SOURCE);
        } catch (IOException e) {
            return new Report(XeroIntake.SOURCE, 0, 0, List.of("the Xero queue could not be listed: " + e.getMessage()));
        }
        if (queued.isEmpty()) {
            return new Report(XeroIntake.SOURCE, 0, 0, List.of());
        }
        Optional<String> id = secrets.find("XERO_CLIENT_ID");
        Optional<String> secret = secrets.find("XERO_CLIENT_SECRET");
        if (id.isEmpty() || secret.isEmpty()) {
            return new Report(XeroIntake.SOURCE, 0, queued.size(), List.of("XERO_CLIENT_ID and XERO_CLIENT_SECRET are not "
                    + "configured: " + queued.size() + " Xero invoice(s) stay queued until they are"));
        }
        int fetched = 0;
        int done = 0;
        for (String key : queued.subList(0, Math.min(queued.size(), MOST_PER_RUN))) {
            try {
                Optional<Map<?, ?>> notification = intake.notification(key);
                if (notification.isEmpty()) {
                    continue;
                }
                String resource = String.valueOf(notification.get().get("resourceId"));
                Optional<IntakeResult> stored = fetch(resource, id.get(), secret.get());
                intake.dequeue(key);
                done++;
                if (stored.isPresent()) {
                    fetched++;
                }
            } catch (HttpFetcher.FetchException e) {
                problems.add(e.getMessage());
                if (e.status() == 429 || e.status() == 401) {
                    break; // the day's allowance, or credentials Xero refuses: the rest would fail alike
                }
            } catch (IOException | RuntimeException e) {
                problems.add(key + ": " + e.getMessage());
            }
        }
        problems.forEach(p -> LOG.error("Xero: " + p));
        return new Report(XeroIntake.SOURCE, fetched, queued.size() - done, List.copyOf(problems));
    }

    /** The invoice stored, or empty when it is no receivable (a bill, a draft, deleted). */
    private Optional<IntakeResult> fetch(String invoiceId, String clientId, String clientSecret) throws IOException {
        HttpFetcher.Response response = http.send(new HttpFetcher.Request("GET",
                HttpFetcher.under(api, "/api.xro/2.0/Invoices/" + invoiceId),
                Map.of("Accept", "application/json", "Authorization", "Bearer " + token(clientId, clientSecret)), null));
        JsonNode invoice = tree(response.text(), "GET Invoices/" + invoiceId).path("Invoices").path(0);
        if (invoice.isMissingNode()) {
            throw new IllegalStateException("Xero answered no invoice for " + invoiceId);
        }
        String status = invoice.path("Status").asText("");
        if (!"ACCREC".equals(invoice.path("Type").asText()) || List.of("DRAFT", "SUBMITTED", "DELETED").contains(status)) {
            return Optional.empty();
        }
        Invoice mapped;
        try {
            mapped = inputs.check(IntakeStore.reconciled(XeroIntake.SOURCE, map(invoice, status)), "$.Invoices[0]");
        } catch (InvalidInputException e) {
            throw new IllegalStateException("Xero invoice " + invoiceId + " is not a valid invoice: " + e.summary(), e);
        }
        return Optional.of(intake.upsert(XeroIntake.SOURCE, "fetch:" + invoiceId + ":" + mapped.updatedAt(), mapped, true));
    }

    private String token(String clientId, String clientSecret) throws IOException {
        Token current = token;
        if (current != null && clock.instant().isBefore(current.expires())) {
            return current.value();
        }
        TokenEndpoint.Tokens tokens = tokenEndpoint.request(HttpFetcher.under(identity, "/connect/token"),
                new TokenEndpoint.Client(clientId, clientSecret, TokenEndpoint.ClientAuth.BASIC),
                Map.of("grant_type", "client_credentials"));
        // A minute early, so a token never expires between this check and Xero's.
        Token fresh = new Token(tokens.accessToken(), clock.instant().plus(tokens.expiresIn()).minusSeconds(60));
        token = fresh;
        return fresh.value();
    }

    private Invoice map(JsonNode x, String status) {
        String id = Payloads.text(x, "InvoiceID", "$.InvoiceID");
        JsonNode contact = x.path("Contact");
        String country = null;
        for (JsonNode address : contact.path("Addresses")) {
            if (!address.path("Country").asText("").isBlank()) {
                country = address.path("Country").asText();
                break;
            }
        }
        String debtorCountry = normalizer.country(country);
        boolean settled = status.equals("PAID") || status.equals("VOIDED");
        List<Invoice.Payment> payments = new ArrayList<>();
        JsonNode list = x.path("Payments");
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            payments.add(new Invoice.Payment("xero:" + Payloads.text(p, "PaymentID", "$.Payments[" + i + "].PaymentID"),
                    day(p.path("Date").asText(), "$.Payments[" + i + "].Date"),
                    Payloads.amount(p, "Amount", "$.Payments[" + i + "].Amount"), null, p.path("Reference").asText(null)));
        }
        List<Invoice.Credit> credits = new ArrayList<>();
        JsonNode notes = x.path("CreditNotes");
        for (int i = 0; i < notes.size(); i++) {
            JsonNode c = notes.get(i);
            String amountField = c.has("AppliedAmount") ? "AppliedAmount" : "Total";
            BigDecimal applied = Payloads.amount(c, amountField, "$.CreditNotes[" + i + "]." + amountField);
            credits.add(new Invoice.Credit("xero:" + Payloads.text(c, "CreditNoteID", "$.CreditNotes[" + i + "].CreditNoteID"),
                    day(c.path("Date").asText(), "$.CreditNotes[" + i + "].Date"), applied));
        }
        BigDecimal total = Payloads.amount(x, "Total", "$.Total");
        BigDecimal open = settled ? BigDecimal.ZERO : Payloads.amount(x, "AmountDue", "$.AmountDue");
        return new Invoice("xero:" + id, x.path("InvoiceNumber").asText(id),
                Payloads.currency(x, "CurrencyCode", "$.CurrencyCode"), localDay(x, "DateString", "Date"),
                localDay(x, "DueDateString", "DueDate"), total, open,
                new Invoice.Customer(Payloads.text(contact, "ContactID", "$.Contact.ContactID"),
                        contact.path("Name").asText(Payloads.text(contact, "ContactID", "$.Contact.ContactID")),
                        Invoice.CustomerType.BUSINESS, debtorCountry, Normalizer.languageOf(debtorCountry),
                        contact.path("EmailAddress").asText(null), null, null, null, null),
                Invoice.Terms.NONE, payments, credits, Invoice.Dunning.NONE, XeroIntake.SOURCE,
                instant(x.path("UpdatedDateUTC").asText(), "$.UpdatedDateUTC"));
    }

    /** {@code DateString} ({@code 2026-11-02T00:00:00}, the organisation's day), else the .NET date. */
    private static LocalDate localDay(JsonNode x, String text, String net) {
        String value = x.path(text).asText("");
        if (value.length() >= 10) {
            return Payloads.date(value.substring(0, 10), "$." + text);
        }
        return day(x.path(net).asText(), "$." + net);
    }

    private static LocalDate day(String net, String field) {
        return LocalDate.ofInstant(instant(net, field), ZoneOffset.UTC);
    }

    /** Xero's .NET JSON dates: {@code /Date(1551916800000+0000)/}, milliseconds since the epoch. */
    private static Instant instant(String net, String field) {
        Matcher m = NET_DATE.matcher(net == null ? "" : net);
        if (!m.matches()) {
            throw Payloads.invalid(field, "must be a Xero date such as /Date(1551916800000+0000)/");
        }
        return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
    }

    private static JsonNode tree(String text, String what) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Xero's answer to " + what + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
