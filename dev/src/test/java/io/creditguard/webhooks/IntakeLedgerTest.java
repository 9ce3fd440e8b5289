package io.creditguard.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.Events;
import io.creditguard.TestFolders;
import io.creditguard.json.Json;
import io.creditguard.reminders.ReminderEngine;
import io.creditguard.reminders.ReminderRun;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * What intake records of payments and credits: Peppol credit notes and invoices without a due date,
 * payments from Stripe, Moneybird and Standard Webhooks senders, and what the reminder run then does.
 */
@QuarkusTest
@TestProfile(WebhooksLambdaTest.Export.class)
class IntakeLedgerTest {

    private static final Path STORE = Path.of("target/webhooks-store");
    private static final String INVOICE_ID = "peppol:5567321707:F2026-5531";

    @Inject
    ReminderRun run;

    @BeforeEach
    void emptyStore() {
        TestFolders.delete(STORE);
    }

    private static JsonPath send(ObjectNode event) {
        JsonPath response = given().port(Events.LAMBDA_PORT).body(Json.write(event).getBytes(StandardCharsets.UTF_8))
                .post("/_lambda_").then().statusCode(200).extract().jsonPath();
        return response;
    }

    private static int status(JsonPath response) {
        return response.getInt("statusCode");
    }

    private static JsonPath body(JsonPath response) {
        return JsonPath.from(response.getString("body"));
    }

    /** The Peppol event of events/ with its document replaced. */
    private static ObjectNode peppol(String xml) {
        ObjectNode event = SignedEvents.header(SignedEvents.event("invoices-peppol.json"), "x-api-key", SignedEvents.API_KEY);
        return SignedEvents.withBody(event, xml);
    }

    private static String invoiceXml() {
        return SignedEvents.body(SignedEvents.event("invoices-peppol.json"));
    }

