package io.creditguard.alerts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.creditguard.validation.AmountsFitCurrency;
import io.creditguard.mail.MailAddress;
import io.creditguard.validation.SingleLine;

/**
 * The reminder policy's {@code alerts}: the thresholds of the customer alerts and where the daily digest goes.
 * Absent settings take the defaults below.
 *
 * @param to the finance team's address the daily digest goes to; absent: no digest is mailed (the alerts
 *     are still in the run report and the ledger)
 * @param from the digest's sender; absent: the policy's {@code delivery.from}
 * @param language of the digest: sv or en (default en)
 * @param unlimitedExposure per currency, the exposure above which a customer without any limit raises
 *     NO_LIMIT (default SEK 100 000, NOK 100 000, DKK 75 000, EUR 10 000); a currency not listed raises none
 * @param nearLimitShare the share of the limit from which NEAR_LIMIT is raised (default 0.90)
 * @param slippingDays how many days the last 90 days' average days beyond terms must exceed the 12 months'
 *     for SLIPPING (default 7)
 * @param slippingMinimumPayments the payments the 90 days must hold for SLIPPING (default 3)
 */
@AmountsFitCurrency
public record AlertPolicy(
        @Size(max = 254) @SingleLine @MailAddress String to,
        @Size(max = 254) @SingleLine @MailAddress String from,
        @Pattern(regexp = "sv|en", message = "{io.creditguard.customers.AlertPolicy.language}") String language,
        @Size(max = 50) Map<Currency, @NotNull @PositiveOrZero BigDecimal> unlimitedExposure,
        @DecimalMin("0.5") @DecimalMax("1") BigDecimal nearLimitShare,
        @Min(1) @Max(365) Integer slippingDays,
        @Min(1) @Max(100) Integer slippingMinimumPayments) implements AmountsFitCurrency.MoneyFields {

    private static final Map<Currency, BigDecimal> UNLIMITED_EXPOSURE = Map.of(
            Currency.getInstance("SEK"), new BigDecimal("100000"), Currency.getInstance("NOK"), new BigDecimal("100000"),
            Currency.getInstance("DKK"), new BigDecimal("75000"), Currency.getInstance("EUR"), new BigDecimal("10000"));

    public static final AlertPolicy DEFAULT = new AlertPolicy(null, null, null, null, null, null, null);

    public AlertPolicy {
        language = language == null ? "en" : language;
        unlimitedExposure = unlimitedExposure == null ? UNLIMITED_EXPOSURE : unlimitedExposure;
        nearLimitShare = nearLimitShare == null ? new BigDecimal("0.90") : nearLimitShare;
        slippingDays = slippingDays == null ? 7 : slippingDays;
        slippingMinimumPayments = slippingMinimumPayments == null ? 3 : slippingMinimumPayments;
    }

    /** These settings with the sender the digest goes from when they name none. */
    public AlertPolicy withSender(String fallback) {
        return from != null || fallback == null ? this : new AlertPolicy(to, fallback, language, unlimitedExposure,
                nearLimitShare, slippingDays, slippingMinimumPayments);
    }

    @Override
    public List<AmountsFitCurrency.Amount> amounts() {
        List<AmountsFitCurrency.Amount> amounts = new ArrayList<>();
        unlimitedExposure.forEach((currency, amount) -> amounts.add(new AmountsFitCurrency.Amount(currency, amount,
                "unlimitedExposure", currency.getCurrencyCode())));
        return amounts;
    }
}
