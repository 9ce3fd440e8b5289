package io.creditguard.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.creditguard.alerts.AlertPolicy;
import io.creditguard.customers.Alerts.Alert;
import io.creditguard.customers.Alerts.Figures;
import io.creditguard.customers.Alerts.Type;
import io.creditguard.money.Money;

/**
 * When each of a customer's {@link Alerts} holds on a day, under the reminder policy's alert thresholds, and
 * what began and ended since the day before. Pure: no clock, no I/O.
 *
 * <ul>
 * <li>OVER_LIMIT: exposure above the limit in force; NEAR_LIMIT: at {@code nearLimitShare} of it or more
 * (not above it).
 * <li>NO_LIMIT, per currency: no limit at all, and the open amount above {@code unlimitedExposure}.
 * <li>SLIPPING, per currency: the last 90 days' average days beyond terms at least {@code slippingDays} above
 * the 12 months', with at least {@code slippingMinimumPayments} payments in the 90 days.
 * <li>BROKEN_PROMISE, per invoice: a promise to pay whose day and grace days have passed, the invoice unpaid.
 * <li>INSURER_DEADLINE, per invoice: an overdue debt not yet reported to the credit insurer whose reporting
 * deadline is within the insurer's warning days (the policy's {@code insurer.warningDays}), or has passed.
 * </ul>
 */
public final class AlertRules {

    private AlertRules() {
    }

    /** Whether an alert began or ended. */
    public enum Change {
        BEGAN, ENDED
    }

    /** An alert that began or ended on a run's day, with the customer it is on. */
    public record Event(String customerId, String customerName, Change change, LocalDate on, Alert alert) {
    }

    /** What began and what ended between two days; {@code open} is what holds now, each with the day it began. */
    public record Transition(List<Alert> open, List<Alert> began, List<Alert> ended) {
    }

    /** One currency's figures the alerts look at. */
    public record CurrencyFacts(Currency currency, BigDecimal open, PaymentRecord paymentRecord) {
    }

    /**
     * One open invoice's figures the alerts look at.
     *
     * @param promiseBroken the day promised, when that promise is broken (the day and the grace days passed)
     * @param insurerDeadline the day the overdue debt must be reported to the insurer by, when it is not yet
     *     reported; {@code insurerWarnFrom} the first day to warn of it
     */
    public record InvoiceFacts(String invoiceId, String invoiceNumber, LocalDate promiseBroken, LocalDate insurerDeadline,
            LocalDate insurerWarnFrom) {
    }

    /** Everything the alerts of one customer look at, on one day. */
    public record Facts(Optional<Limits.InForce> limit, Optional<Limits.Exposure> exposure, List<CurrencyFacts> currencies,
            List<InvoiceFacts> invoices) {
    }

    /** The alerts whose conditions hold on {@code asOf}, each as if it began that day. */
    public static List<Alert> holding(Facts facts, AlertPolicy policy, LocalDate asOf) {
        List<Alert> alerts = new ArrayList<>();
        if (facts.limit().isPresent() && facts.exposure().isPresent()) {
            limitAlert(facts.limit().get(), facts.exposure().get(), policy, asOf).ifPresent(alerts::add);
        }
        for (CurrencyFacts currency : facts.currencies()) {
            String code = currency.currency().getCurrencyCode();
            BigDecimal threshold = Optional.ofNullable(policy.unlimitedExposure().get(currency.currency()))
                    .map(t -> Money.rounded(currency.currency(), t, RoundingMode.UNNECESSARY).amount()).orElse(null);
            if (facts.limit().isEmpty() && threshold != null && currency.open().compareTo(threshold) > 0) {
                alerts.add(new Alert(Type.NO_LIMIT, code, asOf, code + " " + currency.open().toPlainString()
                        + " open without a credit limit (the alert is from " + code + " " + threshold.toPlainString() + ")",
                        new Figures(currency.open(), threshold, currency.currency(), null, null)));
            }
            slipping(currency, policy, asOf).ifPresent(alerts::add);
        }
        for (InvoiceFacts invoice : facts.invoices()) {
            if (invoice.promiseBroken() != null) {
                alerts.add(new Alert(Type.BROKEN_PROMISE, invoice.invoiceId(), asOf, "invoice " + invoice.invoiceNumber()
                        + ": the customer promised to pay by " + invoice.promiseBroken() + " and has not",
                        new Figures(null, null, null, invoice.promiseBroken(), invoice.invoiceNumber())));
            }
            if (invoice.insurerDeadline() != null && !asOf.isBefore(invoice.insurerWarnFrom())) {
                long left = ChronoUnit.DAYS.between(asOf, invoice.insurerDeadline());
                alerts.add(new Alert(Type.INSURER_DEADLINE, invoice.invoiceId(), asOf, "invoice " + invoice.invoiceNumber()
                        + ": report the overdue debt to the credit insurer by " + invoice.insurerDeadline()
                        + (left < 0 ? " (the deadline has passed)" : " (" + left + " days left)"),
                        new Figures(null, null, null, invoice.insurerDeadline(), invoice.invoiceNumber())));
            }
        }
        return alerts;
    }

