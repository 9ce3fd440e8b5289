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
import java.util.regex.Pattern;

import io.creditguard.http.Checked;
import io.creditguard.http.Checks;
import io.creditguard.http.FieldErrors;
import io.creditguard.http.Json;

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
        String name,
        String timeZone,
        Integer graceDays,
        Integer minimumDaysBetween,
        Map<Currency, BigDecimal> minimumAmounts,
        Boolean shiftDueDateToBusinessDay,
        Integer letterDeliveryDays,
        List<Level> levels,
        Insurer insurer,
        Creditor creditor,
        List<RateOverride> referenceRates) implements Checked {

    private static final Pattern FEE_CODE = Pattern.compile("[A-Z_]*");
    private static final Pattern TEMPLATE = Pattern.compile("reminder|final-notice|collection-handoff");
    private static final Pattern LANGUAGE = Pattern.compile("sv|nl|en");

    /** Each field's rules, then those between fields. */
    @Override
    public void check(Checks checks) {
        checks.text("name", name).required().maxLength(100);
        checks.text("timeZone", timeZone).maxLength(64);
        checks.number("graceDays", graceDays).atLeast(0).atMost(90);
        checks.number("minimumDaysBetween", minimumDaysBetween).atLeast(0).atMost(365);
        checks.amountsByKey("minimumAmounts", minimumAmounts, 50);
        checks.number("letterDeliveryDays", letterDeliveryDays).atLeast(0).atMost(30);
        checks.nonEmptyList("levels", levels, 12, "must name at least one level");
        checks.nested("insurer", insurer);
        checks.nested("creditor", creditor);
        checks.list("referenceRates", referenceRates, 0, 50);
        checkTogether(checks);
    }

    public enum Action {
        REMINDER, FINAL_NOTICE, COLLECTION_HANDOFF, INSURER_NOTIFICATION
    }

    /**
     * @param fee a fee code of late-payment-fees.txt this level asks for (REMINDER_FEE); the law
     *     still decides whether and how much
     * @param template the letter: reminder, final-notice or collection-handoff (default by action)
     */
    public record Level(int level, int daysAfterDue, Action action, Integer payWithinDays, String fee, String template)
            implements Checked {

        @Override
        public void check(Checks checks) {
            checks.number("level", level).atLeast(1).atMost(99);
            checks.number("daysAfterDue", daysAfterDue).atLeast(1).atMost(730);
            checks.required("action", action);
            checks.number("payWithinDays", payWithinDays).atLeast(1).atMost(60);
            checks.text("fee", fee).maxLength(40).matches(FEE_CODE, "must be a fee code such as REMINDER_FEE");
            checks.text("template", template)
                    .matches(TEMPLATE, "must be reminder, final-notice or collection-handoff");
        }

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
    public record Insurer(String name, int overdueNotificationDays, int notifyAfterDays, Integer warningDays)
            implements Checked {

        @Override
        public void check(Checks checks) {
            checks.text("name", name).required().maxLength(100);
            checks.number("overdueNotificationDays", overdueNotificationDays).atLeast(1).atMost(365);
            checks.number("notifyAfterDays", notifyAfterDays).atLeast(1).atMost(365);
            checks.number("warningDays", warningDays).atLeast(0).atMost(60);
        }

        public int warnWithin() {
            return warningDays == null ? 7 : warningDays;
        }
    }

    /**
     * Who sends the letters, how customers pay and where they dispute.
     *
     * @param language the creditor's own language (sv, nl or en; default en), for insurer notifications
     */
    public record Creditor(String name, String paymentInstructions, String disputeContact, String language)
            implements Checked {

        @Override
        public void check(Checks checks) {
            checks.text("name", name).required().maxLength(200).singleLine();
            checks.text("paymentInstructions", paymentInstructions).required().maxLength(500);
            checks.text("disputeContact", disputeContact).required().maxLength(300);
            checks.text("language", language).matches(LANGUAGE, "must be sv, nl or en");
        }
    }

    /** The language of letters to the insurer: the creditor's. */
    public String creditorLanguage() {
        return creditor == null || creditor.language() == null ? "en" : creditor.language();
    }

    public record RateOverride(String scheme, LocalDate validFrom, LocalDate validTo, BigDecimal ratePercent)
            implements Checked {

        @Override
        public void check(Checks checks) {
            checks.text("scheme", scheme).required().maxLength(40);
            checks.required("validFrom", validFrom);
            checks.required("validTo", validTo);
            checks.number("ratePercent", ratePercent).required().atLeast(-10).atMost(50);
        }
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
            Checks.check(policy, "$", errors);
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

    /** What spans fields: a valid zone, levels strictly rising, a coherent insurer rule. */
    private void checkTogether(Checks checks) {
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                checks.fail("timeZone", "must be a time-zone id such as Europe/Stockholm");
            }
        }
        if (levels != null) {
            Set<Integer> numbers = new HashSet<>();
            for (int i = 0; i < levels.size(); i++) {
                Level level = levels.get(i);
                if (level == null) {
                    continue;
                }
                String at = "levels[" + i + "]";
                if (!numbers.add(level.level())) {
                    checks.fail(at + ".level", "is used twice");
                }
                if (level.action() == Action.INSURER_NOTIFICATION) {
                    checks.fail(at + ".action", "INSURER_NOTIFICATION is not a dunning level; set policy.insurer instead");
                }
                Level previous = i > 0 ? levels.get(i - 1) : null;
                if (previous != null && (level.level() <= previous.level() || level.daysAfterDue() <= previous.daysAfterDue())) {
                    checks.fail(at, "levels must rise in order: level and daysAfterDue both above the previous level's");
                }
            }
        }
        if (insurer != null && insurer.notifyAfterDays() > insurer.overdueNotificationDays()) {
            checks.fail("insurer.notifyAfterDays", "must not be after overdueNotificationDays ("
                    + insurer.overdueNotificationDays() + "), or the report is always late");
        }
        if (referenceRates != null) {
            for (int i = 0; i < referenceRates.size(); i++) {
                RateOverride r = referenceRates.get(i);
                if (r != null && r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
                    checks.fail("referenceRates[" + i + "].validTo", "must not be before validFrom");
                }
            }
        }
    }
}
