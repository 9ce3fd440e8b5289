package io.creditguard.reminders;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.creditguard.money.Currencies;
import io.creditguard.money.Money;
import io.creditguard.receivables.Invoice;
import io.creditguard.reference.ReferenceTable;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;

/**
 * Renders a decided reminder as a letter in the customer's language (Swedish, Dutch or English,
 * English when the language is anything else): plain text and the same letter as HTML for e-mail.
 * The wording lives in {@code templates/letters/letter.<language>.txt}; the first line of a rendered
 * letter is its subject. HTML escapes everything it is given, so a customer name cannot inject markup.
 *
 * <p>The engine renders strictly: an expression a template cannot resolve fails the rendering
 * instead of printing nothing, so the letter tests catch a misspelt field in any language.
 */
@ApplicationScoped
public class Letters {

    public static final Set<String> LANGUAGES = Set.of("sv", "nl", "en");

    public record Letter(String language, String subject, String text, String html) {
    }

    private final Engine engine;
    private final Map<String, ReferenceTable.Row> feeLabels;

    Letters() {
        this.engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).addLocator(Letters::classPathTemplate)
                .removeStandaloneLines(true).strictRendering(true).build();
        this.feeLabels = ReferenceTable.load("fee-labels.txt").rows().stream()
                .collect(Collectors.toUnmodifiableMap(r -> r.text("code"), r -> r));
    }

    private static Optional<TemplateLocator.TemplateLocation> classPathTemplate(String id) {
        String resource = "templates/" + id;
        if (Letters.class.getClassLoader().getResource(resource) == null) {
            return Optional.empty();
        }
        Variant variant = new Variant(Locale.ROOT, id.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN, "UTF-8");
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public java.io.Reader read() {
                InputStream in = Letters.class.getClassLoader().getResourceAsStream(resource);
                return new InputStreamReader(in, StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(variant);
            }
        });
    }

    public Letter render(ReminderEngine.Reminder reminder, Invoice invoice, ReminderPolicy policy) {
        String language = reminder.language();
        String rendered = engine.getTemplate("letters/letter." + language + ".txt")
                .data("m", model(reminder, invoice, policy, language)).render();
        String[] subjectAndBody = rendered.strip().split("\n", 2);
        String subject = subjectAndBody[0].strip();
        String text = subjectAndBody.length > 1 ? subjectAndBody[1].strip() + "\n" : "";
        List<List<String>> paragraphs = Arrays.stream(text.split("\n\\s*\n"))
                .map(p -> List.of(p.strip().split("\n"))).toList();
        String html = engine.getTemplate("letters/letter.html").data("language", language).data("subject", subject)
                .data("paragraphs", paragraphs).render();
        return new Letter(language, subject, text, html);
    }

    private LetterModel model(ReminderEngine.Reminder r, Invoice invoice, ReminderPolicy policy, String language) {
        Format f = new Format(language);
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
        return new LetterModel(r.template(), r.level() == null ? 0 : r.level(),
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

    /** Amounts, rates and dates in the letter language's conventions. */
    private static final class Format {
        private final String language;
        private final Locale locale;

        Format(String language) {
            this.language = language;
            this.locale = switch (language) {
                case "sv" -> Locale.forLanguageTag("sv-SE");
                case "nl" -> Locale.forLanguageTag("nl-NL");
                default -> Locale.UK;
            };
        }

        String money(Money money) {
            DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
            int scale = Currencies.minorUnits(money.currency());
            format.setMinimumFractionDigits(scale);
            format.setMaximumFractionDigits(scale);
            String number = format.format(money.amount()).replace('\u00a0', ' ').replace('\u202f', ' ');
            String code = money.currency().getCurrencyCode();
            return language.equals("sv") ? number + " " + code : code + " " + number;
        }

        String percent(BigDecimal percent) {
            DecimalFormat format = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale));
            return format.format(percent) + " %";
        }

        String date(LocalDate date) {
            return switch (language) {
                case "sv" -> date.toString();
                case "nl" -> date.format(DateTimeFormatter.ofPattern("d-M-yyyy"));
                default -> date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
            };
        }
    }
}