    private static Optional<Alert> limitAlert(Limits.InForce limit, Limits.Exposure exposure, AlertPolicy policy,
            LocalDate asOf) {
        String code = limit.currency().getCurrencyCode();
        Figures figures = new Figures(exposure.amount(), limit.amount(), limit.currency(), null, null);
        if (exposure.amount().compareTo(limit.amount()) > 0) {
            return Optional.of(new Alert(Type.OVER_LIMIT, "", asOf, "exposure " + code + " " + exposure.amount().toPlainString()
                    + " is above the " + limit.source() + " limit of " + code + " " + limit.amount().toPlainString()
                    + " by " + code + " " + exposure.amount().subtract(limit.amount()).toPlainString(), figures));
        }
        BigDecimal near = limit.amount().multiply(policy.nearLimitShare());
        if (exposure.amount().signum() > 0 && exposure.amount().compareTo(near) >= 0) {
            BigDecimal percent = exposure.amount().multiply(BigDecimal.valueOf(100)).divide(limit.amount(), 0,
                    RoundingMode.HALF_EVEN);
            return Optional.of(new Alert(Type.NEAR_LIMIT, "", asOf, "exposure " + code + " " + exposure.amount().toPlainString()
                    + " is " + percent + " % of the " + limit.source() + " limit of " + code + " "
                    + limit.amount().toPlainString(), figures));
        }
        return Optional.empty();
    }

    private static Optional<Alert> slipping(CurrencyFacts currency, AlertPolicy policy, LocalDate asOf) {
        PaymentRecord record = currency.paymentRecord();
        if (record.trendDays() == null || record.last90Days().payments() < policy.slippingMinimumPayments()
                || record.trendDays().compareTo(BigDecimal.valueOf(policy.slippingDays())) < 0) {
            return Optional.empty();
        }
        BigDecimal recent = record.last90Days().averageDaysBeyondTerms();
        BigDecimal year = record.last12Months().averageDaysBeyondTerms();
        return Optional.of(new Alert(Type.SLIPPING, currency.currency().getCurrencyCode(), asOf, "paid "
                + recent.toPlainString() + " days beyond terms on average over the last 90 days ("
                + record.last90Days().payments() + " payments), " + record.trendDays().toPlainString()
                + " days later than over 12 months (" + year.toPlainString() + ")",
                new Figures(recent, year, currency.currency(), null, null)));
    }

    /**
     * From the alerts open before to those holding now: an alert that holds on keeps the day it began (and
     * takes today's detail); one that holds anew began today; one that no longer holds ended.
     */
    public static Transition transition(List<Alert> before, List<Alert> holding) {
        Map<String, Alert> open = new LinkedHashMap<>();
        List<Alert> began = new ArrayList<>();
        for (Alert now : holding) {
            Optional<Alert> earlier = before.stream().filter(now::sameAs).findFirst();
            if (earlier.isPresent()) {
                open.put(key(now), new Alert(now.type(), now.subject(), earlier.get().since(), now.detail(), now.figures()));
            } else {
                open.put(key(now), now);
                began.add(now);
            }
        }
        List<Alert> ended = before.stream().filter(a -> !open.containsKey(key(a))).toList();
        return new Transition(List.copyOf(open.values()), List.copyOf(began), ended);
    }

    private static String key(Alert alert) {
        return alert.type() + "\u0000" + alert.subject();
    }
}
