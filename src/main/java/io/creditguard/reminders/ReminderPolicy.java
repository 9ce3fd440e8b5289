package io.creditguard.reminders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.creditguard.http.FieldErrors;
import io.creditguard.http.Json;
import io.creditguard.receivables.Invoice;

/**
 * A dunning policy as data, in the style of an overdue engine: ordered levels, each reached a
 * number of days after the due date, matched first-come over the levels not yet sent, so an
 * invoice climbs one level per letter and never skips one. Around the levels: a grace period, a
 * minimum gap between letters, minimum amounts, and the credit insurer's reporting deadline.
 * A default ships in {@code policies/default-reminder-policy.json}; a request or the run's
 * configuration may replace it whole. Absent optional settings take the defaults documented here.
 *
 * @param graceDays days after the due date before the first letter may go (default 0)
 * @param minimumDaysBetween days that must pass between two letters to one invoice (default 10)
 * @param minimumAmounts per currency, the open amount below which no letter is sent
 * @param shiftDueDateToBusinessDay move a due date on a weekend or public holiday to the next
 *     business day (default true; lag 1930:173, Algemene termijnenwet)
 * @param letterDeliveryDays days a posted letter is assumed to take to arrive (default 2); the Dutch
 *     14-day term runs from the day after receipt (HR 25-11-2016, ECLI:NL:HR:2016:2704)
 * @param referenceRates rates that take precedence over reference-rates.txt, e.g. for a half-year
 *     the shipped file does not yet have
 */
