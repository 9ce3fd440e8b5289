package io.creditguard.money;

import java.util.Currency;

/** Minor units of ISO 4217 currencies, as the JDK's currency data states them. */
public final class Currencies {

    private Currencies() {
    }

    /**
     * Decimals of the currency's minor unit: 2 for SEK and EUR, 0 for JPY and ISK.
     *
     * @throws IllegalArgumentException for codes with no minor unit (precious metals, XXX, XDR)
     */
    public static int minorUnits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency of payment");
        }
        return digits;
    }
}
