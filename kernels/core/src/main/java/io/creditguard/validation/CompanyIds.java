package io.creditguard.validation;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Validation of company identifiers.
 *
 * <ul>
 * <li>Swedish organisationsnummer: 10 digits, an optional hyphen after the sixth, a Luhn check
 * digit; the third digit is 2 or more for legal entities, which may also be written with 16 before
 * the ten. A number whose third digit is 0 or 1 is
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
     * A rule an identifier can break; each names its message in {@code ValidationMessages.properties}
     * ({@code io.creditguard.validation.CompanyIds.SE_ORGNR_FORMAT}).
     */
    public enum Rule {
        SE_ORGNR_FORMAT, SE_ORGNR_LUHN, NL_KVK_FORMAT, OTHER_ID_FORMAT,
        SE_VAT_FORMAT, SE_VAT_LUHN, SE_VAT_MISMATCH, NL_VAT_FORMAT, NL_VAT_CHECK_DIGITS, OTHER_VAT_FORMAT;

        /** The message key, as a constraint's template names it. */
        public String template() {
            return "{io.creditguard.validation.CompanyIds." + name() + "}";
        }
    }

    /**
     * A checked identifier.
     *
     * @param normalized canonical form ({@code 556036-0793}, {@code 12345678}); for a personal number masked
     * @param broken the rule broken, or {@code null} when valid
     */
    public record Checked(Kind kind, String normalized, Rule broken) {
        public boolean valid() {
            return broken == null;
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
                    : new Checked(Kind.UNVERIFIED, null, Rule.OTHER_ID_FORMAT);
        };
    }

    private static Checked swedish(String id) {
        // The 12-digit form puts 16 before a legal person's number (Skatteverket's century digits for it): the same
        // number, as the credit-check form takes it and a report may write it; a personal number never has it.
        boolean prefixed = id.matches("16\\d{6}-?\\d{4}");
        String number = prefixed ? id.substring(2) : id;
        if (!number.matches("\\d{6}-?\\d{4}") || prefixed && number.charAt(2) < '2') {
            return new Checked(Kind.ORGANISATIONSNUMMER, null, Rule.SE_ORGNR_FORMAT);
        }
        String digits = number.replace("-", "");
        boolean personal = digits.charAt(2) < '2';
        Kind kind = personal ? Kind.PERSONNUMMER_SOLE_TRADER : Kind.ORGANISATIONSNUMMER;
        if (!luhnValid(digits)) {
            return new Checked(kind, null, Rule.SE_ORGNR_LUHN);
        }
        String shown = personal ? digits.substring(0, 6) + "-****" : digits.substring(0, 6) + "-" + digits.substring(6);
        return new Checked(kind, shown, null);
    }

    private static Checked dutch(String id) {
        return id.matches("\\d{8}") ? new Checked(Kind.KVK_NUMBER, id, null)
                : new Checked(Kind.KVK_NUMBER, null, Rule.NL_KVK_FORMAT);
    }

    /**
     * Checks a VAT number against the country and, for Sweden, against the organisationsnummer when
     * one is given ({@code registration} may be null).
     *
     * @return the rule broken, or {@code null} when valid
     */
    public static Rule vatNumberError(String country, String vat, Checked registration) {
        String compact = vat.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        return switch (country) {
            case "SE" -> {
                if (!compact.matches("SE\\d{10}01")) {
                    yield Rule.SE_VAT_FORMAT;
                }
                String digits = compact.substring(2, 12);
                if (!luhnValid(digits)) {
                    yield Rule.SE_VAT_LUHN;
                }
                if (registration != null && registration.valid() && registration.kind() == Kind.ORGANISATIONSNUMMER
                        && !registration.normalized().replace("-", "").equals(digits)) {
                    yield Rule.SE_VAT_MISMATCH;
                }
                yield null;
            }
            case "NL" -> {
                if (!compact.matches("NL\\d{9}B\\d{2}")) {
                    yield Rule.NL_VAT_FORMAT;
                }
                yield elevenTest(compact.substring(2, 11)) || mod97(compact) ? null : Rule.NL_VAT_CHECK_DIGITS;
            }
            default -> compact.matches("[A-Z]{2}[A-Z0-9+*]{2,13}") ? null : Rule.OTHER_VAT_FORMAT;
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
