package io.creditguard.webhooks;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every platform mapping shares, the webhooks' and the connections' syncs: the letter language a country
 * implies, and the country to assume when a platform sends none.
 */
@ApplicationScoped
public class Normalizer {

    private final String defaultCountry;

    public Normalizer(@ConfigProperty(name = "creditguard.intake.default-country", defaultValue = "SE") String defaultCountry) {
        this.defaultCountry = defaultCountry;
    }

    /**
     * The debtor's country as an ISO code, from a code or an English name ({@code Sweden}; Xero's
     * addresses carry names); the configured default when the platform did not say. A name that is no
     * country passes as written, so validation names it.
     */
    public String country(String given) {
        if (given == null || given.isBlank()) {
            return defaultCountry;
        }
        String text = given.strip();
        if (text.length() == 2) {
            return text.toUpperCase(Locale.ROOT);
        }
        for (String code : Locale.getISOCountries()) {
            if (new Locale("", code).getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(text)) {
                return code;
            }
        }
        return text;
    }

    public static String languageOf(String country) {
        return switch (country) {
            case "SE" -> "sv";
            case "NL", "BE" -> "nl";
            default -> "en";
        };
    }
}
