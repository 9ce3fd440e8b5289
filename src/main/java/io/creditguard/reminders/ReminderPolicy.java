package io.creditguard.reminders;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
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

import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.InEra;
import io.creditguard.validation.SingleLine;
import io.creditguard.validation.TimeZoneId;
import io.creditguard.validation.Violations;

/**
 * A dunning policy as data, in the style of an overdue engine: ordered levels, each reached a
 * number of days after the due date, matched first-come over the levels not yet sent, so an
 * invoice climbs one level per letter and never skips one. Around the levels: a grace period, a
 * minimum gap between letters, minimum amounts, and the credit insurer's reporting deadline.
 * A default ships in {@code policies/default-reminder-policy.json}; a request or the run's
 * configuration may replace it whole. Absent settings take the defaults below, applied once, here.
 *
 * @param timeZone where the policy's days are counted (default Europe/Stockholm)
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
@ReminderPolicy.LevelsInOrder
@AmountsFitCurrency
public record ReminderPolicy(
        @NotBlank @Size(max = 100) @SingleLine String name,
        @Size(max = 64) @TimeZoneId String timeZone,
        @Min(0) @Max(90) Integer graceDays,
        @Min(0) @Max(365) Integer minimumDaysBetween,
        @Size(max = 50) Map<Currency, @NotNull @PositiveOrZero BigDecimal> minimumAmounts,
        Boolean shiftDueDateToBusinessDay,
        @Min(0) @Max(30) Integer letterDeliveryDays,
        @NotEmpty @Size(max = 12) List<@NotNull @Valid Level> levels,
        @Valid Insurer insurer,
        @Valid Creditor creditor,
        @Size(max = 50) List<@NotNull @Valid RateOverride> referenceRates) implements AmountsFitCurrency.MoneyFields {

    public ReminderPolicy {
        timeZone = timeZone == null ? "Europe/Stockholm" : timeZone;
        graceDays = graceDays == null ? 0 : graceDays;
        minimumDaysBetween = minimumDaysBetween == null ? 10 : minimumDaysBetween;
        minimumAmounts = minimumAmounts == null ? Map.of() : minimumAmounts;
        shiftDueDateToBusinessDay = shiftDueDateToBusinessDay == null || shiftDueDateToBusinessDay;
        letterDeliveryDays = letterDeliveryDays == null ? 2 : letterDeliveryDays;
        referenceRates = referenceRates == null ? List.of() : referenceRates;
    }

    public enum Action {
        REMINDER, FINAL_NOTICE, COLLECTION_HANDOFF, INSURER_NOTIFICATION
    }

    /**
     * @param payWithinDays days the letter gives to pay (default 10)
     * @param fee a fee code of late-payment-fees.txt this level asks for (REMINDER_FEE); the law
     *     still decides whether and how much
     * @param template the letter: reminder, final-notice or collection-handoff (default by action)
     */
    public record Level(
            @Min(1) @Max(99) int level,
            @Min(1) @Max(730) int daysAfterDue,
            @NotNull Action action,
            @Min(1) @Max(60) Integer payWithinDays,
            @Size(max = 40) @Pattern(regexp = "[A-Z_]*", message = "{io.creditguard.reminders.ReminderPolicy.Level.fee}") String fee,
            @Pattern(regexp = "reminder|final-notice|collection-handoff",
                    message = "{io.creditguard.reminders.ReminderPolicy.Level.template}") String template) {

        public Level {
            payWithinDays = payWithinDays == null ? 10 : payWithinDays;
            if (template == null && action != null) {
                template = switch (action) {
                    case FINAL_NOTICE -> "final-notice";
                    case COLLECTION_HANDOFF -> "collection-handoff";
                    default -> "reminder";
                };
            }
        }
    }

    /**
     * The credit insurer's reporting rule: report an overdue debt within {@code overdueNotificationDays}
     * of its original due date. The run reports it {@code notifyAfterDays} after the due date and
     * warns from {@code warningDays} before the deadline (default 7).
     */
    @Insurer.ReportsInTime
    public record Insurer(
            @NotBlank @Size(max = 100) @SingleLine String name,
            @Min(1) @Max(365) int overdueNotificationDays,
            @Min(1) @Max(365) int notifyAfterDays,
            @Min(0) @Max(60) Integer warningDays) {

        public Insurer {
            warningDays = warningDays == null ? 7 : warningDays;
        }

        /** Reporting after the deadline would always be late. */
        @Documented
        @Target(TYPE)
        @Retention(RUNTIME)
        @Constraint(validatedBy = ReportsInTime.Validator.class)
        public @interface ReportsInTime {

            String message() default "{io.creditguard.reminders.ReminderPolicy.Insurer.ReportsInTime.message}";

            Class<?>[] groups() default {};

            Class<? extends Payload>[] payload() default {};

            final class Validator implements ConstraintValidator<ReportsInTime, Insurer> {
                @Override
                public boolean isValid(Insurer insurer, ConstraintValidatorContext context) {
                    if (insurer == null || insurer.notifyAfterDays() <= insurer.overdueNotificationDays()) {
                        return true;
                    }
                    Violations.add(context, "{io.creditguard.reminders.ReminderPolicy.Insurer.ReportsInTime.message}",
                            Map.of("overdueNotificationDays", insurer.overdueNotificationDays()), "notifyAfterDays");
                    return false;
                }
            }
        }
    }

    /**
     * Who sends the letters, how customers pay and where they dispute.
     *
     * @param language the creditor's own language (sv, nl or en; default en), for insurer notifications
     */
    public record Creditor(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotBlank @Size(max = 500) String paymentInstructions,
            @NotBlank @Size(max = 300) String disputeContact,
            @Pattern(regexp = "sv|nl|en", message = "{io.creditguard.reminders.ReminderPolicy.Creditor.language}")
            String language) {

        public Creditor {
            language = language == null ? "en" : language;
        }
    }

    @RateOverride.InOrder
    public record RateOverride(
            @NotBlank @Size(max = 40) String scheme,
            @NotNull @InEra LocalDate validFrom,
            @NotNull @InEra LocalDate validTo,
            @NotNull @DecimalMin("-10") @DecimalMax("50") BigDecimal ratePercent) {

        /** A period ends on or after the day it starts. */
        @Documented
        @Target(TYPE)
        @Retention(RUNTIME)
        @Constraint(validatedBy = InOrder.Validator.class)
        public @interface InOrder {

            String message() default "{io.creditguard.reminders.ReminderPolicy.RateOverride.InOrder.message}";

            Class<?>[] groups() default {};

            Class<? extends Payload>[] payload() default {};

            final class Validator implements ConstraintValidator<InOrder, RateOverride> {
                @Override
                public boolean isValid(RateOverride rate, ConstraintValidatorContext context) {
                    if (rate == null || rate.validFrom() == null || rate.validTo() == null
                            || !rate.validTo().isBefore(rate.validFrom())) {
                        return true;
                    }
                    Violations.add(context, "{io.creditguard.reminders.ReminderPolicy.RateOverride.InOrder.message}",
                            "validTo");
                    return false;
                }
            }
        }
    }

    /** The language of letters to the insurer: the creditor's. */
    public String creditorLanguage() {
        return creditor == null ? "en" : creditor.language();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Optional<BigDecimal> minimumAmount(Currency currency) {
        return Optional.ofNullable(minimumAmounts.get(currency));
    }

    public Optional<Level> level(int number) {
        return levels.stream().filter(l -> l.level() == number).findFirst();
    }

    public List<ReferenceRates.Rate> rateOverrides() {
        return referenceRates.stream()
                .map(r -> new ReferenceRates.Rate(r.scheme(), r.validFrom(), r.validTo(), r.ratePercent(), "policy " + name))
                .toList();
    }

    @Override
    public List<AmountsFitCurrency.Amount> amounts() {
        List<AmountsFitCurrency.Amount> amounts = new ArrayList<>();
        minimumAmounts.forEach((currency, amount) -> amounts.add(
                new AmountsFitCurrency.Amount(currency, amount, "minimumAmounts", currency.getCurrencyCode())));
        return amounts;
    }

    /**
     * Levels are dunning letters, numbered once each, and rise in order: level and days after the
     * due date both above the previous level's, so first-match over the levels not yet sent never
     * skips one.
     */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = LevelsInOrder.Validator.class)
    public @interface LevelsInOrder {

        String message() default "{io.creditguard.reminders.ReminderPolicy.LevelsInOrder.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<LevelsInOrder, ReminderPolicy> {
            @Override
            public boolean isValid(ReminderPolicy policy, ConstraintValidatorContext context) {
                if (policy == null || policy.levels() == null) {
                    return true;
                }
                boolean valid = true;
                Set<Integer> numbers = new HashSet<>();
                Level previous = null;
                for (int i = 0; i < policy.levels().size(); i++) {
                    Level level = policy.levels().get(i);
                    if (level == null) {
                        continue;
                    }
                    if (!numbers.add(level.level())) {
                        Violations.add(context, "{io.creditguard.reminders.ReminderPolicy.LevelsInOrder.repeated}",
                                "levels", i, "level");
                        valid = false;
                    }
                    if (level.action() == Action.INSURER_NOTIFICATION) {
                        Violations.add(context, "{io.creditguard.reminders.ReminderPolicy.LevelsInOrder.insurer}",
                                "levels", i, "action");
                        valid = false;
                    }
                    if (previous != null && (level.level() <= previous.level()
                            || level.daysAfterDue() <= previous.daysAfterDue())) {
                        Violations.add(context, "{io.creditguard.reminders.ReminderPolicy.LevelsInOrder.message}",
                                "levels", i, "daysAfterDue");
                        valid = false;
                    }
                    previous = level;
                }
                return valid;
            }
        }
    }
}
