package io.creditguard.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.SampleDay;
import io.creditguard.json.Json;
import io.creditguard.reminders.ReminderRun;
import io.creditguard.reminders.StandaloneReminders;
import io.creditguard.store.FileObjectStore;

/**
 * Every alert over a sequence of daily runs on a book that changes between them, as a finance team's book
 * does: each begins once, on the run its condition first holds, and ends once, on the run it no longer does;
 * a second run on the same day changes nothing.
 */
class AlertsOverDailyRunsTest {

    private static final Currency SEK = Currency.getInstance("SEK");
    /** Reminders at 5 and 20 days, 3 days' grace; the insurer takes reports up to 60 days, the run reports at 59. */
    private static final String POLICY = """
            {"name": "alerts", "graceDays": 3, "levels": [
               {"level": 1, "daysAfterDue": 5, "kind": "PAYMENT_REMINDER"},
               {"level": 2, "daysAfterDue": 20, "kind": "PAYMENT_REMINDER"}],
             "insurer": {"name": "Kreditförsäkring AB", "overdueNotificationDays": 60, "notifyAfterDays": 59, "warningDays": 7},
             "creditor": {"name": "Stålhandel Norr AB", "country": "SE", "address": "Industrigatan 4\\n903 27 Umeå",
               "paymentInstructions": "bankgiro 5050-1055", "disputeContact": "reskontra@stalhandel.example"},
             "alerts": {"unlimitedExposure": {"SEK": 100000}, "slippingDays": 7}}""";

    @TempDir
    Path root;

    private record Seen(String day, String customer, Alerts.Type type, String subject, AlertRules.Change change) {
    }

    private static String invoice(String id, String customer, String issued, String due, String amount, String extra) {
        return """
                {"invoiceId":"%s","invoiceNumber":"N-%s","currency":"SEK","issueDate":"%s","dueDate":"%s","amount":%s,\
                "openAmount":%s,"customer":{"id":"%s","name":"Kund %s","type":"BUSINESS","country":"SE","language":"sv"}%s}"""
                .formatted(id, id, issued, due, amount, amount, customer, customer, extra);
    }

    /** An invoice of {@code amount} paid in full on {@code paid}. */
    private static String paid(String id, String customer, String due, String paid, String amount) {
        return """
                {"invoiceId":"%s","invoiceNumber":"N-%s","currency":"SEK","issueDate":"%s","dueDate":"%s","amount":%s,\
                "openAmount":0,"payments":[{"id":"p-%s","date":"%s","amount":%s}],\
                "customer":{"id":"%s","name":"Kund %s","type":"BUSINESS","country":"SE","language":"sv"}}"""
                .formatted(id, id, LocalDate.parse(due).minusDays(30), due, amount, id, paid, amount, customer, customer);
    }

    private void book(String customer, String... lines) throws IOException {
        Files.writeString(root.resolve("receivables/" + customer + ".jsonl"), String.join("\n", lines) + "\n");
    }

