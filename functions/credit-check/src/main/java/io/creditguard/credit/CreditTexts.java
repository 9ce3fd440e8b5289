package io.creditguard.credit;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.creditguard.reference.ReferenceTable;

/**
 * The words of a credit check in Swedish, Dutch and English, from {@code reference/credit-texts.txt}: one
 * row per {@link Text}, a column per {@link Language}. Checked when it loads: a row for every text and a
 * text for every row, every language filled, and the same {@code {placeholders}} in each. Immutable.
 */
public final class CreditTexts {

    /** Every text the check writes, as the table's {@code code} column names it. */
    public enum Text {
        REASON_BANKRUPTCY_PETITION, REASON_PAYMENT_REMARKS, REASON_DEREGISTERED, REASON_BANKRUPTCY, REASON_LIQUIDATION,
        REASON_RECONSTRUCTION, REASON_EQUITY_BELOW_HALF_SHARE_CAPITAL, REASON_NO_FINANCIALS, REASON_EXPOSURE_OVER_LIMIT,
        EFFECT_DECISION, EFFECT_AT_LEAST,
        CONDITION_FINANCIALS_REQUIRED, CONDITION_REDUCE_EXPOSURE_OR_SECURE, CONDITION_PREPAYMENT, CONDITION_SHORTER_TERMS,
        CONDITION_CREDIT_INSURANCE_COVER, CONDITION_GUARANTEE, CONDITION_CONTROL_BALANCE_SHEET,
        NOT_ASSESSED_FINANCIALS, NOT_ASSESSED_TRENDS, NOT_ASSESSED_PAYMENT, NOT_ASSESSED_PAID_LATE, NOT_ASSESSED_RATING,
        NOT_ASSESSED_DAYS_LATE, NOT_ASSESSED_AGE, NOT_ASSESSED_AGE_AFTER_AS_OF, NOT_ASSESSED_YEAR_AFTER_AS_OF,
        NOT_ASSESSED_FILED_AFTER_AS_OF, NOT_ASSESSED_ALTMAN, NOT_ASSESSED_CURRENT_RATIO, NOT_ASSESSED_EBIT_MARGIN,
        NOT_ASSESSED_SHARE_CAPITAL, NOT_ASSESSED_FILING,
        FILING_NOT_A_LIMITED_COMPANY, FILING_NO_REGISTER, FILING_NOTHING_FILED,
        GAP_REGISTRY_NOT_CONFIGURED, GAP_REGISTRY_UNAVAILABLE, GAP_REGISTRY_REFUSED, GAP_REGISTRY_BAD_ANSWER,
        GAP_COMPANY_NOT_FOUND, GAP_NO_DIGITAL_REPORT, GAP_UNSUPPORTED_DOCUMENT, GAP_SOLE_TRADER, GAP_COUNTRY_NOT_COVERED,
        GAP_KVK_NO_REGISTER_DATA, GAP_KVK_YEAR_ONLY, GAP_FIGURES_NOT_FILED, GAP_OTHER_CURRENCY,
        FAULT_NOT_A_REPORT, FAULT_ZIP_BOMB, FAULT_DOCTYPE, FAULT_MALFORMED, FAULT_NUMBER_FORMAT, FAULT_NO_ANNUAL_REPORT,
        FAULT_TWO_REPORTS, FAULT_INCONSISTENT_DUPLICATES, FAULT_INCONSISTENT_REPORT, FAULT_OTHER_COMPANY,
        WARNING_BALANCE_MISMATCH, WARNING_NO_REVENUE, WARNING_NO_TAX_RATE,
        DETAIL_ALTMAN, DETAIL_PERCENT, DETAIL_NUMBER, DETAIL_SHARE_PAID_LATE, DETAIL_DAYS, DETAIL_RATING, DETAIL_YEARS,
        DETAIL_REVENUE_TREND, DETAIL_EQUITY_TREND, DETAIL_FILING_OVERDUE, DETAIL_NO_CURRENT_LIABILITIES, DETAIL_NO_REVENUE,
        PD_BASIS, PD_HORIZON
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<Text, Map<Language, String>> texts;

    private CreditTexts(Map<Text, Map<Language, String>> texts) {
        this.texts = texts;
    }

    /**
     * @throws IllegalStateException naming file and line for an unknown code, a text without a row, an empty
     *     language, or languages that name different placeholders
     */
    public static CreditTexts from(ReferenceTable table) {
        Map<Text, Map<Language, String>> texts = new EnumMap<>(Text.class);
        for (ReferenceTable.Row row : table.rows()) {
            Text code = row.enumValue("code", Text.class);
            Map<Language, String> byLanguage = new EnumMap<>(Language.class);
            Set<String> names = null;
            for (Language language : Language.values()) {
                String text = row.text(language.code());
                Set<String> these = placeholders(text);
                if (names != null && !names.equals(these)) {
                    throw new IllegalStateException(row.location() + ": " + language.code() + " names " + these
                            + ", the other languages " + names);
                }
                names = these;
                byLanguage.put(language, text);
            }
            if (texts.put(code, byLanguage) != null) {
                throw new IllegalStateException(row.location() + ": " + code + " has a row already");
            }
        }
        Set<Text> missing = EnumSet.allOf(Text.class);
        missing.removeAll(texts.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException(table.name() + " has no row for " + missing);
        }
        return new CreditTexts(texts);
    }

    /**
     * The text in {@code language} with its placeholders filled.
     *
     * @throws IllegalArgumentException when {@code values} lacks a placeholder the text names: a fault of ours
     */
    public String text(Text code, Language language, Map<String, String> values) {
        return fill(texts.get(code).get(language), values, code.name());
    }

    public String text(Text code, Language language) {
        return text(code, language, Map.of());
    }

    /** {@code {name}} in {@code template} replaced by {@code values.get(name)}. */
    static String fill(String template, Map<String, String> values, String what) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(what + " names {" + m.group(1) + "}, which was not given");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
