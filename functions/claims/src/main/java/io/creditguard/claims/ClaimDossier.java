package io.creditguard.claims;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.creditguard.claims.ClaimAssessment.DebtView;
import io.creditguard.claims.ClaimRequest.DocumentType;
import io.creditguard.money.Money;
import io.creditguard.reference.ReferenceTable;
import io.creditguard.format.LetterFormat;
import io.creditguard.templates.LetterPdf;
import io.creditguard.templates.Templates;

/**
 * The claim as the insurer receives it: a structured record of the insured debts, amounts, dates and
 * enclosures, and a cover letter in Swedish or English that lists the same, as text and as PDF.
 */
public final class ClaimDossier {

    private static final Map<DocumentType, ReferenceTable.Row> DOCUMENT_LABELS = documentLabels(
            ReferenceTable.load("claim-documents.txt"));

    public record Dossier(Claim claim, CoverLetter coverLetter) {
    }

    public record Claim(String insurer, String policyNumber, ClaimRequest.Buyer buyer, ClaimAssessment.Trigger trigger,
            LocalDate insolvencyOn, LocalDate overdueNotifiedOn, List<ClaimedDebt> debts, Money claimedAmount,
            Money expectedIndemnity, List<DocumentType> enclosures, List<DocumentType> stillMissing) {
    }

    public record ClaimedDebt(String invoiceId, LocalDate dueDate, Money amount) {
    }

    /** @param pdf the letter as an A4 PDF to send or file with the claim (base64 in JSON) */
    public record CoverLetter(String language, String subject, String text, byte[] pdf) {
    }

    /** What the cover letter template reads, formatted for its language. */
    public record LetterModel(String insurer, String policyNumber, String buyerName, String buyerRegistration,
            String buyerCountry, boolean insolvency, String eventDate, List<Line> debts, String total, String indemnity,
            List<String> enclosures, List<String> missing, String policyholder) {

        public record Line(String invoiceId, String dueDate, String amount) {
        }
    }

    private ClaimDossier() {
    }

    public static Dossier of(Templates templates, ClaimAssessment.Input in, ClaimAssessment.Result result,
            String language) {
        List<DebtView> insured = result.debts().stream().filter(DebtView::insured).toList();
        LocalDate insolvencyOn = in.events().stream().filter(e -> e.type() == ClaimRequest.EventType.INSOLVENCY
                || e.type() == ClaimRequest.EventType.BANKRUPTCY || e.type() == ClaimRequest.EventType.COMPOSITION)
                .map(ClaimAssessment.EventInput::date).min(LocalDate::compareTo).orElse(null);
        LocalDate notifiedOn = in.events().stream().filter(e -> e.type() == ClaimRequest.EventType.OVERDUE_NOTIFIED)
                .map(ClaimAssessment.EventInput::date).min(LocalDate::compareTo).orElse(null);
        // The claim names each covered debt in full; the insurer applies the credit limit, as the indemnity shows.
        Money claimed = insured.stream().map(DebtView::openAmount).reduce(Money.zero(in.terms().currency()), Money::plus);
        List<DocumentType> enclosures = in.documents().stream().distinct().sorted().toList();
        Claim claim = new Claim(in.terms().insurer(), in.terms().policyNumber(), in.buyer(), result.trigger(), insolvencyOn,
                notifiedOn, insured.stream().map(d -> new ClaimedDebt(d.invoiceId(), d.dueDate(), d.openAmount())).toList(),
                claimed, result.indemnity().amount(), enclosures, result.missingDocuments());

        LetterFormat f = new LetterFormat(language);
        LetterModel model = new LetterModel(in.terms().insurer(), in.terms().policyNumber(), in.buyer().name(),
                in.buyer().registrationNumber(), in.buyer().country(), insolvencyOn != null,
                insolvencyOn != null ? f.date(insolvencyOn) : notifiedOn != null ? f.date(notifiedOn) : null,
                insured.stream().map(d -> new LetterModel.Line(d.invoiceId(), f.date(d.dueDate()), f.money(d.openAmount())))
                        .toList(),
                f.money(claimed), f.money(result.indemnity().amount()),
                enclosures.stream().map(d -> label(d, language)).toList(),
                result.missingDocuments().stream().map(d -> label(d, language)).toList(),
                in.terms().policyholder().orElse(null));
        Templates.Titled letter = templates.renderTitled("claims/cover-letter." + language + ".txt", model);
        String sender = in.terms().policyholder().orElse(in.terms().insurer());
        byte[] pdf = LetterPdf.render(language, letter.subject(), letter.body(),
                new LetterPdf.Footer(sender, in.terms().insurer() + ", " + in.terms().policyNumber()));
        return new Dossier(claim, new CoverLetter(language, letter.subject(), letter.body(), pdf));
    }

    private static String label(DocumentType type, String language) {
        return DOCUMENT_LABELS.get(type).text(language);
    }

    /**
     * @throws ReferenceTable.Fault naming the file and line of a code that is no {@link DocumentType}, or the file
     *     when a type has no row
     */
    private static Map<DocumentType, ReferenceTable.Row> documentLabels(ReferenceTable table) {
        Map<DocumentType, ReferenceTable.Row> labels = table.rows().stream().collect(Collectors.toUnmodifiableMap(
                r -> r.enumValue("code", DocumentType.class), r -> r));
        for (DocumentType type : DocumentType.values()) {
            if (!labels.containsKey(type)) {
                throw new IllegalStateException(table.name() + " has no line for " + type);
            }
        }
        return labels;
    }
}
