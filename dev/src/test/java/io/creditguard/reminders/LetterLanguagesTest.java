package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.creditguard.Standalone;
import io.creditguard.claims.ClaimsFunction;
import io.creditguard.http.RouteFuzzing;
import io.creditguard.json.Json;
import io.creditguard.receivables.Invoice;
import io.creditguard.receivables.Invoice.CustomerType;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.store.FileObjectStore;

/**
 * Every letter in one language: each kind (the notice before the due date, the reminder, the final notice,
 * the inkassokrav, the hand-off to collection, the Dutch consumer's 14-day letter, the insurer's
 * notification, the claim's cover letter) rendered in each language under each law it may be written under,
 * with a part payment, interest, fees and a converted fixed sum where the law has them, checked against
 * words of the other languages that a letter in its own never writes; the statutes' citations, which stay
 * as cited, are not read. German letters go out under German law only. Then the sample run: no English word
 * in a Swedish letter.
 */
class LetterLanguagesTest {

    /** Words of each language, whole and case-sensitive, that the other languages' letters do not use. */
    private static final Map<String, List<String>> WORDS = Map.of(
            "sv", List.of("och", "att", "faktura", "fakturan", "fakturor", "betala", "ränta", "dagar", "avgift", "inte",
                    "enligt", "belopp", "senast", "sedan", "förföll", "till", "vänliga", "kapital"),
            "nl", List.of("het", "van", "een", "factuur", "facturen", "betalen", "rente", "niet", "voor", "uw",
                    "wij", "bedrag", "hoofdsom", "uiterlijk", "kosten", "betaald", "groet"),
            "en", List.of("the", "and", "invoice", "invoices", "interest", "days", "paid", "please", "payment", "fee",
                    "reminder", "compensation", "costs", "amount", "principal", "total", "overdue", "due", "which", "within",
                    "rate", "converted", "law", "agreed", "sincerely", "regards"),
            "de", List.of("und", "der", "das", "Rechnung", "Rechnungen", "Zinsen", "Tage", "Tagen", "nicht", "für", "Sie",
                    "wir", "Betrag", "bitte", "Forderung", "zahlen", "auf", "bis", "vom", "noch", "freundlichen"));
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final String LEVELS = """
            "levels": [
              {"level": 1, "daysAfterDue": -5, "kind": "PRE_DUE_NOTICE"},
              {"level": 2, "daysAfterDue": 5,  "kind": "PAYMENT_REMINDER", "fee": "REMINDER_FEE"},
              {"level": 3, "daysAfterDue": 20, "kind": "FINAL_NOTICE"},
              {"level": 4, "daysAfterDue": 35, "kind": "INKASSOKRAV"},
              {"level": 5, "daysAfterDue": 50, "kind": "COLLECTION_HANDOFF"}],
            "exchangeRates": [{"currency": "SEK", "date": "2025-03-18", "perEuro": 11.0},
              {"currency": "NOK", "date": "2025-03-18", "perEuro": 11.5}, {"currency": "DKK", "date": "2025-03-18", "perEuro": 7.46}]""";

    private static final Letters LETTERS = new Letters(Standalone.templates());
    private static final Map<String, String> CURRENCY = Map.of("SE", "EUR", "NL", "EUR", "DE", "EUR", "NO", "EUR", "FI", "EUR",
            "DK", "EUR");

