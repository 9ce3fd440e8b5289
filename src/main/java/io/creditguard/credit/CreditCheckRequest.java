package io.creditguard.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.creditguard.http.FieldErrors;
import io.creditguard.money.Money;

/**
 * Body of {@code POST /credit-checks}. Only {@code company} and {@code currency} are required; the
 * answer lists what it could not assess. {@code financials} is one year or an array of years.
 */
public record CreditCheckRequest(
        @NotNull(message = "is required") @Valid CompanyRequest company,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Size(max = 10)
        List<@NotNull(message = "is required") @Valid FinancialsRequest> financials,
        @Valid PaymentRequest paymentBehaviour,
        @Valid RatingRequest externalRating,
        @PositiveOrZero BigDecimal requestedCredit,
        @PositiveOrZero @Max(365) Integer requestedTermsDays,
        @PositiveOrZero BigDecimal existingExposure,
        @NotNull(message = "is required") Currency currency,
        LocalDate asOf,
        Altman.Model altmanModel) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public record CompanyRequest(
            @NotNull(message = "is required") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code such as SE or NL") String country,
            @NotBlank(message = "is required") @Size(max = 40) String registrationNumber,
            @Size(max = 20) String vatNumber,
            @Size(max = 200) String name,
            @Pattern(regexp = "[A-U](\\d{2}(\\.\\d{1,2}){0,2})?", message = "must be a NACE Rev. 2 code such as C25 or G46") String industry,
            LocalDate foundedOn) {
    }

    public record FinancialsRequest(
            Currency currency,
            @NotNull(message = "is required") LocalDate periodEnd,
            @NotNull(message = "is required") @PositiveOrZero BigDecimal revenue,
            @NotNull(message = "is required") BigDecimal ebit,
            BigDecimal netIncome,
            @PositiveOrZero BigDecimal interestExpense,
            @NotNull(message = "is required") @Positive BigDecimal totalAssets,
            @NotNull(message = "is required") @PositiveOrZero BigDecimal currentAssets,
            @PositiveOrZero BigDecimal inventory,
            @PositiveOrZero BigDecimal cash,
            @NotNull(message = "is required") @PositiveOrZero BigDecimal currentLiabilities,
            @NotNull(message = "is required") @Positive BigDecimal totalLiabilities,
            @NotNull(message = "is required") BigDecimal equity,
            @NotNull(message = "is required") BigDecimal retainedEarnings) {
    }

    public record PaymentRequest(
            @NotNull(message = "is required") @PositiveOrZero @Max(10_000_000) Integer invoicesPaid,
            @NotNull(message = "is required") @PositiveOrZero @Max(10_000_000) Integer invoicesPaidLate,
            @PositiveOrZero @Max(3650) BigDecimal averageDaysLate,
            @PositiveOrZero @Max(3650) Integer maxDaysLate,
            @PositiveOrZero BigDecimal openOverdueAmount,
            @PositiveOrZero @Max(1000) Integer paymentRemarks,
            Boolean bankruptcyPetition) {
    }

    public record RatingRequest(
            @NotBlank(message = "is required") @Size(max = 100) String provider,
            @NotNull(message = "is required") BigDecimal score,
            @NotNull(message = "is required") BigDecimal scaleMin,
            @NotNull(message = "is required") BigDecimal scaleMax,
            @NotNull(message = "is required") Boolean higherIsBetter) {
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
