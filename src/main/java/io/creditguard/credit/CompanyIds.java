package io.creditguard.credit;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Validation of company identifiers.
 *
 * <ul>
 * <li>Swedish organisationsnummer: 10 digits, an optional hyphen after the sixth, a Luhn check
 * digit; the third digit is 2 or more for legal entities. A number whose third digit is 0 or 1 is
 * shaped like a personnummer: a sole trader (enskild näringsidkare) identified by a personal
 * number, which is personal data and is only ever shown masked.</li>
 * <li>Dutch KvK number: 8 digits.</li>
 * <li>VAT: SE + the 10-digit organisationsnummer + 01; NL + 9 digits + B + 2 digits, valid when
 * the 9 digits pass the eleven test (weights 9..2 and −1) or the whole number passes ISO 7064
 * MOD 97-10 (the format given to sole traders since 2020).</li>
 * </ul>
 */
public final class CompanyIds {

    public enum Kind {
        ORGANISATIONSNUMMER,
        PERSONNUMMER_SOLE_TRADER,
        KVK_NUMBER,
        UNVERIFIED
    }

    /**
     * A checked identifier.
     *
     * @param normalized canonical form ({@code 556036-0793}, {@code 12345678}); for a personal number masked
     * @param error the rule broken, or {@code null} when valid
     */
    public record Checked(Kind kind, String normalized, String error) {
        public boolean valid() {
            return error == null;
        }
    }

    private CompanyIds() {
    }

    /** Checks {@code id} by the rules of {@code country}; other countries are accepted unverified. */
    public static Checked registrationNumber(String country, String id) {
        String compact = id.strip().replace(" ", "");
        return switch (country) {
            case "SE" -> swedish(compact);
            case "NL" -> dutch(compact);
            default -> compact.matches("[A-Za-z0-9./-]{1,40}")
                    ? new Checked(Kind.UNVERIFIED, compact, null)
                    : new Checked(Kind.UNVERIFIED, null, "must be 1-40 letters, digits, '.', '/' or '-'");
        };
    }

    private static Checked swedish(String id) {
        if (!id.matches("\\d{6}-?\\d{4}")) {
            return new Checked(Kind.ORGANISATIONSNUMMER, null,
                    "must be a Swedish organisationsnummer of 10 digits (NNNNNN-NNNN)");
        }
        String digits = id.replace("-", "");
        boolean personal = digits.charAt(2) < '2';
        Kind kind = personal ? Kind.PERSONNUMMER_SOLE_TRADER : Kind.ORGANISATIONSNUMMER;
        if (!luhnValid(digits)) {
            return new Checked(kind, null, "fails the Luhn check digit (last digit)");
        }
        String shown = personal ? digits.substring(0, 6) + "-****" : digits.substring(0, 6) + "-" + digits.substring(6);
        return new Checked(kind, shown, null);
    }

    private static Checked dutch(String id) {
        return id.matches("\\d{8}") ? new Checked(Kind.KVK_NUMBER, id, null)
                : new Checked(Kind.KVK_NUMBER, null, "must be a Dutch KvK number of 8 digits");
    }

    /**
     * Checks a VAT number against the country and, for Sweden, against the organisationsnummer.
     *
     * @return the rule broken, or {@code null} when valid
     */
    public static String vatNumberError(String country, String vat, Checked registration) {
        String compact = vat.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        return switch (country) {
            case "SE" -> {
                if (!compact.matches("SE\\d{10}01")) {
                    yield "must be SE + 10 digits + 01";
                }
                String digits = compact.substring(2, 12);
                if (!luhnValid(digits)) {
                    yield "does not contain a valid organisationsnummer (Luhn check fails)";
                }
                if (registration.valid() && registration.kind() == Kind.ORGANISATIONSNUMMER
                        && !registration.normalized().replace("-", "").equals(digits)) {
                    yield "does not match registrationNumber";
                }
                yield null;
            }
            case "NL" -> {
                if (!compact.matches("NL\\d{9}B\\d{2}")) {
                    yield "must be NL + 9 digits + B + 2 digits";
                }
                yield elevenTest(compact.substring(2, 11)) || mod97(compact) ? null : "fails the VAT check digits";
            }
            default -> compact.matches("[A-Z]{2}[A-Z0-9+*]{2,13}") ? null : "must be a 2-letter country prefix and"
                    + " 2-13 letters or digits";
        };
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static boolean elevenTest(String nine) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nine.charAt(i) - '0');
        }
        sum -= nine.charAt(8) - '0';
        return sum % 11 == 0;
    }

    private static boolean mod97(String vat) {
        StringBuilder numeric = new StringBuilder();
        for (char c : vat.toCharArray()) {
            numeric.append(Character.getNumericValue(c));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
