package io.creditguard.reminders;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.creditguard.reference.Jurisdictions;
import io.creditguard.reference.Language;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.reminders.ReminderEngine.Balance;
import io.creditguard.reminders.ReminderEngine.DunningLetter;
import io.creditguard.reminders.ReminderEngine.InsurerReport;
import io.creditguard.format.LetterFormat;
import io.creditguard.templates.LetterPdf;
import io.creditguard.templates.Templates;

/**
 * Renders the day's letters in the customer's language ({@link #language}): a statement of every invoice
 * the letter is about, as plain text and the same letter as HTML for e-mail and as PDF to archive, print
 * or attach, and the insurer's report in the creditor's language. Every word a letter prints is in its
 * language: the templates' in {@code templates/letters/}, fee names in {@code reference/fee-labels.txt},
 * legal bases in {@code reference/legal-bases.txt} (the statute's citation as cited), the words around
 * amounts in {@code reference/letter-texts.txt}. The first line of a rendered letter is its subject.
 */
@ApplicationScoped
public class Letters {

    public record Letter(String language, String subject, String text, String html) {
    }

    /** A fee label's key: its code and the law it names the fee under, or empty for any law. */
    private record LabelKey(FeeCode code, Optional<String> law) {
    }

    /** fee-labels.txt's word in the {@code law} column for a label under any law. */
    private static final String ANY_LAW = "*";

    private static final Map<LabelKey, ReferenceTable.Row> FEE_LABELS = ReferenceTable.load("fee-labels.txt").rows().stream()
            .collect(Collectors.toUnmodifiableMap(r -> new LabelKey(r.enumValue("code", FeeCode.class), law(r)), r -> r));
    private final Templates templates;

    public Letters(Templates templates) {
        this.templates = templates;
    }

    /**
     * The language of a letter to a customer who reads {@code customerLanguage} under {@code law}: Swedish,
     * Dutch or English as the customer reads; German where German law applies and the customer reads German
     * (the legal bases are written in German for German law only); English otherwise: the languages a law's
     * letters may be written in are its {@code letterLanguages} in jurisdictions.txt.
     */
    public static String language(String customerLanguage, Jurisdictions.Law law) {
        return Language.parse(customerLanguage).filter(law.letterLanguages()::contains).orElse(Language.EN).code();
    }

    /** The row's law, checked against jurisdictions.txt at load; empty for {@value #ANY_LAW}, any law. */
    private static Optional<String> law(ReferenceTable.Row row) {
        String cell = row.text("law");
        return cell.equals(ANY_LAW) ? Optional.empty() : Optional.of(Jurisdictions.standard().require(cell, row.location()));
    }

    /** The statement as a letter; {@code asOf} is its date. */
    public Letter render(Statements.Statement statement, ReminderPolicy policy, LocalDate asOf) {
        String template = statement.kind() == ReminderPolicy.Kind.PRE_DUE_NOTICE ? "pre-due-notice" : "statement";
        return letter(statement.language(), templates.renderTitled("letters/" + template + "." + statement.language()
                + ".txt", model(statement, policy, asOf)));
    }

    /**
     * {@code letter} as a PDF, the footer of each page naming the creditor, their address and how to pay.
     * The first call on a thread parses the fonts; see {@link LetterPdf}.
     */
    public byte[] pdf(Letter letter, ReminderPolicy policy) {
        ReminderPolicy.Creditor creditor = policy.creditor();
        String sender = creditor.address() == null ? creditor.name()
                : creditor.name() + " · " + String.join(" · ", lines(creditor.address()));
        return LetterPdf.render(letter.language(), letter.subject(), letter.text(),
                new LetterPdf.Footer(sender, creditor.paymentInstructions()));
    }

    /** The report to the insurer, in the creditor's language. */
    public Letter render(InsurerReport report, ReminderPolicy policy) {
        String language = policy.creditorLanguage();
        LetterFormat f = new LetterFormat(language);
        ReminderPolicy.Insurer insurer = policy.insurer();
        LetterModel.Insurer model = new LetterModel.Insurer(insurer == null ? null : insurer.name(),
                insurer == null || insurer.notification() == null ? null : insurer.notification().policyNumber(),
                policy.creditor().name(), report.customer().name(), report.invoiceNumber(), f.date(report.issueDate()),
                f.date(report.dueDate()), report.daysOverdue(), f.money(report.openAmount()), f.date(report.deadline()));
        return letter(language, templates.renderTitled("letters/insurer-notification." + language + ".txt", model));
    }

