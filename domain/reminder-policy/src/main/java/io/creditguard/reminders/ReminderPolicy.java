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
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.creditguard.alerts.AlertPolicy;
import io.creditguard.reference.ReferenceRates;
import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.CountryCode;
import io.creditguard.validation.EnumName;
import io.creditguard.validation.InEra;
import io.creditguard.validation.LawWithRules;
import io.creditguard.mail.MailAddress;
import io.creditguard.validation.PaymentCurrency;
import io.creditguard.validation.SingleLine;
import io.creditguard.validation.TextLines;
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
 * @param letterDeliveryDays days a posted letter is assumed to take to arrive (default 2): an invoice without
 *     {@code receivedOn}, a reminder; the Dutch 14-day term runs from the day after receipt (HR 25-11-2016,
 *     ECLI:NL:HR:2016:2704), and a law may count default from receipt (reference/debtor-default.txt)
 * @param referenceRates rates that take precedence over reference-rates.txt, e.g. for a half-year
 *     the shipped file does not yet have
 * @param exchangeRates euro reference rates for converting a statutory fixed amount set in another
 *     currency than the invoice's; they take precedence over exchange-rates.txt
 * @param agreedCollectionCosts per currency, the collection costs the creditor's terms set for business
 *     debtors in place of the Dutch staffel (BW 6:96 lid 5 lets businesses agree otherwise; never below
 *     the €40 of lid 4)
 * @param letters one statement per customer and kind of letter (the default), or one letter per invoice;
 *     a Dutch consumer's 14-day letter is one letter for all their invoices either way (BW 6:96 lid 7)
 * @param delivery how the run delivers letters: kept in the store only (the default), or also e-mailed
 * @param paymentTermsAgreed whether the payment terms of invoices that say nothing themselves (nor their
 *     customer) were agreed with the debtor, as in the creditor's general terms accepted before the sale.
 *     Default false: creditguard cannot know it, the creditor bears the proof of it, and a date the seller
 *     only printed on its invoice puts no one in default (reference/debtor-default.txt); assuming agreement
 *     charges interest and fees that may not be owed, assuming none never charges before the invoice's due date
 * @param alerts the customer ledger's alert thresholds and where its daily digest goes
 */