    /** A BIS Billing 3.0 credit note of the sample invoice's seller (after the OpenPEPPOL example). */
    private static String creditNote(String number, String references, String currency, String amount) {
        String reference = references == null ? "" : """
                  <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>%s</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>
                """.formatted(references);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
                            xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                            xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
                  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
                  <cbc:ID>%s</cbc:ID>
                  <cbc:IssueDate>2026-11-20</cbc:IssueDate>
                  <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
                  <cbc:DocumentCurrencyCode>%s</cbc:DocumentCurrencyCode>
                  <cbc:BuyerReference>4711</cbc:BuyerReference>
                %s  <cac:AccountingSupplierParty><cac:Party>
                    <cbc:EndpointID schemeID="0007">5567321707</cbc:EndpointID>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Mälardalens Stålhandel AB</cbc:RegistrationName>
                      <cbc:CompanyID schemeID="0007">5567321707</cbc:CompanyID></cac:PartyLegalEntity>
                  </cac:Party></cac:AccountingSupplierParty>
                  <cac:AccountingCustomerParty><cac:Party>
                    <cbc:EndpointID schemeID="0007">5560360793</cbc:EndpointID>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Norrlands Metall &amp; Svets AB</cbc:RegistrationName></cac:PartyLegalEntity>
                  </cac:Party></cac:AccountingCustomerParty>
                  <cac:LegalMonetaryTotal>
                    <cbc:TaxInclusiveAmount currencyID="%s">%s</cbc:TaxInclusiveAmount>
                    <cbc:PayableAmount currencyID="%s">%s</cbc:PayableAmount>
                  </cac:LegalMonetaryTotal>
                </CreditNote>
                """.formatted(number, currency, reference, currency, amount, currency, amount);
    }

    private static String stored() throws IOException {
        try (Stream<Path> files = Files.walk(STORE.resolve("receivables/webhooks"))) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).hasSize(1);
            return Files.readString(all.get(0));
        }
    }

    private static JsonPath storedJson() throws IOException {
        return JsonPath.from(stored());
    }

    @Test
    void aFullCreditNoteSettlesTheInvoiceAndTheRunDunsNothing() throws IOException {
        assertThat(body(send(peppol(invoiceXml()))).getString("status")).isEqualTo("accepted");
        // Before the credit note, the invoice (due 2 December) would be dunned once overdue.
        ReminderRun.Report before = run.run(Optional.of(LocalDate.parse("2026-12-20")), true);
        assertThat(before.dunned()).isNotEmpty();

        JsonPath credited = body(send(peppol(creditNote("CN-2026-0042", "F2026-5531", "SEK", "125000.00"))));
        assertThat(credited.getString("status")).isEqualTo("accepted");
        assertThat(credited.getString("invoiceId")).isEqualTo(INVOICE_ID);
        assertThat(storedJson().getDouble("openAmount")).isZero();
        assertThat(storedJson().getString("credits[0].documentId")).isEqualTo("peppol:5567321707:CN-2026-0042");

        ReminderRun.Report after = run.run(Optional.of(LocalDate.parse("2026-12-20")), false);
        assertThat(after.dunned()).isEmpty();
        assertThat(after.letters()).isZero();
        assertThat(after.skipped()).containsEntry(ReminderEngine.SkipReason.PAID, 1L);
        // The same credit note again changes nothing.
        assertThat(body(send(peppol(creditNote("CN-2026-0042", "F2026-5531", "SEK", "125000.00")))).getString("status"))
                .isEqualTo("duplicate");
    }

    @Test
    void aCreditNoteBeforeItsInvoiceWaitsAndIsAppliedWhenTheInvoiceArrives() throws IOException {
        JsonPath waiting = body(send(peppol(creditNote("CN-2026-0043", "F2026-5531", "SEK", "25000.00"))));
        assertThat(waiting.getString("status")).isEqualTo("pending");
        assertThat(body(send(peppol(invoiceXml()))).getString("status")).isEqualTo("accepted");
        // 125 000 − 25 000 credited.
        assertThat(storedJson().getDouble("openAmount")).isEqualTo(100000.00);
        try (Stream<Path> left = Files.walk(STORE.resolve("webhooks"))) {
            assertThat(left.filter(Files::isRegularFile).map(Path::toString)).noneMatch(p -> p.contains("adjustments"));
        }
    }

    @Test
    void creditsBeyondWhatIsOpenSettleItAndSaySo() throws IOException {
        send(peppol(invoiceXml()));
        send(peppol(creditNote("CN-1", "F2026-5531", "SEK", "100000.00")));
        JsonPath second = body(send(peppol(creditNote("CN-2", "F2026-5531", "SEK", "50000.00"))));
        assertThat(second.getString("status")).isEqualTo("accepted");
        assertThat(second.getString("detail")).contains("exceed the invoice by 25000.00");
        assertThat(storedJson().getDouble("openAmount")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "larger than its invoice; CN-9; F2026-5531; SEK; 130000.00; 422; more than invoice F2026-5531",
            "in another currency; CN-9; F2026-5531; EUR; 1000.00; 422; is in EUR; invoice F2026-5531 is in SEK",
            "without a reference; CN-9; ; SEK; 1000.00; 422; BT-25",
            "nothing credited; CN-9; F2026-5531; SEK; 0.00; 422; must be a positive amount credited"})
    void aBadCreditNoteIsRefusedAndNothingStored(String what, String number, String reference, String currency, String amount,
            int expected, String message) throws IOException {
        send(peppol(invoiceXml()));
        String before = stored();
        JsonPath response = send(peppol(creditNote(number, reference, currency, amount)));
        assertThat(status(response)).as(what).isEqualTo(expected);
        assertThat(response.getString("body")).contains(message);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aCreditNoteIdRepeatedWithOtherFiguresIsRefused() throws IOException {
        send(peppol(invoiceXml()));
        send(peppol(creditNote("CN-7", "F2026-5531", "SEK", "1000.00")));
        JsonPath again = send(peppol(creditNote("CN-7", "F2026-5531", "SEK", "2000.00")));
        assertThat(status(again)).isEqualTo(422);
        assertThat(again.getString("body")).contains("repeats credit note peppol:5567321707:CN-7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "a DOCTYPE; <!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>; 400; DOCTYPE",
            "another specification; urn:cen.eu:en16931:2017; 422; BT-24 cbc:CustomizationID"})
    void documentsThatAreNoBisBillingAreRefused(String what, String change, int expected, String message) {
        String xml = invoiceXml();
        String document = change.startsWith("<!DOCTYPE") ? xml.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + change)
                : xml.replace("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0", change);
        JsonPath response = send(peppol(document));
        assertThat(status(response)).as(what).isEqualTo(expected);
        assertThat(response.getString("body")).contains(message);
        assertThat(Files.exists(STORE.resolve("receivables"))).isFalse();
    }

    @Test
    void withoutADueDateThePaymentTermsRunFromTheIssueDate() throws IOException {
        // BR-CO-25: payment terms (BT-20) instead of a due date; the policy's default 30 days from 2 November.
        String xml = invoiceXml().replace("<cbc:DueDate>2026-12-02</cbc:DueDate>", "")
                .replace("<cac:TaxTotal>", "<cac:PaymentTerms><cbc:Note>30 dagar netto</cbc:Note></cac:PaymentTerms><cac:TaxTotal>");
        assertThat(body(send(peppol(xml))).getString("status")).isEqualTo("accepted");
        JsonPath invoice = storedJson();
        assertThat(invoice.getString("dueDate")).isEqualTo("2026-12-02");
        assertThat(invoice.getString("paymentTerms")).isEqualTo("30 dagar netto");
        assertThat(invoice.getString("dueDateBasis")).contains("no due date (BT-9)").contains("+ 30 days");
    }

    @Test
    void withNeitherDueDateNorTermsTheInvoiceIsRefused() {
        JsonPath response = send(peppol(invoiceXml().replace("<cbc:DueDate>2026-12-02</cbc:DueDate>", "")));
        assertThat(status(response)).isEqualTo(422);
        assertThat(response.getString("body")).contains("BR-CO-25");
    }

    @Test
    void anAmountPaidInAdvanceIsAPayment() throws IOException {
        String xml = invoiceXml().replace("<cbc:PayableAmount currencyID=\"SEK\">125000.00</cbc:PayableAmount>",
                "<cbc:PrepaidAmount currencyID=\"SEK\">25000.00</cbc:PrepaidAmount>"
                        + "<cbc:PayableAmount currencyID=\"SEK\">100000.00</cbc:PayableAmount>");
        send(peppol(xml));
        JsonPath invoice = storedJson();
        assertThat(invoice.getDouble("amount")).isEqualTo(125000.00);
        assertThat(invoice.getDouble("openAmount")).isEqualTo(100000.00);
        assertThat(invoice.getString("payments[0].id")).isEqualTo(INVOICE_ID + ":prepaid");
    }

    private static ObjectNode stripe(String type, String id, String object) {
        ObjectNode event = SignedEvents.event("webhooks-stripe.json");
        ObjectNode payload = (ObjectNode) SignedEvents.stripeObject(event);
        payload.put("type", type).put("id", id);
        try {
            payload.set("data", Json.MAPPER.createObjectNode().set("object", Json.MAPPER.readTree(object)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return SignedEvents.stripe(SignedEvents.withBody(event, Json.write(payload)), SignedEvents.STRIPE_SECRET, Instant.now());
    }

    private static ObjectNode stripeInvoice(long remaining) {
        ObjectNode event = SignedEvents.event("webhooks-stripe.json");
        ObjectNode payload = (ObjectNode) SignedEvents.stripeObject(event);
        payload.put("id", "evt_remaining_" + remaining);
        ((ObjectNode) payload.get("data").get("object")).put("amount_remaining", remaining);
        return SignedEvents.stripe(SignedEvents.withBody(event, Json.write(payload)), SignedEvents.STRIPE_SECRET, Instant.now());
    }

    @Test
    void stripePaymentsAreRecordedOnceAndWhatIsReportedPaidIsKeptUntilItemised() throws IOException {
        // The invoice of events/ (48 500 kr) says 28 500 remain: 20 000 reported paid, not yet itemised.
        send(stripeInvoice(2850000));
        JsonPath invoice = storedJson();
        assertThat(invoice.getDouble("openAmount")).isEqualTo(28500.00);
        assertThat(invoice.getString("payments[0].id")).isEqualTo("stripe:reported-paid");
        assertThat(invoice.getDouble("payments[0].amount")).isEqualTo(20000.00);

        String payment = """
                {"id":"inpay_1Q","object":"invoice_payment","amount_paid":2000000,"currency":"sek",
                 "invoice":"in_1QxY2aL3kT9aZ8mNbC7dE6fG","status":"paid","status_transitions":{"paid_at":1796000000}}""";
        JsonPath recorded = body(send(stripe("invoice_payment.paid", "evt_pay_1", payment)));
        assertThat(recorded.getString("status")).isEqualTo("accepted");
        invoice = storedJson();
        assertThat(invoice.getList("payments.id")).containsExactly("stripe:inpay_1Q");
        assertThat(invoice.getDouble("openAmount")).isEqualTo(28500.00);
        // The same payment under another event id is recorded once.
        assertThat(body(send(stripe("invoice_payment.paid", "evt_pay_2", payment))).getString("status")).isEqualTo("duplicate");
    }

    @Test
    void aStripePaymentBeforeItsInvoiceWaitsForIt() throws IOException {
        String payment = """
                {"id":"inpay_2Q","object":"invoice_payment","amount_paid":1000000,"currency":"sek",
                 "invoice":"in_1QxY2aL3kT9aZ8mNbC7dE6fG","status":"paid","status_transitions":{"paid_at":1796000000}}""";
        assertThat(body(send(stripe("invoice_payment.paid", "evt_pay_3", payment))).getString("status")).isEqualTo("pending");
        send(stripeInvoice(4850000));
        JsonPath invoice = storedJson();
        assertThat(invoice.getList("payments.id")).containsExactly("stripe:inpay_2Q");
        assertThat(invoice.getDouble("openAmount")).isEqualTo(38500.00);
    }

    @Test
    void stripeMetadataSaysWhetherTheTermsWereAgreedAndTheConsumerWasToldOfTheLawsPeriod() throws IOException {
        // Stripe has no field for either; like customer_type, the merchant states them in the invoice's metadata.
        ObjectNode event = SignedEvents.event("webhooks-stripe.json");
        ObjectNode payload = (ObjectNode) SignedEvents.stripeObject(event);
        ((ObjectNode) payload.get("data").get("object")).putObject("metadata").put("customer_type", "consumer")
                .put("payment_terms_agreed", "false").put("consumer_notice_on_invoice", "true");
        send(SignedEvents.stripe(SignedEvents.withBody(event, Json.write(payload)), SignedEvents.STRIPE_SECRET, Instant.now()));
        JsonPath invoice = storedJson();
        assertThat(invoice.getBoolean("paymentTermsAgreed")).isFalse();
        assertThat(invoice.getBoolean("consumerNoticeOnInvoice")).isTrue();
        assertThat(invoice.getString("customer.type")).isEqualTo("CONSUMER");
    }

    @Test
    void whatAnEarlierEventSaidOfTheTermsAndTheReceiptIsKeptWhenAnUpdateIsSilent() throws IOException {
        String first = SignedEvents.body(SignedEvents.event("webhooks-standard.json")).replace("\"openAmount\": 18750.0,",
                "\"openAmount\": 18750.0, \"paymentTermsAgreed\": true, \"receivedOn\": \"2026-10-21\",");
        assertThat(first).contains("receivedOn");
        send(standard("msg_terms_1", first));
        String update = SignedEvents.body(SignedEvents.event("webhooks-standard.json"))
                .replace("2026-11-28T09:10:00Z", "2026-11-29T09:10:00Z");
        assertThat(body(send(standard("msg_terms_2", update))).getString("status")).isEqualTo("accepted");
        JsonPath invoice = storedJson();
        assertThat(invoice.getBoolean("paymentTermsAgreed")).isTrue();
        assertThat(invoice.getString("receivedOn")).isEqualTo("2026-10-21");
    }

    @Test
    void moneybirdPaymentsAreTheInvoicesOwnList() throws IOException {
        ObjectNode event = SignedEvents.event("webhooks-moneybird.json");
        ObjectNode payload = (ObjectNode) SignedEvents.stripeObject(event);
        payload.put("webhook_token", SignedEvents.MONEYBIRD_TOKEN);
        ObjectNode entity = (ObjectNode) payload.get("entity");
        entity.put("total_unpaid", "440.0").put("total_paid", "200.0");
        entity.putArray("payments").addObject().put("id", "430000000000000001").put("payment_date", "2026-11-20")
                .put("price", "200.0");
        assertThat(body(send(SignedEvents.withBody(event, Json.write(payload)))).getString("status")).isEqualTo("accepted");
        JsonPath invoice = storedJson();
        assertThat(invoice.getList("payments.id")).containsExactly("moneybird:430000000000000001");
        assertThat(invoice.getDouble("openAmount")).isEqualTo(440.00);
    }

    private static ObjectNode standard(String id, String body) {
        ObjectNode event = SignedEvents.event("webhooks-standard.json");
        SignedEvents.header(event, "webhook-id", id);
        return SignedEvents.standard(SignedEvents.withBody(event, body), SignedEvents.ACME_SECRET, Instant.now());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "a payment; 2026-11-25; 5000.00; 200; accepted",
            "a negative amount; 2026-11-25; -5.00; 422; $.data.payment.amount",
            "before the invoice; 2026-10-01; 5000.00; 422; before invoice 7781"})
    void standardWebhooksPayments(String what, String date, String amount, int expected, String outcome) throws IOException {
        ObjectNode invoice = SignedEvents.event("webhooks-standard.json");
        send(SignedEvents.standard(invoice, SignedEvents.ACME_SECRET, Instant.now()));
        String before = stored();
        JsonPath response = send(standard("msg_payment_" + what.length(), """
                {"type":"invoice.payment","timestamp":"2026-11-28T09:10:00Z",
                 "data":{"invoiceId":"INV-7781","payment":{"id":"pay-1","date":"%s","amount":%s,"reference":"OCR 778100"}}}"""
                .formatted(date, amount)));
        assertThat(status(response)).as(what).isEqualTo(expected);
        if (expected == 200) {
            assertThat(body(response).getString("status")).isEqualTo(outcome);
            assertThat(storedJson().getDouble("openAmount")).isEqualTo(13750.00);
            assertThat(storedJson().getString("payments[0].id")).isEqualTo("acme-billing:pay-1");
        } else {
            assertThat(response.getString("body")).contains(outcome);
            assertThat(stored()).isEqualTo(before);
        }
    }
}