    /** Each language with each law it is written under, and each kind of letter. */
    static Stream<Arguments> letters() {
        List<Arguments> cases = new ArrayList<>();
        for (String language : List.of("sv", "nl", "en", "de")) {
            List<String> laws = language.equals("de") ? List.of("DE") : List.of("SE", "NL", "DE", "NO", "FI", "DK");
            for (String law : laws) {
                for (String kind : List.of("pre-due-notice", "reminder", "final-notice", "inkassokrav", "collection-handoff")) {
                    cases.add(Arguments.of(language, law, kind));
                }
            }
        }
        for (String language : List.of("sv", "nl", "en")) {
            cases.add(Arguments.of(language, "NL", "14-day letter"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} under {1} law: {2}")
    @MethodSource("letters")
    void everyStatementIsWhollyInItsLanguage(String language, String law, String kind) {
        ReminderPolicy policy = TestPolicies.seller(law, "{" + LEVELS + "}");
        boolean consumer = kind.equals("14-day letter");
        String[] sent = switch (kind) {
            case "pre-due-notice", "14-day letter" -> new String[0];
            case "reminder" -> new String[] {"1:2025-03-12"};
            case "final-notice" -> new String[] {"1:2025-03-12", "2:2025-03-22"};
            case "inkassokrav" -> new String[] {"1:2025-03-12", "2:2025-03-22", "3:2025-04-06"};
            default -> new String[] {"1:2025-03-12", "2:2025-03-22", "3:2025-04-06", "4:2025-04-21"};
        };
        String asOf = switch (kind) {
            case "pre-due-notice" -> "2025-03-12";
            case "reminder", "14-day letter" -> "2025-03-24";
            case "final-notice" -> "2025-04-06";
            case "inkassokrav" -> "2025-04-21";
            default -> "2025-05-06";
        };
        TestInvoices invoice = TestInvoices.of(law, consumer ? CustomerType.CONSUMER : CustomerType.BUSINESS,
                CURRENCY.get(law), "5000", "2025-03-17").withFeeAgreed().sent(sent);
        if (!kind.equals("pre-due-notice")) {
            invoice = invoice.paid("2025-03-20", "500");
        }
        Invoice inLanguage = reading(invoice.build(), language);
        ReminderEngine engine = TestPolicies.engine(policy);
        ReminderEngine.DunningLetter due = engine.decide(inLanguage, LocalDate.parse(asOf)).letter()
                .orElseThrow(() -> new AssertionError("no letter on " + asOf));
        List<Statements.Statement> statements = Statements.compose(engine, List.of(due), LocalDate.parse(asOf));
        Letters.Letter letter = LETTERS.render(statements.get(0), policy, LocalDate.parse(asOf));

        assertThat(letter.language()).isEqualTo(language);
        assertOnlyIn(language, letter.subject() + "\n" + letter.text());
        // The statute is cited as cited, the rest in the letter's language.
        due.line().balance().fees().forEach(f -> assertThat(letter.text()).contains(f.legalBasis()));
    }

    @Test
    void theInsurersNotificationIsInTheCreditorsLanguage() {
        for (String language : List.of("sv", "nl", "en", "de")) {
            ReminderPolicy policy = TestPolicies.seller("SE", """
                    {"insurer": {"name": "Nordisk Kreditförsäkring AB", "overdueNotificationDays": 60, "notifyAfterDays": 45,
                       "notification": {"email": "anmalan@kreditforsakring.example", "policyNumber": "KF-2026-0417"}},
                     "creditor": {"name": "Säljare AB", "country": "SE", "paymentInstructions": "Bankgiro 123-4567",
                       "disputeContact": "ekonomi@example.se", "language": "%s"},
                     "delivery": {"from": "reskontra@example.se"}}""".formatted(language));
            Invoice invoice = TestInvoices.of("SE", CustomerType.BUSINESS, "SEK", "96000", "2025-03-17")
                    .sent("1:2025-03-22", "2:2025-04-06", "3:2025-04-21", "4:2025-04-28").build();
            var decision = TestPolicies.engine(policy).decide(invoice, LocalDate.parse("2025-05-10"));
            Letters.Letter letter = LETTERS.render(decision.insurerReport().orElseThrow(), policy);
            assertThat(letter.language()).isEqualTo(language);
            assertOnlyIn(language, letter.subject() + "\n" + letter.text());
            // The finance user's warning (six days to the deadline) is in the creditor's language too.
            assertThat(decision.warnings()).singleElement().satisfies(w -> assertOnlyIn(language, w));
        }
    }

    @Test
    void theClaimsCoverLetterIsInItsLanguage() throws IOException {
        ClaimsFunction claims = Standalone.claims();
        for (String language : List.of("sv", "en")) {
            String body = RouteFuzzing.sampleBody("claims.json").replace("\"language\": \"sv\"", "\"language\": \"" + language
                    + "\"");
            var answer = Json.MAPPER.readTree(claims.handle(RouteFuzzing.post("/claims", body)).getBody());
            var letter = answer.get("dossier").get("coverLetter");
            assertThat(letter.get("language").asText()).isEqualTo(language);
            assertOnlyIn(language, letter.get("subject").asText() + "\n" + letter.get("text").asText());
        }
    }

    @Test
    void theSampleRunWritesEachLetterWhollyInItsLanguage(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("receivables"));
        Files.copy(Path.of("../samples/receivables/sample-book.jsonl"), root.resolve("receivables/book.jsonl"));
        ReminderRun.Report report = new ReminderRun(new FileObjectStore(root), Standalone.reminders(), Standalone.inputs(),
                Standalone.CLOCK).run(Optional.of(LocalDate.parse("2026-11-30")), false);
        assertThat(report.letters()).isPositive();
        int swedish = 0;
        try (Stream<Path> files = Files.list(root.resolve("letters"))) {
            for (Path html : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher lang = Pattern.compile("<html lang=\"([a-z]+)\">").matcher(Files.readString(html));
                assertThat(lang.find()).isTrue();
                String text = Files.readString(Path.of(html.toString().replace(".html", ".txt")));
                assertOnlyIn(lang.group(1), text);
                swedish += lang.group(1).equals("sv") ? 1 : 0;
            }
        }
        assertThat(swedish).isPositive();
    }

    /** The statutes' citations, longest first: they stay as cited in every language, so no word of theirs counts. */
    private static final List<String> CITATIONS = ReferenceTable.load("legal-bases.txt").rows().stream()
            .map(r -> r.text("citation")).distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();

    private static void assertOnlyIn(String language, String letter) {
        String text = letter;
        for (String citation : CITATIONS) {
            text = text.replace(citation, " ");
        }
        List<String> foreign = new ArrayList<>();
        String words = text;
        WORDS.forEach((other, list) -> {
            if (!other.equals(language)) {
                Matcher word = WORD.matcher(words);
                while (word.find()) {
                    if (list.contains(word.group())) {
                        foreign.add(other + " '" + word.group() + "'");
                    }
                }
            }
        });
        assertThat(foreign).as("words of other languages in a letter in %s:%n%s", language, letter).isEmpty();
    }

    private static Invoice reading(Invoice base, String language) {
        Invoice.Customer c = base.customer();
        return new Invoice(base.invoiceId(), base.invoiceNumber(), base.currency(), base.issueDate(), base.dueDate(),
                base.amount(), base.openAmount(), new Invoice.Customer(c.id(), c.name(), c.type(), c.country(), language,
                        c.email(), c.address(), c.governingLaw(), c.policy(), c.paymentTermsAgreed()),
                base.terms(), base.payments(), base.credits(), base.dunning(), base.source(), base.updatedAt());
    }
}
