package io.creditguard.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import io.creditguard.money.Money;

/**
 * A language the credit check answers in: three of the {@link io.creditguard.reference.Language} letters are
 * written in, with the reference data's column of the same name ({@code sv}, {@code nl}, {@code en}) and the
 * way it writes numbers.
 */
public enum Language {
    SV(io.creditguard.reference.Language.SV),
    NL(io.creditguard.reference.Language.NL),
    EN(io.creditguard.reference.Language.EN);

    private final io.creditguard.reference.Language written;
    private final Locale locale;

    Language(io.creditguard.reference.Language written) {
        this.written = written;
        this.locale = written.locale();
    }

    /** The ISO 639-1 code, as a reference table's column and {@code Content-Language} name it. */
    public String code() {
        return written.code();
    }

    /** {@code sv}, {@code nl} or {@code en}; anything else is English. */
    public static Language ofCode(String code) {
        return answered(code).orElse(EN);
    }

    /** The language the check answers in of an ISO 639-1 code; empty for one it does not answer in. */
    private static Optional<Language> answered(String code) {
        return io.creditguard.reference.Language.parse(code)
                .flatMap(l -> Arrays.stream(values()).filter(a -> a.written == l).findFirst());
    }

    /**
     * The language of an {@code Accept-Language} header that the caller ranks highest (RFC 9110 §12.5.4:
     * quality values, a tag's primary subtag), English when it names none of the three.
     */
    public static Language accepted(String header) {
        Language best = EN;
        double bestQ = 0;
        for (String part : (header == null ? "" : header).toLowerCase(Locale.ROOT).split(",")) {
            String[] tagAndParams = part.strip().split(";");
            Optional<Language> named = answered(tagAndParams[0].strip().split("-")[0]);
            double q = 1;
            for (int i = 1; i < tagAndParams.length; i++) {
                String param = tagAndParams[i].strip();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > bestQ && named.isPresent()) {
                best = named.get();
                bestQ = q;
            }
        }
        return best;
    }

    /** A number as this language writes it, grouped, with at most {@code decimals} decimals ({@code 3,12}, {@code 3.12}). */
    public String number(BigDecimal value, int decimals) {
        DecimalFormat format = new DecimalFormat("#,##0." + "#".repeat(decimals), DecimalFormatSymbols.getInstance(locale));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        format.setParseBigDecimal(true);
        return format.format(value.setScale(Math.min(decimals, Math.max(0, value.scale())), RoundingMode.HALF_EVEN));
    }

    /** An amount with its currency's code after it, in whole units when it has no fraction ({@code 200 000 SEK}). */
    public String money(Money money) {
        BigDecimal amount = money.amount();
        int decimals = amount.stripTrailingZeros().scale() > 0 ? amount.scale() : 0;
        DecimalFormat format = new DecimalFormat("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""),
                DecimalFormatSymbols.getInstance(locale));
        return format.format(amount) + " " + money.currency().getCurrencyCode();
    }
}
