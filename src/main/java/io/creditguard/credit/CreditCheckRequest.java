package io.creditguard.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.creditguard.http.Checked;
import io.creditguard.http.Checks;
import io.creditguard.http.FieldErrors;
import io.creditguard.money.Money;

/**
 * Body of {@code POST /credit-checks}. Only {@code company} and {@code currency} are required; the
 * answer lists what it could not assess. {@code financials} is one year or an array of years.
 */
public record CreditCheckRequest(
        CompanyRequest company,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<FinancialsRequest> financials,
        PaymentRequest paymentBehaviour,
        RatingRequest externalRating,
        BigDecimal requestedCredit,
        Integer requestedTermsDays,
        BigDecimal existingExposure,
        Currency currency,
        LocalDate asOf,
        Altman.Model altmanModel) implements Checked {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern NACE = Pattern.compile("[A-U](\\d{2}(\\.\\d{1,2}){0,2})?");

    @Override
    public void check(Checks checks) {
        checks.required("company", company);
        checks.nested("company", company);
        checks.list("financials", financials, 0, 10);
        checks.nested("paymentBehaviour", paymentBehaviour);
        checks.nested("externalRating", externalRating);
        checks.number("requestedCredit", requestedCredit).positiveOrZero();
        checks.number("requestedTermsDays", requestedTermsDays).positiveOrZero().atMost(365);
        checks.number("existingExposure", existingExposure).positiveOrZero();
        checks.required("currency", currency);
    }

    public record CompanyRequest(String country, String registrationNumber, String vatNumber, String name,
            String industry, LocalDate foundedOn) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.text("country", country).present()
                    .isoCode(2, true, "must be an ISO 3166 alpha-2 code such as SE or NL");
            checks.text("registrationNumber", registrationNumber).required().maxLength(40);
            checks.text("vatNumber", vatNumber).maxLength(20);
            checks.text("name", name).maxLength(200);
            checks.text("industry", industry).matches(NACE, "must be a NACE Rev. 2 code such as C25 or G46");
        }
    }

    public record FinancialsRequest(
            Currency currency,
            LocalDate periodEnd,
            BigDecimal revenue,
            BigDecimal ebit,
            BigDecimal netIncome,
            BigDecimal interestExpense,
            BigDecimal totalAssets,
            BigDecimal currentAssets,
            BigDecimal inventory,
            BigDecimal cash,
            BigDecimal currentLiabilities,
            BigDecimal totalLiabilities,
            BigDecimal equity,
            BigDecimal retainedEarnings) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.required("periodEnd", periodEnd);
            checks.number("revenue", revenue).required().positiveOrZero();
            checks.required("ebit", ebit);
            checks.number("interestExpense", interestExpense).positiveOrZero();
            checks.number("totalAssets", totalAssets).required().positive();
            checks.number("currentAssets", currentAssets).required().positiveOrZero();
            checks.number("inventory", inventory).positiveOrZero();
            checks.number("cash", cash).positiveOrZero();
            checks.number("currentLiabilities", currentLiabilities).required().positiveOrZero();
            checks.number("totalLiabilities", totalLiabilities).required().positive();
            checks.required("equity", equity);
            checks.required("retainedEarnings", retainedEarnings);
        }
    }

    public record PaymentRequest(
            Integer invoicesPaid,
            Integer invoicesPaidLate,
            BigDecimal averageDaysLate,
            Integer maxDaysLate,
            BigDecimal openOverdueAmount,
            Integer paymentRemarks,
            Boolean bankruptcyPetition) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.number("invoicesPaid", invoicesPaid).required().positiveOrZero().atMost(10_000_000);
            checks.number("invoicesPaidLate", invoicesPaidLate).required().positiveOrZero().atMost(10_000_000);
            checks.number("averageDaysLate", averageDaysLate).positiveOrZero().atMost(3650);
            checks.number("maxDaysLate", maxDaysLate).positiveOrZero().atMost(3650);
            checks.number("openOverdueAmount", openOverdueAmount).positiveOrZero();
            checks.number("paymentRemarks", paymentRemarks).positiveOrZero().atMost(1000);
        }
    }

    public record RatingRequest(String provider, BigDecimal score, BigDecimal scaleMin, BigDecimal scaleMax,
            Boolean higherIsBetter) implements Checked {

        @Override
        public void check(Checks checks) {
            checks.text("provider", provider).required().maxLength(100);
            checks.required("score", score);
            checks.required("scaleMin", scaleMin);
            checks.required("scaleMax", scaleMax);
            checks.required("higherIsBetter", higherIsBetter);
        }
    }

    CreditDecision.Input toInput(LocalDate today) {
        FieldErrors errors = new FieldErrors();
        LocalDate date = asOf == null ? today : asOf;
        if (!COUNTRIES.contains(company.country())) {
            errors.add("$.company.country", "is not an ISO 3166 country code");
        }
        CompanyIds.Checked id = CompanyIds.registrationNumber(company.country(), company.registrationNumber());
        if (!id.valid()) {
            errors.add("$.company.registrationNumber", id.error());
        }
        if (company.vatNumber() != null) {
            String vatError = CompanyIds.vatNumberError(company.country(), company.vatNumber(), id);
            if (vatError != null) {
                errors.add("$.company.vatNumber", vatError);
            }
        }
        if (company.foundedOn() != null && company.foundedOn().isAfter(date)) {
            errors.add("$.company.foundedOn", "must not be after asOf (" + date + ")");
        }
        List<CreditDecision.Financials> years = financials == null ? List.of()
                : java.util.stream.IntStream.range(0, financials.size())
                        .mapToObj(i -> financials(errors, "$.financials[" + i + "]", financials.get(i), date)).toList();
        CreditDecision.PaymentBehaviour payment = paymentBehaviour == null ? null : payment(errors);
        if (externalRating != null) {
            if (externalRating.scaleMin().compareTo(externalRating.scaleMax()) >= 0) {
                errors.add("$.externalRating.scaleMax", "must be greater than scaleMin");
            } else if (externalRating.score().compareTo(externalRating.scaleMin()) < 0
                    || externalRating.score().compareTo(externalRating.scaleMax()) > 0) {
                errors.add("$.externalRating.score", "must lie within scaleMin and scaleMax");
            }
        }
        Money requested = requestedCredit == null ? Money.zero(currency)
                : errors.money("$.requestedCredit", currency, requestedCredit);
        Money existing = existingExposure == null ? null : errors.money("$.existingExposure", currency, existingExposure);
        errors.throwIfAny();
        Optional<Character> section = Optional.ofNullable(company.industry()).map(s -> s.charAt(0));
        return new CreditDecision.Input(
                new CreditDecision.Company(company.country(), id, company.name(), section, company.foundedOn()),
                years, payment,
                externalRating == null ? null : new CreditDecision.ExternalRating(externalRating.provider(),
                        externalRating.score(), externalRating.scaleMin(), externalRating.scaleMax(),
                        externalRating.higherIsBetter()),
                requested, requestedTermsDays == null ? 30 : requestedTermsDays, existing, date, altmanModel);
    }

    private CreditDecision.Financials financials(FieldErrors errors, String path, FinancialsRequest f, LocalDate date) {
        if (f.currency() != null && !f.currency().equals(currency)) {
            errors.add(path + ".currency", "must be " + currency.getCurrencyCode() + " like the request: convert"
                    + " the accounts first");
        }
        if (f.periodEnd().isAfter(date)) {
            errors.add(path + ".periodEnd", "must not be after asOf (" + date + ")");
        }
        errors.money(path + ".revenue", currency, f.revenue());
        errors.money(path + ".ebit", currency, f.ebit());
        errors.money(path + ".totalAssets", currency, f.totalAssets());
        errors.money(path + ".currentAssets", currency, f.currentAssets());
        errors.money(path + ".currentLiabilities", currency, f.currentLiabilities());
        errors.money(path + ".totalLiabilities", currency, f.totalLiabilities());
        errors.money(path + ".equity", currency, f.equity());
        errors.money(path + ".retainedEarnings", currency, f.retainedEarnings());
        return new CreditDecision.Financials(f.periodEnd(), f.revenue(), f.ebit(), f.interestExpense(),
                f.totalAssets(), f.currentAssets(), f.inventory(), f.currentLiabilities(), f.totalLiabilities(),
                f.equity(), f.retainedEarnings());
    }

    private CreditDecision.PaymentBehaviour payment(FieldErrors errors) {
        PaymentRequest p = paymentBehaviour;
        if (p.invoicesPaidLate() > p.invoicesPaid()) {
            errors.add("$.paymentBehaviour.invoicesPaidLate", "must not exceed invoicesPaid");
        }
        BigDecimal overdue = p.openOverdueAmount() == null ? BigDecimal.ZERO : p.openOverdueAmount();
        errors.money("$.paymentBehaviour.openOverdueAmount", currency, overdue);
        return new CreditDecision.PaymentBehaviour(p.invoicesPaid(), p.invoicesPaidLate(),
                p.averageDaysLate() == null ? BigDecimal.ZERO : p.averageDaysLate(),
                p.maxDaysLate() == null ? 0 : p.maxDaysLate(), overdue,
                p.paymentRemarks() == null ? 0 : p.paymentRemarks(), Boolean.TRUE.equals(p.bankruptcyPetition()));
    }
}
