package io.creditguard.webhooks;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.creditguard.http.Checks;
import io.creditguard.http.FieldErrors;
import io.creditguard.http.Problem;
import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;
import io.creditguard.receivables.Invoice;

/**
 * What every platform mapping shares: the letter language a country implies, the country to assume
 * when a platform sends none, and the check that a mapped invoice is one the reminder run can use.
 */
@ApplicationScoped
class Normalizer {

    private final String defaultCountry;

    Normalizer(@ConfigProperty(name = "creditguard.intake.default-country", defaultValue = "SE") String defaultCountry) {
        this.defaultCountry = defaultCountry;
    }

    /** The debtor's country, or the configured default when the platform did not say. */
    String country(String given) {
        return given == null || given.isBlank() ? defaultCountry : given.toUpperCase(Locale.ROOT);
    }

    static String languageOf(String country) {
        return switch (country) {
            case "SE" -> "sv";
            case "NL", "BE" -> "nl";
            default -> "en";
        };
    }

    /**
     * @param path where the invoice sits in the payload, for error messages ({@code $.data.object})
     * @throws ProblemException 422 naming each field that makes it unusable
     */
    Invoice checked(Invoice invoice, String path) {
        FieldErrors errors = new FieldErrors();
        Checks.check(invoice, path, errors);
        errors.throwIfAny();
        return invoice;
    }

    static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail);
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, field + " " + message,
                List.of(new Problem.FieldError(field, message))));
    }
}
