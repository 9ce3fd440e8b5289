package io.creditguard.credit;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.creditguard.money.Money;
import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.validation.CompanyIds;
import io.creditguard.validation.CountryCode;
import io.creditguard.validation.InEra;
import io.creditguard.validation.WithinYearsOfToday;
import io.creditguard.validation.PaymentCurrency;
import io.creditguard.validation.SingleLine;
import io.creditguard.validation.ValidCompanyNumbers;
import io.creditguard.validation.Violations;

/**
 * Body of {@code POST /credit-checks}. Only {@code company} and {@code currency} are required; the
 * answer lists what it could not assess. {@code financials} is one year or an array of years, in
 * the request's currency; without them a Swedish company's are read from Bolagsverket (a Dutch one's from
 * KvK's open data), or from {@code annualReport} when one is uploaded. {@code asOf} is today when absent,
 * and at most {@value #AS_OF_YEARS_BACK} years back and {@value #AS_OF_YEARS_AHEAD} ahead: every dated
 * table the check reads covers those days. {@code language} (sv, nl, en) picks the answer's words over
 * the {@code Accept-Language} header.
 *
 * @param customerId a customer of the ledger: its payment record and exposure come from the book (the request
 *     gives neither {@code paymentBehaviour} nor {@code existingExposure}), and the decision is saved as its
 *     limit and terms unless {@code save} is false
 */
