package io.creditguard.format;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.creditguard.money.Currencies;
import io.creditguard.money.ExchangeRates;
import io.creditguard.money.Money;
import io.creditguard.reference.Language;

/**
 * Amounts, rates and dates as letters in Swedish ({@code 10 540,41 SEK}, {@code 2026-11-30}), Dutch
 * ({@code EUR 1.234,50}, {@code 30-11-2026}), English ({@code EUR 1,234.50}, {@code 30 November 2026}) and
 * German ({@code 1.234,50 EUR}, {@code 30.11.2026}) write them, and the few words around them
 * ({@link LetterText}). Any other language is written as English.
 */
public final class LetterFormat {

    private final String language;
    private final Language written;
    private final Locale locale;

    /** @param language an ISO 639-1 code of {@link Language}; any other is written as English */
    public LetterFormat(String language) {
        this.written = Language.orEnglish(language);
        this.language = written.code();
        this.locale = written.locale();
    }

    public String money(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        int scale = Currencies.minorUnits(money.currency());
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        String number = format.format(money.amount()).replace('\u00a0', ' ').replace('\u202f', ' ');
        String code = money.currency().getCurrencyCode();
        return written == Language.SV || written == Language.DE ? number + " " + code : code + " " + number;
    }

    public String percent(BigDecimal percent) {
        DecimalFormat format = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale));
        return format.format(percent) + " %";
    }

    /** The country's name in the letter's language ({@code Sverige}, {@code Zweden}, {@code Sweden}, {@code Schweden}). */
    public String country(String code) {
        return new Locale("", code).getDisplayCountry(locale);
    }

    /** How a payment was applied, naming only the parts it met. */
    public String applied(Money costs, Money interest, Money principal) {
        String[] words = {LetterText.APPLIED_COSTS.in(language), LetterText.APPLIED_INTEREST.in(language),
                LetterText.APPLIED_PRINCIPAL.in(language)};
        StringBuilder out = new StringBuilder();
        Money[] parts = {costs, interest, principal};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isPositive()) {
                out.append(out.isEmpty() ? "" : ", ").append(words[i]).append(' ').append(money(parts[i]));
            }
        }
        return out.toString();
    }

    /**
     * A conversion as a letter states it: the amount the law sets, the rate and its day (every rate is an ECB
     * euro reference rate, the answer names the row it came from).
     */
    public String conversion(ExchangeRates.Conversion c) {
        String rate = new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(locale)).format(c.rate());
        return LetterText.CONVERTED.in(language, money(c.original()), rate, date(c.rateDate()));
    }

    public String date(LocalDate date) {
        return switch (written) {
            case SV -> date.toString();
            case NL -> date.format(DateTimeFormatter.ofPattern("d-M-yyyy"));
            case DE -> date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            case EN -> date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        };
    }
}
