package io.creditguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.SampleDay;
import io.creditguard.customers.CustomerService;
import io.creditguard.http.ApiGateway;
import io.creditguard.http.GatewayEvents;
import io.creditguard.json.Json;
import io.creditguard.mail.LocalSmtp;
import io.creditguard.mail.Mailer;
import io.creditguard.mail.ScriptedSmtp;
import io.creditguard.rates.RateBook;
import io.creditguard.reminders.ReminderPolicies;
import io.creditguard.reminders.ReminderRecords;
import io.creditguard.store.FileObjectStore;
import io.creditguard.store.ObjectStore;
import io.creditguard.templates.StandaloneTemplates;
import io.creditguard.validation.InputReader;

/**
 * {@code POST /claims} with {@code "file": true} through the handler: the sample insolvency claim (events/claims.json,
 * CLAIMABLE, bankruptcy on 26 November 2026) mailed to the insurer's claims address with its cover letter, the
 * claim as JSON, the invoices as CSV and the documents found in the store; filed once; a claim not claimable,
 * a missing address, no mail server, the server down or refusing, each answered with what to do.
 */
class ClaimFilingTest {

    private static final String FOLDER = "claims/" + ObjectStore.keyPart("KF-2026-0417") + "/"
            + ObjectStore.keyPart("556036-0793") + "/";

    private static final InputReader INPUTS = InputReader.standalone(SampleDay.CLOCK);
    private static final ReminderPolicies POLICIES = new ReminderPolicies(INPUTS);

    @TempDir
    Path root;
    private LocalSmtp smtp;
    private FileObjectStore store;

    @BeforeEach
    void companyPolicyWithASender() throws IOException {
        store = new FileObjectStore(root);
        store.write("config/reminder-policy.json", """
                {"name": "company", "levels": [{"level": 1, "daysAfterDue": 5, "kind": "PAYMENT_REMINDER"}],
                 "creditor": {"name": "Mälardalens Stålhandel AB", "country": "SE", "paymentInstructions": "Bankgiro 5050-1055",
                   "disputeContact": "reskontra@stalhandel.example", "language": "sv"},
                 "delivery": {"from": "Mälardalens Stålhandel AB <reskontra@stalhandel.example>", "bcc": "arkiv@stalhandel.example"}}
                """.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.close();
        }
    }

    /** The sample claim with the claims address, the VAT of its first invoice and what {@code change} does. */
    private static String claim(java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(GatewayEvents.sampleBody("claims.json"));
        body.put("file", true);
        ((ObjectNode) body.get("policy")).put("claimsEmail", "skador@kreditforsakring.example");
        ((ObjectNode) body.get("debts").get(0)).put("vatAmount", 62000);
        change.accept(body);
        return Json.write(body);
    }

    private APIGatewayV2HTTPResponse post(Mailer mailer, String body) {
        return post(store, mailer, body);
    }

    private APIGatewayV2HTTPResponse post(ObjectStore filed, Mailer mailer, String body) {
        // Wired as in Lambda, without the container; the ledger is a store of its own, empty: these claims name their debts.
        ClaimsFunction claims = new ClaimsFunction(StandaloneTemplates.TEMPLATES, new ClaimFiling(filed, mailer, POLICIES,
                SampleDay.CLOCK), new CustomerService(new FileObjectStore(root.resolve("ledger")), INPUTS,
                RateBook.shipped(SampleDay.CLOCK), SampleDay.CLOCK), INPUTS);
        claims.init(new ApiGateway(INPUTS, Optional.of(GatewayEvents.ISSUER), true), SampleDay.CLOCK);
        return claims.handle(GatewayEvents.post("/claims", body, List.of(ClaimsFunction.SCOPE)));
    }