@AmountsFitCurrency
@CreditCheckRequest.Consistent
public record CreditCheckRequest(
        @NotNull @Valid CompanyRequest company,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @Size(max = 10) List<@NotNull @Valid FinancialsRequest> financials,
        @Valid PaymentRequest paymentBehaviour,
        @Valid RatingRequest externalRating,
        @PositiveOrZero BigDecimal requestedCredit,
        @PositiveOrZero @Max(365) Integer requestedTermsDays,
        @PositiveOrZero BigDecimal existingExposure,
        @NotNull @PaymentCurrency Currency currency,
        @WithinYearsOfToday(before = AS_OF_YEARS_BACK, after = AS_OF_YEARS_AHEAD) LocalDate asOf,
        Altman.Model altmanModel,
        @Valid AnnualReportUpload annualReport,
        @Pattern(regexp = "sv|nl|en", message = "{io.creditguard.credit.CreditCheckRequest.language}") String language,
        @Size(max = 100) @SingleLine String customerId,
        Boolean save) implements AmountsFitCurrency.MoneyFields {

    /** How far back a check may be made as of: the dated reference tables cover every such day. */
    public static final int AS_OF_YEARS_BACK = 10;
    /** How far ahead, for a caller whose day has begun before UTC's. */
    public static final int AS_OF_YEARS_AHEAD = 1;

    public CreditCheckRequest {
        financials = financials == null ? List.of() : financials;
        requestedTermsDays = requestedTermsDays == null ? 30 : requestedTermsDays;
    }

    @ValidCompanyNumbers
    public record CompanyRequest(
            @NotNull @CountryCode String country,
            @NotBlank @Size(max = 40) String registrationNumber,
            @Size(max = 20) String vatNumber,
            @Size(max = 200) @SingleLine String name,
            @Pattern(regexp = "[A-U](\\d{2}(\\.\\d{1,2}){0,2})?", message = "{io.creditguard.credit.CreditCheckRequest.industry}")
            String industry,
            @InEra LocalDate foundedOn) implements ValidCompanyNumbers.Company {
    }

    /**
     * An annual report obtained elsewhere: a zip as Bolagsverket delivers it (iXBRL, K2, K3 or an ESEF
     * package) or one XHTML document, base64-encoded; read instead of the registry's.
     */
    public record AnnualReportUpload(
            @NotBlank @Size(max = 255) @SingleLine String fileName,
            @NotBlank String contentBase64) {
    }

    /** One financial year; {@code currency}, when given, must be the request's. */
    public record FinancialsRequest(
            @PaymentCurrency Currency currency,
            @NotNull @InEra LocalDate periodEnd,
            @NotNull @PositiveOrZero BigDecimal revenue,
            @NotNull BigDecimal ebit,
            BigDecimal netIncome,
            @PositiveOrZero BigDecimal interestExpense,
            @NotNull @Positive BigDecimal totalAssets,
            @NotNull @PositiveOrZero BigDecimal currentAssets,
            @PositiveOrZero BigDecimal inventory,
            @PositiveOrZero BigDecimal cash,
            @NotNull @PositiveOrZero BigDecimal currentLiabilities,
            @NotNull @Positive BigDecimal totalLiabilities,
            @NotNull BigDecimal equity,
            @NotNull BigDecimal retainedEarnings,
            @PositiveOrZero BigDecimal shareCapital) {

        private void amounts(Currency in, int i, List<AmountsFitCurrency.Amount> out) {
            Map<String, BigDecimal> figures = new java.util.LinkedHashMap<>();
            figures.put("revenue", revenue);
            figures.put("ebit", ebit);
            figures.put("netIncome", netIncome);
            figures.put("interestExpense", interestExpense);
            figures.put("totalAssets", totalAssets);
            figures.put("currentAssets", currentAssets);
            figures.put("inventory", inventory);
            figures.put("cash", cash);
            figures.put("currentLiabilities", currentLiabilities);
            figures.put("totalLiabilities", totalLiabilities);
            figures.put("equity", equity);
            figures.put("retainedEarnings", retainedEarnings);
            figures.put("shareCapital", shareCapital);
            figures.forEach((name, value) -> out.add(new AmountsFitCurrency.Amount(in, value, "financials", i, name)));
        }

        CreditDecision.Financials toInput() {
            return new CreditDecision.Financials(periodEnd, revenue, ebit, netIncome, interestExpense, totalAssets,
                    currentAssets, inventory, cash, currentLiabilities, totalLiabilities, equity, retainedEarnings,
                    shareCapital, CreditDecision.Source.REQUEST);
        }
    }

    @PaymentRequest.LateWithinPaid
    public record PaymentRequest(
            @NotNull @PositiveOrZero @Max(10_000_000) Integer invoicesPaid,
            @NotNull @PositiveOrZero @Max(10_000_000) Integer invoicesPaidLate,
            @PositiveOrZero @DecimalMax("3650") BigDecimal averageDaysLate,
            @PositiveOrZero @Max(3650) Integer maxDaysLate,
            @PositiveOrZero BigDecimal openOverdueAmount,
            @PositiveOrZero @Max(1000) Integer paymentRemarks,
            Boolean bankruptcyPetition) {

        CreditDecision.PaymentBehaviour toInput() {
            return new CreditDecision.PaymentBehaviour(invoicesPaid, invoicesPaidLate, averageDaysLate,
                    maxDaysLate == null ? 0 : maxDaysLate,
                    openOverdueAmount == null ? BigDecimal.ZERO : openOverdueAmount,
                    paymentRemarks == null ? 0 : paymentRemarks, Boolean.TRUE.equals(bankruptcyPetition));
        }

        /** Late payments are some of the payments. */
        @Documented
        @Target(TYPE)
        @Retention(RUNTIME)
        @Constraint(validatedBy = LateWithinPaid.Validator.class)
        public @interface LateWithinPaid {

            String message() default "{io.creditguard.credit.CreditCheckRequest.PaymentRequest.LateWithinPaid.message}";

            Class<?>[] groups() default {};

            Class<? extends Payload>[] payload() default {};

            final class Validator implements ConstraintValidator<LateWithinPaid, PaymentRequest> {
                @Override
                public boolean isValid(PaymentRequest p, ConstraintValidatorContext context) {
                    if (p.invoicesPaid() == null || p.invoicesPaidLate() == null || p.invoicesPaidLate() <= p.invoicesPaid()) {
                        return true;
                    }
                    Violations.add(context, "{io.creditguard.credit.CreditCheckRequest.PaymentRequest.LateWithinPaid.message}",
                            "invoicesPaidLate");
                    return false;
                }
            }
        }
    }

    /** A provider's score on its own scale, which runs from {@code scaleMin} up to {@code scaleMax}. */
    @RatingRequest.ScoreOnScale
    public record RatingRequest(
            @NotBlank @Size(max = 100) @SingleLine String provider,
            @NotNull BigDecimal score,
            @NotNull BigDecimal scaleMin,
            @NotNull BigDecimal scaleMax,
            @NotNull Boolean higherIsBetter) {

        CreditDecision.ExternalRating toInput() {
            return new CreditDecision.ExternalRating(provider, score, scaleMin, scaleMax, higherIsBetter);
        }

        /** The scale rises, and the score lies on it. */
        @Documented
        @Target(TYPE)
        @Retention(RUNTIME)
        @Constraint(validatedBy = ScoreOnScale.Validator.class)
        public @interface ScoreOnScale {

            String PREFIX = "{io.creditguard.credit.CreditCheckRequest.RatingRequest.";

            String message() default PREFIX + "ScoreOnScale.message}";

            Class<?>[] groups() default {};

            Class<? extends Payload>[] payload() default {};

            final class Validator implements ConstraintValidator<ScoreOnScale, RatingRequest> {
                @Override
                public boolean isValid(RatingRequest r, ConstraintValidatorContext context) {
                    if (r.score() == null || r.scaleMin() == null || r.scaleMax() == null) {
                        return true;
                    }
                    if (r.scaleMin().compareTo(r.scaleMax()) >= 0) {
                        Violations.add(context, PREFIX + "scaleFalls}", "scaleMax");
                        return false;
                    }
                    if (r.score().compareTo(r.scaleMin()) < 0 || r.score().compareTo(r.scaleMax()) > 0) {
                        Violations.add(context, PREFIX + "ScoreOnScale.message}", "score");
                        return false;
                    }
                    return true;
                }
            }
        }
    }

    @Override
    public List<AmountsFitCurrency.Amount> amounts() {
        List<AmountsFitCurrency.Amount> amounts = new ArrayList<>();
        amounts.add(new AmountsFitCurrency.Amount(currency, requestedCredit, "requestedCredit"));
        amounts.add(new AmountsFitCurrency.Amount(currency, existingExposure, "existingExposure"));
        for (int i = 0; i < financials.size(); i++) {
            if (financials.get(i) != null) {
                financials.get(i).amounts(currency, i, amounts);
            }
        }
        if (paymentBehaviour != null) {
            amounts.add(new AmountsFitCurrency.Amount(currency, paymentBehaviour.openOverdueAmount(), "paymentBehaviour",
                    "openOverdueAmount"));
        }
        return amounts;
    }

    /** This request with the payment record and the existing exposure the book holds for its customer. */
    CreditCheckRequest withBook(PaymentRequest fromBook, BigDecimal exposure) {
        return new CreditCheckRequest(company, financials, fromBook, externalRating, requestedCredit, requestedTermsDays,
                exposure, currency, asOf, altmanModel, annualReport, language, customerId, save);
    }

    /**
     * The check's input, on {@code asOf} or, absent, {@code today}, with the years, register facts and gaps
     * its sources gave.
     *
     * @param industry the register's NACE code when the request names none
     * @param foundedOn the register's date when the request gives none
     */
    CreditDecision.Input toInput(LocalDate today, List<CreditDecision.Financials> years, String name, String industry,
            Language language, CreditDecision.RegisterFacts register, List<String> gaps) {
        LocalDate date = asOf == null ? today : asOf;
        CompanyIds.Checked id = CompanyIds.registrationNumber(company.country(), company.registrationNumber());
        Optional<Character> section = Optional.ofNullable(company.industry() != null ? company.industry() : industry)
                .map(s -> s.charAt(0));
        return new CreditDecision.Input(
                new CreditDecision.Company(company.country(), id, company.name() != null ? company.name() : name, section,
                        company.foundedOn()),
                years,
                paymentBehaviour == null ? null : paymentBehaviour.toInput(),
                externalRating == null ? null : externalRating.toInput(),
                requestedCredit == null ? Money.zero(currency) : Money.of(currency, requestedCredit), requestedTermsDays,
                Money.ofNullable(currency, existingExposure), date, altmanModel, language, register, gaps);
    }

    /**
     * Nothing is dated after the day assessed ({@code asOf}, else today by the validator's clock), the
     * accounts are in the request's currency, one per period end (the latest is weighed, the one before is its
     * trend), and they are typed or uploaded, not both.
     */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = Consistent.Validator.class)
    public @interface Consistent {

        String PREFIX = "{io.creditguard.credit.CreditCheckRequest.";

        String message() default PREFIX + "Consistent.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Consistent, CreditCheckRequest> {
            @Override
            public boolean isValid(CreditCheckRequest r, ConstraintValidatorContext context) {
                LocalDate day = r.asOf() != null ? r.asOf() : LocalDate.now(context.getClockProvider().getClock());
                Map<String, Object> asOf = Map.of("asOf", day.toString());
                boolean valid = true;
                if (r.customerId() != null && r.paymentBehaviour() != null) {
                    Violations.add(context, PREFIX + "fromBook}", "paymentBehaviour");
                    valid = false;
                }
                if (r.customerId() != null && r.existingExposure() != null) {
                    Violations.add(context, PREFIX + "fromBook}", "existingExposure");
                    valid = false;
                }
                if (r.company() != null && r.company().foundedOn() != null && r.company().foundedOn().isAfter(day)) {
                    Violations.add(context, PREFIX + "afterAsOf}", asOf, "company", "foundedOn");
                    valid = false;
                }
                if (r.annualReport() != null && !r.financials().isEmpty()) {
                    Violations.add(context, PREFIX + "reportAndFinancials}", "annualReport");
                    valid = false;
                }
                Set<LocalDate> periodEnds = new HashSet<>();
                for (int i = 0; i < r.financials().size(); i++) {
                    FinancialsRequest f = r.financials().get(i);
                    if (f == null) {
                        continue;
                    }
                    if (f.periodEnd() != null && f.periodEnd().isAfter(day)) {
                        Violations.add(context, PREFIX + "afterAsOf}", asOf, "financials", i, "periodEnd");
                        valid = false;
                    }
                    if (f.periodEnd() != null && !periodEnds.add(f.periodEnd())) {
                        Violations.add(context, PREFIX + "samePeriodEnd}", "financials", i, "periodEnd");
                        valid = false;
                    }
                    if (f.currency() != null && r.currency() != null && !f.currency().equals(r.currency())) {
                        Violations.add(context, PREFIX + "otherCurrency}",
                                Map.of("currency", r.currency().getCurrencyCode()), "financials", i, "currency");
                        valid = false;
                    }
                }
                return valid;
            }
        }
    }
}
