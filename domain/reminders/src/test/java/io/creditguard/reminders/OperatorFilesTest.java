package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.creditguard.SampleDay;
import io.creditguard.reference.FileProblem;
import io.creditguard.store.FileObjectStore;

/**
 * An operator's files that do not parse: the rows of the rate tables and a named customer policy are
 * reported (file, line, column, why), logged as ERRORs, counted in the alarm metric and left out while
 * the run goes on; a broken company policy stops the run before anything is sent; a dry validation says
 * all of it beforehand. Invoices of 10 000 kr due Tuesday 10 November 2026 under Swedish law, run on
 * 30 November: 20 days overdue, level 1 of the default policy.
 */
class OperatorFilesTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-30");
    private static final String RATES = """
            # The operator's rates, with four typing mistakes
            scheme           | validFrom  | validTo    | ratePercent | evidence | fetchedAt | sha256 | source
            SE_REFERENSRANTA | 2026-07-01 | 2026-12-31 | 2.00        | PRIMARY  | -         | -      | operator: Riksbank notice
            DE_BASISZINSSATZ | 2026-07-01 | 2026-12-31 | 1.27        |          | -         | -      | operator
            DK_UDLAANSRENTE  | 2026-07-01 | 2026-12-31 | 1,60        | PRIMARY  | -         | -      | operator
            SE_REFERENSRATA  | 2027-01-01 | 2027-06-30 | 2.00        | PRIMARY  | -         | -      | operator
            SE_REFERENSRANTA | 2026-10-01 | 2026-12-31 | 3.00        | PRIMARY  | -         | -      | operator: a second try
            """;
    private static final String EXCHANGE = """
            currency | date       | perEuro | evidence | fetchedAt | sha256 | source
            SEK      | 2026-11-09 | 11,20   | PRIMARY  | -         | -      | operator
            """;
    /** A named policy whose second level has no kind, on line 4. */
    private static final String BROKEN_NAMED = """
            {"name": "key accounts",
             "levels": [
               {"level": 1, "daysAfterDue": 5, "kind": "PAYMENT_REMINDER"},
               {"level": 2, "daysAfterDue": 20}],
             "creditor": {"name": "Stålhandel Norr AB", "country": "SE", "paymentInstructions": "Bankgiro 5050-1055",
               "disputeContact": "reskontra@stalhandel.example"}}
            """;

    @TempDir
    Path root;
    private final List<LogRecord> errors = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                synchronized (errors) {
                    errors.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void bookAndFiles() throws IOException {
        Files.createDirectories(root.resolve("receivables"));
        Files.createDirectories(root.resolve("config/policies"));
        Files.writeString(root.resolve("receivables/book.jsonl"), String.join("\n",
                ReminderRunDeliveryTest.invoice("inv-1", "2026-1001", "10000.00", "c-1", "Vanlig Kund AB", null, null),
                ReminderRunDeliveryTest.invoice("inv-2", "2026-1002", "10000.00", "c-2", "Nyckelkund AB", null, "key-accounts"))
                + "\n");
        Files.writeString(root.resolve("config/reference-rates.txt"), RATES);
        Files.writeString(root.resolve("config/exchange-rates.txt"), EXCHANGE);
        Files.writeString(root.resolve("config/policies/key-accounts.json"), BROKEN_NAMED);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    private ReminderRun run() {
        FileObjectStore store = new FileObjectStore(root);
        return new ReminderRun(store, StandaloneReminders.reminders(store), StandaloneReminders.inputs(), SampleDay.CLOCK);
    }

    /** The run, and what it printed on standard output: the metric lines. */
    private ReminderRun.Report run(String[] printed) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return run().run(Optional.of(AS_OF), false);
        } finally {
            System.setOut(original);
            printed[0] = out.toString(StandardCharsets.UTF_8);
        }
    }

    private static String where(FileProblem p) {
        return p.file() + ":" + p.line() + " " + p.column();
    }

    @Test
    void malformedRowsAreReportedLoggedAndCountedAndTheRunGoesOnWithTheRest() throws IOException {
        String[] printed = new String[1];
        ReminderRun.Report report = run(printed);

        assertThat(report.stopped()).isNull();
        assertThat(report.operatorFiles()).extracting(OperatorFilesTest::where).containsExactlyInAnyOrder(
                "config/reference-rates.txt:4 evidence", "config/reference-rates.txt:5 ratePercent",
                "config/reference-rates.txt:6 scheme", "config/reference-rates.txt:7 validFrom",
                "config/exchange-rates.txt:2 perEuro", "config/policies/key-accounts.json:4 $.levels[1].kind");
        assertThat(report.operatorFiles()).extracting(FileProblem::why).contains("column evidence is empty",
                "column ratePercent is not a decimal number ('1,60': write the decimal point as .)",
                "2026-10-01–2026-12-31 overlaps line 3 (2026-07-01–2026-12-31); line 3 is used",
                "$.levels[1].kind must not be null");
        assertThat(report.operatorFiles()).anySatisfy(p -> assertThat(p.why())
                .startsWith("column scheme is 'SE_REFERENSRATA', not one of"));

        // The good row is used: räntelagen 6 §, 2.00 + 8 = 10 %; 20 days on 10 000 kr = 54.79 kr.
        assertThat(report.letters()).isEqualTo(1);
        assertThat(letterTexts()).singleElement().satisfies(text -> assertThat(text)
                .contains("20 dagar à 10,00 % på 10 000,00 SEK = 54,79 SEK"));
        // The customer whose policy is broken is not dunned under a guessed one.
        assertThat(report.skipped()).containsEntry(ReminderEngine.SkipReason.POLICY_UNAVAILABLE, 1L);

        assertThat(printed[0]).contains("\"OperatorFileProblem\":4").contains("\"File\":\"config/reference-rates.txt\"")
                .contains("\"File\":\"config/exchange-rates.txt\"").contains("\"File\":\"config/policies/key-accounts.json\"")
                .contains("\"Function\":\"reminders-run\"");
        synchronized (errors) {
            assertThat(errors).extracting(LogRecord::getMessage)
                    .anySatisfy(m -> assertThat(m).contains("config/reference-rates.txt:4: column evidence is empty"))
                    .anySatisfy(m -> assertThat(m).contains("config/policies/key-accounts.json:4: $.levels[1].kind"));
        }
    }

    @Test
    void aBrokenCompanyPolicyStopsTheRunBeforeAnythingIsSentWithTheReportAndTheAlarm() throws IOException {
        Files.writeString(root.resolve("config/reminder-policy.json"), """
                {"name": "company",
                 "levels": [{"level": 1, "daysAfterDue": 5, "kind": "PAYMENT_REMINDER"}],
                 "creditor": {"name": "Stålhandel Norr AB", "country": "SE", "paymentInstructions": "Bankgiro 5050-1055",
                   "disputeContact": "reskontra@stalhandel.example", "language": "fi"}}
                """);
        String book = Files.readString(root.resolve("receivables/book.jsonl"));
        String[] printed = new String[1];
        ReminderRun.Report report = run(printed);

        assertThat(report.stopped()).contains("config/reminder-policy.json is not a valid reminder policy");
        assertThat(report.operatorFiles()).singleElement().satisfies(p -> {
            assertThat(where(p)).isEqualTo("config/reminder-policy.json:4 $.creditor.language");
            assertThat(p.why()).startsWith("$.creditor.language must be");
        });
        assertThat(report.invoicesRead()).isZero();
        assertThat(report.letters()).isZero();
        assertThat(Files.exists(root.resolve("letters"))).isFalse();
        assertThat(Files.readString(root.resolve("receivables/book.jsonl"))).isEqualTo(book);
        assertThat(files("runs/2026-11-30")).hasSize(1);
        assertThat(printed[0]).contains("\"OperatorFileProblem\":1").contains("\"File\":\"config/reminder-policy.json\"");
        synchronized (errors) {
            assertThat(errors).extracting(LogRecord::getMessage).anySatisfy(m -> assertThat(m).contains("stopped"));
        }
    }

    @Test
    void aDryValidationSaysAllOfItBeforeTheRunAndChangesNothing() throws IOException {
        Files.writeString(root.resolve("config/reminder-policy.json"), "{\"name\": \"company\",\n \"levels\": [\n");
        FileObjectStore store = new FileObjectStore(root);
        OperatorFiles.Validation validation = new OperatorFiles(store, StandaloneReminders.reminders(store), SampleDay.CLOCK).validate();

        assertThat(validation.runWouldStop()).isTrue();
        assertThat(validation.checked()).containsExactlyInAnyOrder("config/reminder-policy.json",
                "config/policies/key-accounts.json", "config/reference-rates.txt", "config/exchange-rates.txt");
        assertThat(validation.problems()).extracting(OperatorFilesTest::where).containsExactlyInAnyOrder(
                "config/reminder-policy.json:3 null", "config/policies/key-accounts.json:4 $.levels[1].kind",
                "config/reference-rates.txt:4 evidence", "config/reference-rates.txt:5 ratePercent",
                "config/reference-rates.txt:6 scheme", "config/reference-rates.txt:7 validFrom",
                "config/exchange-rates.txt:2 perEuro");
        assertThat(Files.exists(root.resolve("runs"))).isFalse();
    }

    /** A valid policy that still sets the Peppol payment terms it held until 2026-12-07, on line 3. */
    private static String retiredTerms(String name) {
        return """
                {"name": "%s",
                 "levels": [{"level": 1, "daysAfterDue": 5, "kind": "PAYMENT_REMINDER"}],
                 "defaultPaymentTermsDays": 45,
                 "creditor": {"name": "Stålhandel Norr AB", "country": "SE", "paymentInstructions": "Bankgiro 5050-1055",
                   "disputeContact": "reskontra@stalhandel.example", "defaultPaymentTermsDays": 45}}
                """.formatted(name);
    }

    @Test
    void aFieldNoLongerReadIsReportedWithWhereItWentAndThePolicyIsStillUsed() throws IOException {
        Files.delete(root.resolve("config/reference-rates.txt"));
        Files.delete(root.resolve("config/exchange-rates.txt"));
        Files.writeString(root.resolve("config/reminder-policy.json"), retiredTerms("company"));
        Files.writeString(root.resolve("config/policies/key-accounts.json"), retiredTerms("key accounts"));
        FileObjectStore store = new FileObjectStore(root);
        OperatorFiles.Validation validation = new OperatorFiles(store, StandaloneReminders.reminders(store), SampleDay.CLOCK).validate();
        String[] printed = new String[1];
        ReminderRun.Report report = run(printed);

        // Only the top level's field is the retired one: the creditor's is an unknown field, ignored as ever.
        List<String> expected = List.of("config/reminder-policy.json:3 $.defaultPaymentTermsDays",
                "config/policies/key-accounts.json:3 $.defaultPaymentTermsDays");
        assertThat(validation.runWouldStop()).isFalse();
        assertThat(validation.problems()).extracting(OperatorFilesTest::where).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.stopped()).isNull();
        assertThat(report.operatorFiles()).extracting(OperatorFilesTest::where).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.operatorFiles()).allSatisfy(p -> assertThat(p.why()).isEqualTo("$.defaultPaymentTermsDays is "
                + "no longer read (since 2026-12-07): a Peppol invoice without a due date is due after the deployment's "
                + "creditguard.intake.default-payment-terms-days (environment CREDITGUARD_INTAKE_DEFAULT_PAYMENT_TERMS_DAYS, "
                + "30 days unless set); set it there and remove the field here"));
        // Both policies are used: each customer's invoice, 20 days overdue, is at level 1 of its policy.
        assertThat(report.customerPolicies()).containsExactly("key-accounts");
        assertThat(report.skipped()).doesNotContainKey(ReminderEngine.SkipReason.POLICY_UNAVAILABLE);
        assertThat(report.dunned()).containsEntry(ReminderPolicy.Kind.PAYMENT_REMINDER, 2L);
        assertThat(printed[0]).contains("\"File\":\"config/reminder-policy.json\"")
                .contains("\"File\":\"config/policies/key-accounts.json\"");
        synchronized (errors) {
            assertThat(errors).extracting(LogRecord::getMessage)
                    .anySatisfy(m -> assertThat(m).startsWith("config/reminder-policy.json:3: $.defaultPaymentTermsDays"))
                    .anySatisfy(m -> assertThat(m).startsWith("config/policies/key-accounts.json:3: $.defaultPaymentTermsDays"));
        }
    }

    @Test
    void aPolicyWithoutRetiredFieldsHasNothingLeftOut() throws IOException {
        Files.writeString(root.resolve("config/reminder-policy.json"), retiredTerms("company")
                .replace(" \"defaultPaymentTermsDays\": 45,\n", ""));
        FileObjectStore store = new FileObjectStore(root);

        assertThat(StandaloneReminders.reminders(store).policies().companyPolicy(store))
                .isInstanceOfSatisfying(ReminderPolicies.Usable.class, u -> assertThat(u.leftOut()).isEmpty());
    }

    private List<String> letterTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String name : files("letters")) {
            if (name.endsWith(".txt")) {
                texts.add(Files.readString(root.resolve("letters").resolve(name)));
            }
        }
        return texts;
    }

    private List<String> files(String folder) throws IOException {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