    private Letter letter(String language, Templates.Titled titled) {
        List<List<String>> paragraphs = Arrays.stream(titled.body().split("\n\\s*\n"))
                .map(p -> List.of(p.strip().split("\n"))).toList();
        String html = templates.template("letters/letter.html").data("language", language)
                .data("subject", titled.subject()).data("paragraphs", paragraphs).render();
        return new Letter(language, titled.subject(), titled.body(), html);
    }

    private LetterModel model(Statements.Statement s, ReminderPolicy policy, LocalDate asOf) {
        String language = s.language();
        LetterFormat f = new LetterFormat(language);
        String law = s.governingLaw().country();
        List<LetterModel.Line> lines = s.invoices().stream().map(l -> line(l, f, language, law, asOf)).toList();
        ReminderPolicy.Creditor creditor = policy.creditor();
        return new LetterModel(s.template(), f.date(asOf),
                new LetterModel.Party(creditor.name(), lines(creditor.address())),
                new LetterModel.Party(s.customer().name(), lines(s.customer().address())), lines,
                s.invoices().stream().map(l -> l.line().invoiceNumber()).collect(Collectors.joining(", ")),
                f.money(s.total()), f.date(s.payBy()), creditor.paymentInstructions(), creditor.disputeContact(),
                f.country(law), s.governingLaw().basis().name(),
                s.collectionCostsIfUnpaid() == null ? null : f.money(s.collectionCostsIfUnpaid()),
                s.noticeTermEnds() == null ? null : f.date(s.noticeTermEnds()),
                lines.stream().allMatch(l -> l.paymentReference() != null));
    }

    private LetterModel.Line line(DunningLetter letter, LetterFormat f, String language, String law, LocalDate asOf) {
        ReminderEngine.InvoiceLine l = letter.line();
        Balance b = l.balance();
        ReminderEngine.InterestView interest = b.interest();
        boolean hasInterest = interest.accrued().isPositive();
        return new LetterModel.Line(l.invoiceNumber(), f.date(l.issueDate()),
                f.date(l.dueDateAdjustedTo() != null ? l.dueDateAdjustedTo() : l.dueDate()), l.daysOverdue(),
                f.money(b.amount()), b.credited().isPositive() ? f.money(b.credited()) : null,
                b.payments().stream().map(p -> new LetterModel.PaymentLine(f.date(p.date()), f.money(p.amount()),
                        f.applied(p.toCosts(), p.toInterest(), p.toPrincipal()))).toList(),
                f.money(b.principal()), hasInterest, hasInterest ? f.money(interest.outstanding()) : null,
                interest.paid().isPositive() ? f.money(interest.paid()) : null, interest.legalBasis(),
                interest.periods().stream().filter(p -> p.ratePercent() != null)
                        .map(p -> new LetterModel.InterestLine(f.date(p.from()), f.date(p.to()), p.days(),
                                f.percent(p.ratePercent()), f.money(p.base()), f.money(p.amount())))
                        .toList(),
                interest.periods().stream().filter(p -> p.ratePercent() == null).findFirst().map(p -> f.date(p.from()))
                        .orElse(null),
                l.defaultFrom() == null ? null : f.date(l.defaultFrom()), l.defaultFrom() != null && l.defaultFrom().isAfter(asOf),
                l.defaultBasis() == null ? null : l.defaultBasis().legalBasis(),
                b.fees().stream().map(fee -> new LetterModel.FeeLine(label(fee.code(), law, language), f.money(fee.amount()),
                        fee.legalBasis(), fee.conversion() == null ? null : f.conversion(fee.conversion()))).toList(),
                f.money(b.total()), l.paymentReference());
    }

    private static List<String> lines(String address) {
        return address == null || address.isBlank() ? List.of() : List.of(address.strip().split("\n"));
    }

    private String label(FeeCode code, String law, String language) {
        ReferenceTable.Row row = FEE_LABELS.getOrDefault(new LabelKey(code, Optional.of(law)),
                FEE_LABELS.get(new LabelKey(code, Optional.empty())));
        return row == null ? code.name() : row.text(language);
    }
}
