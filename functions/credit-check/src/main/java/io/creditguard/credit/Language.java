package io.creditguard.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import io.creditguard.money.Money;

/**
 * A language the credit check answers in, with the reference data's column of the same name
 * ({@code sv}, {@code nl}, {@code en}) and the way it writes numbers.
 */
public enum Language {
    SV(Locale.forLanguageTag("sv-SE")),
    NL(Locale.forLanguageTag("nl-NL")),
    EN(Locale.UK);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The ISO 639-1 code, as a reference table's column and {@code Content-Language} name it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code sv}, {@code nl} or {@code en}; anything else is English. */
    public static Language ofCode(String code) {
        return switch (code == null ? "" : code) {
            case "sv" -> SV;
            case "nl" -> NL;
            default -> EN;
        };
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
            String primary = tagAndParams[0].strip().split("-")[0];
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
            if (q > bestQ && (primary.equals("sv") || primary.equals("nl") || primary.equals("en"))) {
                best = ofCode(primary);
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