public record ReminderPolicy(
        @NotBlank(message = "is required") @Size(max = 100) String name,
        @Size(max = 64) String timeZone,
        @Min(0) @Max(90) Integer graceDays,
        @Min(0) @Max(365) Integer minimumDaysBetween,
        @Size(max = 50) Map<Currency, @NotNull @PositiveOrZero BigDecimal> minimumAmounts,
        Boolean shiftDueDateToBusinessDay,
        @Min(0) @Max(30) Integer letterDeliveryDays,
        @NotEmpty(message = "must name at least one level") @Size(max = 12) List<@NotNull @Valid Level> levels,
        @Valid Insurer insurer,
        @Valid Creditor creditor,
        @Size(max = 50) List<@NotNull @Valid RateOverride> referenceRates) {

    public enum Action {
        REMINDER, FINAL_NOTICE, COLLECTION_HANDOFF, INSURER_NOTIFICATION
    }

    /**
     * @param fee a fee code of late-payment-fees.txt this level asks for (REMINDER_FEE); the law
     *     still decides whether and how much
     * @param template the letter: reminder, final-notice or collection-handoff (default by action)
     */
    public record Level(@Min(1) @Max(99) int level, @Min(1) @Max(730) int daysAfterDue,
            @NotNull(message = "is required") Action action, @Min(1) @Max(60) Integer payWithinDays,
            @Size(max = 40) @Pattern(regexp = "[A-Z_]*", message = "must be a fee code such as REMINDER_FEE") String fee,
            @Pattern(regexp = "reminder|final-notice|collection-handoff", message = "must be reminder, final-notice or collection-handoff") String template) {

        public int payWithin() {
            return payWithinDays == null ? 10 : payWithinDays;
        }

        public String letterTemplate() {
            if (template != null) {
                return template;
            }
            return switch (action) {
                case FINAL_NOTICE -> "final-notice";
                case COLLECTION_HANDOFF -> "collection-handoff";
                default -> "reminder";
            };
        }
    }

    /**
     * The credit insurer's reporting rule: report an overdue debt within {@code overdueNotificationDays}
     * of its original due date. The run reports it {@code notifyAfterDays} after the due date and
     * warns from {@code warningDays} before the deadline.
     */
    public record Insurer(@NotBlank(message = "is required") @Size(max = 100) String name,
            @Min(1) @Max(365) int overdueNotificationDays, @Min(1) @Max(365) int notifyAfterDays,
            @Min(0) @Max(60) Integer warningDays) {

        public int warnWithin() {
            return warningDays == null ? 7 : warningDays;
        }
    }

    /**
     * Who sends the letters, how customers pay and where they dispute.
     *
     * @param language the creditor's own language (sv, nl or en; default en), for insurer notifications
     */
    public record Creditor(@NotBlank(message = "is required") @Size(max = 200) @Pattern(regexp = Invoice.Text.SINGLE_LINE, message = Invoice.Text.SINGLE_LINE_MESSAGE) String name,
            @NotBlank(message = "is required") @Size(max = 500) String paymentInstructions,
            @NotBlank(message = "is required") @Size(max = 300) String disputeContact,
            @Pattern(regexp = "sv|nl|en", message = "must be sv, nl or en") String language) {
    }

    /** The language of letters to the insurer: the creditor's. */
    public String creditorLanguage() {
        return creditor == null || creditor.language() == null ? "en" : creditor.language();
    }

    public record RateOverride(@NotBlank(message = "is required") @Size(max = 40) String scheme,
            @NotNull(message = "is required") LocalDate validFrom, @NotNull(message = "is required") LocalDate validTo,
            @NotNull(message = "is required") @DecimalMin("-10") @DecimalMax("50") BigDecimal ratePercent) {
    }

    /** The policy that ships with the product. */
    public static ReminderPolicy standard() {
        try (InputStream in = ReminderPolicy.class.getClassLoader()
                .getResourceAsStream("policies/default-reminder-policy.json")) {
            if (in == null) {
                throw new IllegalStateException("policies/default-reminder-policy.json is not on the class path");
            }
            ReminderPolicy policy = Json.MAPPER.readValue(in, ReminderPolicy.class);
            FieldErrors errors = new FieldErrors();
            policy.checkConsistency("$", errors);
            errors.throwIfAny();
            return policy;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the default reminder policy", e);
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone == null ? "Europe/Stockholm" : timeZone);
    }

    public int grace() {
        return graceDays == null ? 0 : graceDays;
    }

    public int gapBetweenLetters() {
        return minimumDaysBetween == null ? 10 : minimumDaysBetween;
    }

    public boolean shiftsDueDates() {
        return shiftDueDateToBusinessDay == null || shiftDueDateToBusinessDay;
    }

    public int deliveryDays() {
        return letterDeliveryDays == null ? 2 : letterDeliveryDays;
    }

    public Optional<BigDecimal> minimumAmount(Currency currency) {
        return minimumAmounts == null ? Optional.empty() : Optional.ofNullable(minimumAmounts.get(currency));
    }

    public Optional<Level> level(int number) {
        return levels.stream().filter(l -> l.level() == number).findFirst();
    }

    public List<ReferenceRates.Rate> rateOverrides() {
        return referenceRates == null ? List.of() : referenceRates.stream()
                .map(r -> new ReferenceRates.Rate(r.scheme(), r.validFrom(), r.validTo(), r.ratePercent(), "policy " + name))
                .toList();
    }

    /** What annotations cannot say: a valid zone, levels strictly rising, a coherent insurer rule. */
    public void checkConsistency(String path, FieldErrors errors) {
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                errors.add(path + ".timeZone", "must be a time-zone id such as Europe/Stockholm");
            }
        }
        if (levels != null) {
            Set<Integer> numbers = new HashSet<>();
            for (int i = 0; i < levels.size(); i++) {
                Level level = levels.get(i);
                if (level == null) {
                    continue;
                }
                String at = path + ".levels[" + i + "]";
                if (!numbers.add(level.level())) {
                    errors.add(at + ".level", "is used twice");
                }
                if (level.action() == Action.INSURER_NOTIFICATION) {
                    errors.add(at + ".action", "INSURER_NOTIFICATION is not a dunning level; set policy.insurer instead");
                }
                Level previous = i > 0 ? levels.get(i - 1) : null;
                if (previous != null && (level.level() <= previous.level() || level.daysAfterDue() <= previous.daysAfterDue())) {
                    errors.add(at, "levels must rise in order: level and daysAfterDue both above the previous level's");
                }
            }
        }
        if (insurer != null && insurer.notifyAfterDays() > insurer.overdueNotificationDays()) {
            errors.add(path + ".insurer.notifyAfterDays", "must not be after overdueNotificationDays ("
                    + insurer.overdueNotificationDays() + "), or the report is always late");
        }
        if (referenceRates != null) {
            for (int i = 0; i < referenceRates.size(); i++) {
                RateOverride r = referenceRates.get(i);
                if (r != null && r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
                    errors.add(path + ".referenceRates[" + i + "].validTo", "must not be before validFrom");
                }
            }
        }
    }
}