    private void append(String customer, String line) throws IOException {
        Files.writeString(root.resolve("receivables/" + customer + ".jsonl"), line + "\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Changes one invoice of the customer's book file, keeping everything the run recorded on it. */
    private void edit(String customer, String invoiceId, Consumer<ObjectNode> change) throws IOException {
        Path file = root.resolve("receivables/" + customer + ".jsonl");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            ObjectNode node = (ObjectNode) Json.MAPPER.readTree(line);
            if (node.path("invoiceId").asText().equals(invoiceId)) {
                change.accept(node);
            }
            lines.add(Json.write(node));
        }
        Files.write(file, lines);
    }

    /** A payment on an invoice, its open amount what is left. */
    private static Consumer<ObjectNode> payment(String id, String date, String amount) {
        return node -> {
            node.withArray("payments").addObject().put("id", id).put("date", date).put("amount", new BigDecimal(amount));
            node.put("openAmount", node.path("openAmount").decimalValue().subtract(new BigDecimal(amount)));
        };
    }

    private List<Seen> run(String day, List<Seen> seen) throws IOException {
        ReminderRun run = new ReminderRun(new FileObjectStore(root), StandaloneReminders.reminders(), StandaloneReminders.inputs(),
                SampleDay.CLOCK);
        ReminderRun.Report report = run.run(Optional.of(LocalDate.parse(day)), false);
        List<Seen> today = new ArrayList<>();
        for (AlertRules.Event e : report.customers().changes()) {
            assertThat(e.on()).isEqualTo(day);
            today.add(new Seen(day, e.customerId(), e.alert().type(), e.alert().subject(), e.change()));
        }
        seen.addAll(today);
        return today;
    }

    @Test
    void eachAlertBeginsOnceAndEndsOnce() throws IOException {
        StandaloneReminders.storeWithPolicy(root, POLICY);
        // c-limit owes 150 000 with no limit: above the 100 000 NO_LIMIT is raised from.
        book("c-limit", invoice("A", "c-limit", "2026-10-21", "2026-11-20", "150000.00", ""));
        // c-promise promised to pay by 2 December: with 3 days' grace the promise holds until 5 December.
        book("c-promise", invoice("P", "c-promise", "2026-10-11", "2026-11-10", "5000.00",
                ",\"decided\":{\"promisedPaymentDate\":\"2026-12-02\",\"by\":\"ekonomi\",\"at\":\"2026-11-28T09:00:00Z\"}"));
        // c-insurer's debt fell due 8 October: the insurer's deadline is 7 December, warned of from 30 November,
        // and the run reports it 59 days after the due date, on 6 December.
        book("c-insurer", invoice("I", "c-insurer", "2026-09-08", "2026-10-08", "8000.00", ""));
        // c-slip paid six invoices on time this year and two 20 days late lately (12 months: 40 days × 1 000 / 8 000 =
        // 5.0; the 90 days: 20.0, but only two payments); the third comes on 3 December.
        book("c-slip", paid("S1", "c-slip", "2026-01-15", "2026-01-15", "1000.00"),
                paid("S2", "c-slip", "2026-02-15", "2026-02-14", "1000.00"),
                paid("S3", "c-slip", "2026-03-15", "2026-03-13", "1000.00"),
                paid("S4", "c-slip", "2026-04-15", "2026-04-15", "1000.00"),
                paid("S5", "c-slip", "2026-05-15", "2026-05-15", "1000.00"),
                paid("S6", "c-slip", "2026-06-15", "2026-06-12", "1000.00"),
                paid("S7", "c-slip", "2026-10-20", "2026-11-09", "1000.00"),
                paid("S8", "c-slip", "2026-10-27", "2026-11-16", "1000.00"));
        List<Seen> seen = new ArrayList<>();

        assertThat(run("2026-12-01", seen)).containsExactlyInAnyOrder(
                new Seen("2026-12-01", "c-limit", Alerts.Type.NO_LIMIT, "SEK", AlertRules.Change.BEGAN),
                new Seen("2026-12-01", "c-insurer", Alerts.Type.INSURER_DEADLINE, "I", AlertRules.Change.BEGAN));
        // A limit of 160 000 by hand: 150 000 is 94 % of it.
        StandaloneReminders.customers(new FileObjectStore(root)).setLimit("c-limit", new LimitRequest(new BigDecimal("160000"),
                SEK, null, "agreed with the customer"), new CustomerService.Who("ekonomi@seller.example",
                        "PUT /customers/{id}/limit", "req-1"));
        assertThat(run("2026-12-02", seen)).containsExactlyInAnyOrder(
                new Seen("2026-12-02", "c-limit", Alerts.Type.NO_LIMIT, "SEK", AlertRules.Change.ENDED),
                new Seen("2026-12-02", "c-limit", Alerts.Type.NEAR_LIMIT, "", AlertRules.Change.BEGAN));
        // A new invoice of 20 000 takes c-limit to 170 000, over the limit. c-slip's third late payment lands:
        // 12 months 60 days × 1 000 / 9 000 = 6.7, the 90 days 20.0 over three payments: 13.3 days later.
        append("c-limit", invoice("B", "c-limit", "2026-12-02", "2027-01-01", "20000.00", ""));
        append("c-slip", paid("S9", "c-slip", "2026-11-12", "2026-12-02", "1000.00"));
        assertThat(run("2026-12-03", seen)).containsExactlyInAnyOrder(
                new Seen("2026-12-03", "c-limit", Alerts.Type.NEAR_LIMIT, "", AlertRules.Change.ENDED),
                new Seen("2026-12-03", "c-limit", Alerts.Type.OVER_LIMIT, "", AlertRules.Change.BEGAN),
                new Seen("2026-12-03", "c-slip", Alerts.Type.SLIPPING, "SEK", AlertRules.Change.BEGAN));
        assertThat(run("2026-12-03", seen)).as("the same day again").isEmpty();
        // 30 000 paid on A: 140 000 is 87.5 % of the limit, below the 90 % NEAR_LIMIT is raised from.
        edit("c-limit", "A", payment("pay-A", "2026-12-04", "30000.00"));
        assertThat(run("2026-12-04", seen)).containsExactlyInAnyOrder(
                new Seen("2026-12-04", "c-limit", Alerts.Type.OVER_LIMIT, "", AlertRules.Change.ENDED));
        // The promise passed unpaid on 5 December; the run reports I to the insurer (60 days overdue).
        assertThat(run("2026-12-07", seen)).containsExactlyInAnyOrder(
                new Seen("2026-12-07", "c-promise", Alerts.Type.BROKEN_PROMISE, "P", AlertRules.Change.BEGAN),
                new Seen("2026-12-07", "c-insurer", Alerts.Type.INSURER_DEADLINE, "I", AlertRules.Change.ENDED));
        // P is paid; c-slip pays 6 000 on time: the 90 days 60 000 / 9 000 = 6.7, the 12 months 60 000 / 15 000 = 4.0.
        edit("c-promise", "P", payment("pay-P", "2026-12-08", "5000.00"));
        append("c-slip", paid("S10", "c-slip", "2026-12-08", "2026-12-08", "6000.00"));
        assertThat(run("2026-12-08", seen)).containsExactlyInAnyOrder(
                new Seen("2026-12-08", "c-promise", Alerts.Type.BROKEN_PROMISE, "P", AlertRules.Change.ENDED),
                new Seen("2026-12-08", "c-slip", Alerts.Type.SLIPPING, "SEK", AlertRules.Change.ENDED));
        assertThat(run("2026-12-09", seen)).isEmpty();

        for (Alerts.Type type : Alerts.Type.values()) {
            assertThat(seen.stream().filter(s -> s.type() == type && s.change() == AlertRules.Change.BEGAN)).as(type + " began")
                    .hasSize(1);
            assertThat(seen.stream().filter(s -> s.type() == type && s.change() == AlertRules.Change.ENDED)).as(type + " ended")
                    .hasSize(1);
        }
        // The ledger counts the broken promise, and keeps the limit's history with who set it and through what.
        JsonNode promise = Json.MAPPER.readTree(root.resolve("customers/c-promise.json").toFile());
        assertThat(promise.at("/currencies/0/brokenPromises").asInt()).isEqualTo(1);
        CustomerService.CustomerView limited = StandaloneReminders.customers(new FileObjectStore(root)).customer("c-limit").orElseThrow();
        assertThat(limited.limitHistory()).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(Limits.Source.MANUAL);
            assertThat(c.by()).isEqualTo("ekonomi@seller.example");
            assertThat(c.via()).isEqualTo("PUT /customers/{id}/limit");
            assertThat(c.amount()).isEqualTo("160000.00");
        });
        assertThat(limited.ledger().headroom()).isEqualTo("20000.00");
    }
}