    private Mailer greenMail() {
        smtp = new LocalSmtp();
        return smtp.mailer();
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws IOException {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void theClaimIsMailedOnceWithItsDossierAndTheDocumentsFoundAndTheAnswerSaysWhenAndToWhom() throws Exception {
        store.write(FOLDER + "documents/PROOF_OF_DELIVERY/fraktsedel-2026-1004.pdf", "%PDF-1.4 delivery".getBytes(
                StandardCharsets.UTF_8), "application/pdf");
        // The run's record of the third reminder of 2026-1004 names its letter; a letter id a request gives is not used.
        store.write(ReminderRecords.key(ReminderRecords.id("2026-1004", "3")),
                "{\"decidedOn\":\"2026-11-13\",\"letterId\":\"let_0123456789abcdef01234567\"}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        store.write("letters/let_0123456789abcdef01234567.pdf", "%PDF-1.4 reminder".getBytes(StandardCharsets.UTF_8),
                "application/pdf");
        store.write("letters/let_another000customer00000.pdf", "%PDF-1.4 someone else's".getBytes(StandardCharsets.UTF_8),
                "application/pdf");
        String body = claim(c -> ((ObjectNode) c.get("debts").get(1).get("remindersSent").get(0))
                .put("letterId", "let_another000customer00000"));
        Mailer mailer = greenMail();

        APIGatewayV2HTTPResponse first = post(mailer, body);
        assertThat(first.getStatusCode()).isEqualTo(200);
        JsonNode filing = json(first).get("filing");
        assertThat(filing.get("outcome").asText()).isEqualTo("SENT");
        assertThat(filing.get("to").asText()).isEqualTo("skador@kreditforsakring.example");
        assertThat(filing.get("sentAt").asText()).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(filing.get("record").asText()).isEqualTo(FOLDER + "2026-11-26/filing.json");
        List<String> attachments = new ArrayList<>();
        filing.get("attachments").forEach(a -> attachments.add(a.asText()));
        assertThat(attachments).containsExactly("Skadeanmälan kreditförsäkring - Norrlands Metall & Svets AB, försäkring KF-2026-0417.pdf",
                "claim.json", "invoices.csv", "proof_of_delivery-fraktsedel-2026-1004.pdf",
                "reminders_sent-let_0123456789abcdef01234567.pdf");
        assertThat(filing.get("notAttached")).extracting(JsonNode::asText).containsExactly("INVOICE_COPIES",
                "ORDER_CONFIRMATION_OR_CONTRACT", "ACCOUNT_STATEMENT");

        MimeMessage mail = smtp.inbox("skador@kreditforsakring.example").get(0);
        assertThat(mail.getSubject()).isEqualTo("Skadeanmälan kreditförsäkring: Norrlands Metall & Svets AB, försäkring KF-2026-0417");
        assertThat("<" + filing.get("messageId").asText() + ">").isEqualTo(mail.getMessageID());
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(6);
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Norrlands Metall & Svets AB");
        Part csv = parts.getBodyPart(3);
        try (InputStream in = csv.getInputStream()) {
            // The two insured debts; 2026-1042 is disputed and not claimed. 62 000 of the first's 310 000 is VAT.
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(
                    "Fakturanummer,Fakturadatum,Förfallodag,Netto,Moms,Brutto,Obetalt,Valuta\r\n"
                            + "2026-1004,2026-09-09,2026-10-09,248000.00,62000.00,310000.00,310000.00,SEK\r\n"
                            + "2026-1031,2026-10-01,2026-10-31,,,125000.00,125000.00,SEK\r\n");
        }
        try (InputStream in = parts.getBodyPart(2).getInputStream()) {
            assertThat(Json.MAPPER.readTree(in).get("policyNumber").asText()).isEqualTo("KF-2026-0417");
        }
        assertThat(smtp.inbox("arkiv@stalhandel.example")).hasSize(1);
        assertThat(Files.list(root.resolve(FOLDER + "2026-11-26")).map(p -> p.getFileName().toString()).toList())
                .contains("filing.json", "claim.json", "invoices.csv");

        APIGatewayV2HTTPResponse again = post(mailer, body);
        assertThat(again.getStatusCode()).isEqualTo(200);
        JsonNode second = json(again).get("filing");
        assertThat(second.get("outcome").asText()).isEqualTo("ALREADY_SENT");
        assertThat(second.get("sentAt").asText()).isEqualTo(filing.get("sentAt").asText());
        assertThat(second.get("to").asText()).isEqualTo("skador@kreditforsakring.example");
        assertThat(second.get("key").asText()).isEqualTo(filing.get("key").asText());
        assertThat(smtp.inbox("skador@kreditforsakring.example")).hasSize(1);
    }

    /**
     * A document larger than a mail carries is read no further than what would fit, and listed as not attached, the
     * claim mailed without it: it was read whole first, so a scan or a film of the delivery larger than the function's
     * memory stopped the filing with an OutOfMemoryError.
     */
    @Test
    void aDocumentLargerThanTheMailIsReadNoFurtherThanWouldFit() throws Exception {
        String film = FOLDER + "documents/PROOF_OF_DELIVERY/leverans.mp4";
        store.write(film, new byte[0], "video/mp4"); // listed; what it holds is served below
        long[] served = {0};
        ObjectStore large = new io.creditguard.store.ForwardingStore(store) {
            @Override
            public Optional<InputStream> read(String key) throws IOException {
                if (!key.equals(film)) {
                    return super.read(key);
                }
                return Optional.of(new InputStream() { // 64 MB of zeros, counted as they are read
                    @Override
                    public int read() {
                        if (served[0] == 64L << 20) {
                            return -1;
                        }
                        served[0]++;
                        return 0;
                    }
                });
            }
        };
        APIGatewayV2HTTPResponse response = post(large, greenMail(), claim(c -> { }));
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode filing = json(response).get("filing");
        assertThat(filing.get("outcome").asText()).isEqualTo("SENT");
        assertThat(filing.get("notAttached")).extracting(JsonNode::asText).contains("PROOF_OF_DELIVERY");
        assertThat(served[0]).isLessThanOrEqualTo(ClaimFiling.MOST_BYTES + 1);
    }

    @Test
    void aClaimNotYetClaimableIsNotFiledAndSaysWhy() throws Exception {
        // Without the bankruptcy it is a protracted default reported on 20 November: the waiting period runs to 18 February.
        String body = claim(c -> ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("events")).remove(2));
        APIGatewayV2HTTPResponse response = post(greenMail(), body);
        assertThat(response.getStatusCode()).isEqualTo(409);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo("urn:creditguard:problem:not-fileable");
        assertThat(problem.get("detail").asText()).contains("NOT_YET_CLAIMABLE").contains("2027-02-18");
        assertThat(smtp.received()).isZero();
    }

    @Test
    void toFileTheClaimsAddressIsRequired() throws Exception {
        APIGatewayV2HTTPResponse response = post(greenMail(), claim(c -> ((ObjectNode) c.get("policy")).remove("claimsEmail")));
        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("$.policy.claimsEmail");
    }

    @Test
    void withoutAMailServerNothingIsFiledAndTheAnswerSaysWhatToConfigure() throws Exception {
        APIGatewayV2HTTPResponse response = post(LocalSmtp.noServer(), claim(c -> { }));
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(json(response).get("type").asText()).isEqualTo("urn:creditguard:problem:not-configured");
        assertThat(json(response).get("detail").asText()).contains("creditguard.mail.url");
    }

    @Test
    void withTheServerDownNothingIsFiledAndAnotherRequestLaterFilesIt() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        APIGatewayV2HTTPResponse down = post(LocalSmtp.mailer(closed), claim(c -> { }));
        assertThat(down.getStatusCode()).isEqualTo(503);
        assertThat(json(down).get("type").asText()).isEqualTo("urn:creditguard:problem:mail-unavailable");
        assertThat(Files.exists(root.resolve(FOLDER + "2026-11-26/filing.json"))).isFalse();

        APIGatewayV2HTTPResponse up = post(greenMail(), claim(c -> { }));
        assertThat(json(up).get("filing").get("outcome").asText()).isEqualTo("SENT");
    }

    @Test
    void anAddressTheServerRefusesForGoodIsAProblemWithTheField() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(a -> a.startsWith("skador") ? "550 5.1.1 no such mailbox" : "250 ok",
                Integer.MAX_VALUE)) {
            APIGatewayV2HTTPResponse response = post(LocalSmtp.mailer(server.port()), claim(c -> { }));
            assertThat(response.getStatusCode()).isEqualTo(422);
            JsonNode error = json(response).get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("$.policy.claimsEmail");
            assertThat(error.get("message").asText()).contains("550 5.1.1 no such mailbox");
        }
    }

}
