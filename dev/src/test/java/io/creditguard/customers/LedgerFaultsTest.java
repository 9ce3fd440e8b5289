package io.creditguard.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.Standalone;
import io.creditguard.http.RouteFuzzing;
import io.creditguard.json.Json;
import io.creditguard.reminders.ReminderRun;
import io.creditguard.store.FileObjectStore;
import io.creditguard.store.ForwardingStore;

/**
 * The ledger when other writers and broken files get in the way: a decision that loses the race to a webhook
 * is applied again to what the webhook wrote and overwrites nothing; one that keeps losing is refused (503), the
 * book untouched; a customer's ledger file that cannot be read is a problem until the next run writes it again.
 */
class LedgerFaultsTest {

    private static final String BOOK = "receivables/book.jsonl";
    private static final CustomerService.Who WHO = new CustomerService.Who("ekonomi", "PATCH /invoices/{invoiceId}", null);
    private static final InvoicePatch DISPUTE = new InvoicePatch(true, "wrong grade of steel", null, null);

    @TempDir
    Path root;

    @BeforeEach
    void aBookAfterItsRun() throws IOException {
        Files.createDirectories(root.resolve("receivables"));
        Files.writeString(root.resolve(BOOK), String.join("\n",
                line("A", "12000.00"), line("B", "3000.00")) + "\n");
        new ReminderRun(new FileObjectStore(root), Standalone.reminders(), Standalone.inputs(), Standalone.CLOCK)
                .run(Optional.of(LocalDate.parse("2026-11-30")), false);
    }

    private static String line(String id, String amount) {
        return """
                {"invoiceId":"%s","invoiceNumber":"F-%s","currency":"SEK","issueDate":"2026-10-15","dueDate":"2026-11-14",\
                "amount":%s,"openAmount":%s,"customer":{"id":"c-1","name":"Kund Ett AB","type":"BUSINESS","country":"SE"}}"""
                .formatted(id, id, amount, amount);
    }

    /** A store whose book file another writer changes just before each of the first {@code races} commits of ours. */
    private static final class Racing extends ForwardingStore {
        private final Path root;
        private int races;

        Racing(Path root, int races) {
            super(new FileObjectStore(root));
            this.root = root;
            this.races = races;
        }

        @Override
        public Replacement replaceIf(String key, String contentType, String expectedVersion) throws IOException {
            Replacement ours = store.replaceIf(key, contentType, expectedVersion);
            if (!key.equals(BOOK) || races == 0) {
                return ours;
            }
            races--;
            return new Replacement() {
                @Override
                public java.io.OutputStream stream() {
                    return ours.stream();
                }

                @Override
                public void commit() throws IOException {
                    // A webhook records a payment on B meanwhile (and, racing again, touches the file again).
                    Path book = root.resolve(BOOK);
                    StringBuilder changed = new StringBuilder();
                    for (String line : Files.readAllLines(book)) {
                        if (line.contains("\"invoiceId\":\"B\"") && !line.contains("\"w-")) {
                            com.fasterxml.jackson.databind.node.ObjectNode b = (com.fasterxml.jackson.databind.node.ObjectNode)
                                    Json.MAPPER.readTree(line);
                            b.put("openAmount", new BigDecimal("1000.00"));
                            b.putArray("payments").addObject().put("id", "w-1").put("date", "2026-11-29")
                                    .put("amount", new BigDecimal("2000.00"));
                            line = Json.write(b);
                        }
                        changed.append(line).append('\n');
                    }
                    Files.writeString(book, changed.append('\n').toString());
                    ours.commit();
                }

                @Override
                public void close() throws IOException {
                    ours.close();
                }
            };
        }
    }

    @Test
    void aDecisionThatLosesTheRaceIsAppliedToWhatTheOtherWriterLeft() throws IOException {
        CustomerService customers = Standalone.customers(new Racing(root, 1));
        CustomerService.InvoiceDecisions decided = customers.decide("A", DISPUTE, Set.of("disputed", "disputeReason"), WHO);
        assertThat(decided.disputed()).isTrue();
        String book = Files.readString(root.resolve(BOOK));
        assertThat(book).contains("\"disputeReason\":\"wrong grade of steel\"").contains("\"openAmount\":1000.00")
                .contains("\"id\":\"w-1\"");
    }

    @Test
    void aDecisionThatKeepsLosingIsRefusedAndOverwritesNothing() throws IOException {
        CustomersFunction function = Standalone.customersFunction(Standalone.customers(new Racing(root, 100)));
        APIGatewayV2HTTPEvent patch = RouteFuzzing.post("/invoices/A", "{\"disputed\":true,\"disputeReason\":\"wrong grade\"}");
        patch.setRouteKey("PATCH /invoices/{invoiceId}");
        patch.getRequestContext().getHttp().setMethod("PATCH");
        var response = function.handle(patch);
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(Json.MAPPER.readTree(response.getBody()).get("type").asText()).isEqualTo("urn:creditguard:problem:store-busy");
        // Only the other writer's changes are in the book: ours never overwrote them, nor got in.
        assertThat(Files.readString(root.resolve(BOOK))).doesNotContain("wrong grade").contains("\"openAmount\":1000.00");
    }

    @Test
    void aLedgerFileThatCannotBeReadIsAProblemUntilTheNextRunWritesItAgain() throws IOException {
        Files.writeString(root.resolve("customers/c-1.json"), "{\"customer\": {\"id\": \"c-1\", \"na");
        CustomersFunction function = Standalone.customersFunction(Standalone.customers(new FileObjectStore(root)));
        APIGatewayV2HTTPEvent get = RouteFuzzing.post("/customers/c-1", "");
        get.setRouteKey("GET /customers/{id}");
        get.getRequestContext().getHttp().setMethod("GET");
        var broken = function.handle(get);
        assertThat(broken.getStatusCode()).isEqualTo(500);
        JsonNode problem = Json.MAPPER.readTree(broken.getBody());
        assertThat(problem.get("detail").asText()).contains("customers/c-1.json cannot be read")
                .contains("the next reminder run writes it again");

        new ReminderRun(new FileObjectStore(root), Standalone.reminders(), Standalone.inputs(), Standalone.CLOCK)
                .run(Optional.of(LocalDate.parse("2026-12-01")), false);
        var repaired = function.handle(get);
        assertThat(repaired.getStatusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(repaired.getBody()).at("/currencies/0/open").decimalValue())
                .isEqualByComparingTo(new BigDecimal("15000.00"));
    }
}