@ReminderPolicy.LevelsInOrder
@ReminderPolicy.SenderForInsurerMail
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
        @NotNull @Valid Creditor creditor,
        @Size(max = 50) List<@NotNull @Valid RateOverride> referenceRates,
        @Size(max = 500) List<@NotNull @Valid ExchangeRate> exchangeRates,
        @Size(max = 50) Map<Currency, @NotNull @PositiveOrZero BigDecimal> agreedCollectionCosts,
        LetterGrouping letters,
        @Valid Delivery delivery,
        Boolean paymentTermsAgreed,
        @Valid AlertPolicy alerts) implements AmountsFitCurrency.MoneyFields {

    public ReminderPolicy {
        timeZone = timeZone == null ? "Europe/Stockholm" : timeZone;
        graceDays = graceDays == null ? 0 : graceDays;
        minimumDaysBetween = minimumDaysBetween == null ? 10 : minimumDaysBetween;
        minimumAmounts = minimumAmounts == null ? Map.of() : minimumAmounts;
        shiftDueDateToBusinessDay = shiftDueDateToBusinessDay == null || shiftDueDateToBusinessDay;
        letterDeliveryDays = letterDeliveryDays == null ? 2 : letterDeliveryDays;
        referenceRates = referenceRates == null ? List.of() : referenceRates;
        exchangeRates = exchangeRates == null ? List.of() : exchangeRates;
        agreedCollectionCosts = agreedCollectionCosts == null ? Map.of() : agreedCollectionCosts;
        letters = letters == null ? LetterGrouping.STATEMENT : letters;
        delivery = delivery == null ? new Delivery(null, null, null, null) : delivery;
        paymentTermsAgreed = Boolean.TRUE.equals(paymentTermsAgreed);
        alerts = alerts == null ? AlertPolicy.DEFAULT : alerts;
    }

    /**
     * What a level's letter is; the law attaches its fees to kinds: Sweden's 180 kr to an INKASSOKRAV
     * only (lag 1981:739 3 § 1), a reminder fee to a PAYMENT_REMINDER.
     */
    public enum Kind {
        /** A friendly notice before the due date: no fee, no interest (a level with negative daysAfterDue). */
        PRE_DUE_NOTICE, PAYMENT_REMINDER, INKASSOKRAV, FINAL_NOTICE, COLLECTION_HANDOFF;

        /** The letter template a level of this kind uses unless it names another. */
        public Template template() {
            return switch (this) {
                case PRE_DUE_NOTICE -> Template.PRE_DUE_NOTICE;
                case PAYMENT_REMINDER -> Template.REMINDER;
                case INKASSOKRAV -> Template.INKASSOKRAV;
                case FINAL_NOTICE -> Template.FINAL_NOTICE;
                case COLLECTION_HANDOFF -> Template.COLLECTION_HANDOFF;
            };
        }

        /** {@link #template()} as a level names it. */
        public String defaultTemplate() {
            return template().id();
        }
    }

    /**
     * The letter templates a level may name, as its {@code template} field writes them ({@link #id()}); the list
     * the field's pattern accepts.
     */
    public enum Template {
        PRE_DUE_NOTICE, REMINDER, INKASSOKRAV, FINAL_NOTICE, COLLECTION_HANDOFF;

        /** As a policy and the template files name it: {@code pre-due-notice}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The template of {@code id}, empty for a name that is none (the level's pattern refuses it first). */
        public static Optional<Template> of(String id) {
            return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
        }

        /**
         * Whether the letter is written as inkassolagen (1974:182) 5 § requires of an inkassokrav (the claim, at
         * least 8 days to pay or object, what happens otherwise): only then may the Swedish collection fee be
         * charged with it.
         */
        public boolean meetsInkassolagen() {
            return this == INKASSOKRAV;
        }
    }

    public enum LetterGrouping {
        STATEMENT, PER_INVOICE
    }

    /** NONE: the run writes the letters to the store for the company to send; EMAIL: it also mails them. */
    public enum DeliveryMode {
        NONE, EMAIL
    }

    /**
     * How letters leave the run. Under EMAIL each letter is mailed to {@code customer.email} with its PDF;
     * a customer without an address, or one the mail server refuses for good, gets the letter by post (it
     * is in the store, and the run report lists it).
     *
     * @param from the sender's address, required under EMAIL (e.g. {@code Reskontra <reskontra@example.se>})
     * @param replyTo where answers go, if not to {@code from}
     * @param bcc an archive address that receives a copy of every letter, as insurers may ask to see
     */
    @Delivery.FromWhenMailed
    public record Delivery(
            @EnumName(DeliveryMode.class) String mode,
            @Size(max = 254) @SingleLine @MailAddress String from,
            @Size(max = 254) @SingleLine @MailAddress String replyTo,
            @Size(max = 254) @SingleLine @MailAddress String bcc) {

        public Delivery {
            mode = mode == null ? DeliveryMode.NONE.name() : mode;
        }

        /** The mode as its constant; valid once the constraints hold. */
        public DeliveryMode deliveryMode() {
            return DeliveryMode.valueOf(mode);
        }

        /** Mail needs a sender. */
        @Documented
        @Target(TYPE)
        @Retention(RUNTIME)
        @Constraint(validatedBy = FromWhenMailed.Validator.class)
        public @interface FromWhenMailed {

            String message() default "{io.creditguard.reminders.ReminderPolicy.Delivery.FromWhenMailed.message}";

            Class<?>[] groups() default {};

            Class<? extends Payload>[] payload() default {};

            final class Validator implements ConstraintValidator<FromWhenMailed, Delivery> {
                @Override
                public boolean isValid(Delivery delivery, ConstraintValidatorContext context) {
                    if (delivery == null || !DeliveryMode.EMAIL.name().equals(delivery.mode()) || delivery.from() != null) {
                        return true;
                    }
                    Violations.add(context, "{io.creditguard.reminders.ReminderPolicy.Delivery.FromWhenMailed.message}",
                            "from");
                    return false;
                }
            }
        }
    }

    /** Days a letter gives to pay unless its level says otherwise. */
    static final int DEFAULT_PAY_WITHIN_DAYS = 10;

    /** An inkassokrav gives at least this many days to pay or object (god inkassosed, IMY). */
    static final int INKASSOKRAV_MINIMUM_DAYS = 8;

    /**
     * @param daysAfterDue days after the due date the level is reached; negative for a notice before the
     *     due date (kind PRE_DUE_NOTICE, and only that kind), which goes out only while the invoice is not
     *     yet due
     * @param kind what the letter is ({@link Kind})
     * @param payWithinDays days the letter gives to pay (default 10)
     * @param fee a fee code of late-payment-fees.txt this level asks for (REMINDER_FEE); the law
     *     still decides whether and how much
     * @param template the letter: pre-due-notice, reminder, inkassokrav, final-notice or collection-handoff
     *     (default by kind); only the inkassokrav template is written as inkassolagen 5 § requires
     */
    public record Level(
            @Min(1) @Max(99) int level,
            @Min(-60) @Max(730) int daysAfterDue,
            @NotNull @EnumName(Kind.class) String kind,
            @Min(1) @Max(60) Integer payWithinDays,
            @EnumName(FeeCode.class) String fee,
            @Pattern(regexp = "pre-due-notice|reminder|inkassokrav|final-notice|collection-handoff",
                    message = "{io.creditguard.reminders.ReminderPolicy.Level.template}") String template) {

        public Level {
            payWithinDays = payWithinDays == null ? DEFAULT_PAY_WITHIN_DAYS : payWithinDays;
            if (template == null && kind != null && isKind(kind)) {
                template = Kind.valueOf(kind).defaultTemplate();
            }
        }

        private static boolean isKind(String name) {
            return Arrays.stream(Kind.values()).anyMatch(k -> k.name().equals(name));
        }

        /** The kind as its constant; valid once the constraints hold. */
        public Kind levelKind() {
            return Kind.valueOf(kind);
        }

        /** A notice before the due date rather than a dunning letter. */
        public boolean beforeDue() {
            return is(Kind.PRE_DUE_NOTICE);
        }

        /** Whether the level is of {@code other} kind; false for a kind the constraints refuse. */
        boolean is(Kind other) {
            return isKind(kind) && levelKind() == other;
        }

        /** The fee this level asks for, if it names one. */
        public Optional<FeeCode> feeCode() {
            return Optional.ofNullable(fee).map(FeeCode::valueOf);
        }
    }

    /**
     * The credit insurer's reporting rule: report an overdue debt within {@code overdueNotificationDays}
     * of its original due date. The run reports it {@code notifyAfterDays} after the due date and
     * warns from {@code warningDays} before the deadline (default 7).
     *
     * @param notification where the run mails each overdue notification; absent, the run writes them for a
     *     person to send and lists them in its report
     */
    @Insurer.ReportsInTime
    public record Insurer(
            @NotBlank @Size(max = 100) @SingleLine String name,
            @Min(1) @Max(365) int overdueNotificationDays,
            @Min(1) @Max(365) int notifyAfterDays,
            @Min(0) @Max(60) Integer warningDays,
            @Valid Notification notification) {

        public Insurer {
            warningDays = warningDays == null ? 7 : warningDays;
        }

        /**
         * The insurer's address for overdue notifications and the policy number they quote; mailed from the
         * policy's {@code delivery.from}, with the notification as PDF and the invoice as CSV.
         */
        public record Notification(
                @NotBlank @Size(max = 254) @SingleLine @MailAddress String email,
                @NotBlank @Size(max = 50) @SingleLine String policyNumber) {
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
     * @param country the seller's country (ISO 3166): its law governs a business debtor's contract
     *     unless the contract chose another (Rome I art. 4(1)(a)/(b))
     * @param language the creditor's own language (sv, nl, en or de; default en), for insurer notifications and
     *     the warnings a finance user reads
     */
    public record Creditor(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull @CountryCode @LawWithRules String country,
            @Size(max = 500) @TextLines String address,
            @NotBlank @Size(max = 500) @TextLines String paymentInstructions,
            @NotBlank @Size(max = 300) @TextLines String disputeContact,
            @Pattern(regexp = "sv|nl|en|de", message = "{io.creditguard.reminders.ReminderPolicy.Creditor.language}")
            String language) {

        public Creditor {
            language = language == null ? "en" : language;
        }
    }

    /** Units of {@code currency} per euro on {@code date}, as the ECB publishes them. */
    public record ExchangeRate(
            @NotNull @PaymentCurrency Currency currency,
            @NotNull @InEra LocalDate date,
            @NotNull @Positive @Digits(integer = 8, fraction = 6) BigDecimal perEuro) {
    }

    @RateOverride.InOrder
    public record RateOverride(
            @NotNull @EnumName(ReferenceRates.Scheme.class) String scheme,
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
        return creditor.language();
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
        return referenceRates.stream().map(r -> new ReferenceRates.Rate(ReferenceRates.Scheme.valueOf(r.scheme()),
                r.validFrom(), r.validTo(), r.ratePercent(), "policy " + name)).toList();
    }

    public List<io.creditguard.money.ExchangeRates.Rate> exchangeRateOverrides() {
        return exchangeRates.stream().map(r -> new io.creditguard.money.ExchangeRates.Rate(r.currency(), r.date(),
                r.perEuro(), "policy " + name)).toList();
    }

    @Override
    public List<AmountsFitCurrency.Amount> amounts() {
        List<AmountsFitCurrency.Amount> amounts = new ArrayList<>();
        minimumAmounts.forEach((currency, amount) -> amounts.add(
                new AmountsFitCurrency.Amount(currency, amount, "minimumAmounts", currency.getCurrencyCode())));
        agreedCollectionCosts.forEach((currency, amount) -> amounts.add(
                new AmountsFitCurrency.Amount(currency, amount, "agreedCollectionCosts", currency.getCurrencyCode())));
        return amounts;
    }

    /** Notifications mailed to the insurer need a sender: {@code delivery.from}. */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = SenderForInsurerMail.Validator.class)
    public @interface SenderForInsurerMail {

        String message() default "{io.creditguard.reminders.ReminderPolicy.SenderForInsurerMail.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<SenderForInsurerMail, ReminderPolicy> {
            @Override
            public boolean isValid(ReminderPolicy policy, ConstraintValidatorContext context) {
                if (policy == null || policy.insurer() == null || policy.insurer().notification() == null
                        || policy.delivery().from() != null) {
                    return true;
                }
                Violations.add(context, "{io.creditguard.reminders.ReminderPolicy.SenderForInsurerMail.message}",
                        "delivery", "from");
                return false;
            }
        }
    }

    /**
     * Levels are letters numbered once each that rise in order: level and days after the due date both
     * above the previous level's, so first-match over the levels not yet sent never skips one. A level
     * before the due date (negative days) is a PRE_DUE_NOTICE, asks no fee and uses the pre-due template;
     * a PRE_DUE_NOTICE is before the due date. An inkassokrav gives at least
     * {@value #INKASSOKRAV_MINIMUM_DAYS} days.
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
                    boolean beforeDue = level.daysAfterDue() < 0;
                    if (beforeDue != level.beforeDue() || beforeDue && level.fee() != null
                            || beforeDue && Template.of(level.template()).orElse(null) != Template.PRE_DUE_NOTICE) {
                        Violations.add(context, "{io.creditguard.reminders.ReminderPolicy.LevelsInOrder.preDue}",
                                "levels", i, beforeDue == level.beforeDue() ? (level.fee() != null ? "fee" : "template")
                                        : "daysAfterDue");
                        valid = false;
                    }
                    if (level.is(Kind.INKASSOKRAV) && level.payWithinDays() < INKASSOKRAV_MINIMUM_DAYS) {
                        Violations.add(context, "{io.creditguard.reminders.ReminderPolicy.LevelsInOrder.inkassokrav}",
                                Map.of("days", INKASSOKRAV_MINIMUM_DAYS), "levels", i, "payWithinDays");
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
