package io.creditguard.reminders;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;


import jakarta.enterprise.context.ApplicationScoped;

import io.creditguard.receivables.Invoice;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.templates.LetterFormat;
import io.creditguard.templates.Templates;

/**
 * Renders a decided reminder as a letter in the customer's language (Swedish, Dutch or English,
 * English when the language is anything else): plain text and the same letter as HTML for e-mail.
 * The wording lives in {@code templates/letters/letter.<language>.txt}; the first line of a rendered
 * letter is its subject. Rendering goes through {@link Templates}: escaped HTML, strict expressions.
 */
@ApplicationScoped
public class Letters {

    public static final Set<String> LANGUAGES = Set.of("sv", "nl", "en");

    public record Letter(String language, String subject, String text, String html) {
    }

    private final Map<String, ReferenceTable.Row> feeLabels;
    private final Templates templates;

    public Letters(Templates templates) {
        this.templates = templates;
        this.feeLabels = ReferenceTable.load("fee-labels.txt").rows().stream()
                .collect(Collectors.toUnmodifiableMap(r -> r.text("code"), r -> r));
    }

    public Letter render(ReminderEngine.Reminder reminder, Invoice invoice, ReminderPolicy policy) {
        String language = reminder.language();
        Templates.Titled letter = templates.renderTitled("letters/letter." + language + ".txt",
                model(reminder, invoice, policy, language));
        String subject = letter.subject();
        String text = letter.body();
        List<List<String>> paragraphs = Arrays.stream(text.split("\n\\s*\n"))
                .map(p -> List.of(p.strip().split("\n"))).toList();
        String html = templates.template("letters/letter.html").data("language", language).data("subject", subject)
                .data("paragraphs", paragraphs).render();
        return new Letter(language, subject, text, html);
    }

    private LetterModel model(ReminderEngine.Reminder r, Invoice invoice, ReminderPolicy policy, String language) {
        LetterFormat f = new LetterFormat(language);
        ReminderEngine.InterestView interest = r.interest();
        boolean hasInterest = interest != null && interest.amount().isPositive();
        List<LetterModel.InterestLine> lines = interest == null ? List.of() : interest.periods().stream()
                .filter(p -> p.ratePercent() != null)
                .map(p -> new LetterModel.InterestLine(f.date(p.from()), f.date(p.to()), f.percent(p.ratePercent()),
                        p.days(), f.money(p.amount())))
                .toList();
        List<LetterModel.FeeLine> fees = r.fees().stream().map(fee -> new LetterModel.FeeLine(
                label(fee.code(), language), f.money(fee.amount()), fee.legalBasis())).toList();
        ReminderPolicy.Creditor creditor = policy.creditor();
        return new LetterModel(r.template(),
                creditor == null ? "" : creditor.name(), r.customerName(), invoice.customer().address(), r.invoiceNumber(),
                f.date(invoice.issueDate()),
                f.date(r.dueDateAdjustedTo() != null ? r.dueDateAdjustedTo() : r.dueDate()), r.daysOverdue(),
                f.money(r.openAmount()), hasInterest, hasInterest ? f.money(interest.amount()) : null,
                interest == null ? null : interest.legalBasis(), lines, interest == null ? null : interest.periods().stream()
                        .filter(p -> p.ratePercent() == null).findFirst().map(p -> f.date(p.from())).orElse(null),
                fees, f.money(r.totalDue()), r.payBy() == null ? null : f.date(r.payBy()),
                creditor == null ? "" : creditor.paymentInstructions(), creditor == null ? "" : creditor.disputeContact(),
                r.collectionCostsIfUnpaid() == null ? null : f.money(r.collectionCostsIfUnpaid()),
                policy.insurer() == null ? null : policy.insurer().name(),
                r.insurerNotificationDeadline() == null ? null : f.date(r.insurerNotificationDeadline()));
    }

    private String label(String code, String language) {
        ReferenceTable.Row row = feeLabels.get(code);
        return row == null ? code : row.text(language);
    }
}
