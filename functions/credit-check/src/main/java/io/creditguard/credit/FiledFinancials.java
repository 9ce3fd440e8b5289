package io.creditguard.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.creditguard.credit.CreditDecision.Financials;
import io.creditguard.credit.CreditDecision.Source;
import io.creditguard.credit.CreditDecision.SourceType;
import io.creditguard.credit.CreditTexts.Text;
import io.creditguard.filings.AnnualAccounts;
import io.creditguard.filings.AnnualAccounts.Figure;
import io.creditguard.filings.AnnualAccounts.ReportKind;
import io.creditguard.filings.CompanyFilings;
import io.creditguard.filings.ReportException;

/**
 * Filed accounts as the years the check weighs, and what the filings could not give in the caller's
 * words. Pure.
 *
 * <p>A Swedish balance sheet or income statement leaves out a heading with no amount in either year, so
 * a K2, K3 or ESEF report's missing current assets, current liabilities or revenue are none (revenue with a
 * warning); KvK's open data leaves out whatever a small company did not file, so there a missing figure is
 * unknown. Equity is the adjusted equity where the report has untaxed reserves, total liabilities what
 * the assets carry beyond it. A year without total assets, equity or positive total liabilities is not
 * weighed, and said so.
 */
final class FiledFinancials {

    record Weighed(List<Financials> years, List<String> gaps) {
    }

    private FiledFinancials() {
    }

    static Weighed weigh(AnnualAccounts accounts, SourceType type, String document, LocalDate filedOn, CreditTexts texts,
            Language language) {
        boolean leftOutIsNone = accounts.kind() != ReportKind.KVK_OPEN_DATA;
        List<Financials> years = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        accounts.warnings().forEach(w -> gaps.add(warning(w, texts, language)));
        for (AnnualAccounts.Year y : accounts.years()) {
            Optional<BigDecimal> equity = y.equity();
            BigDecimal assets = y.value(Figure.TOTAL_ASSETS).orElse(null);
            BigDecimal liabilities = y.totalLiabilities();
            if (equity.isEmpty() || assets == null || assets.signum() <= 0 || liabilities == null || liabilities.signum() <= 0) {
                List<String> absent = new ArrayList<>();
                if (assets == null || assets.signum() <= 0) {
                    absent.add("totalAssets");
                }
                if (equity.isEmpty()) {
                    absent.add("equity");
                }
                if (assets != null && equity.isPresent() && (liabilities == null || liabilities.signum() <= 0)) {
                    absent.add("totalLiabilities");
                }
                gaps.add(texts.text(Text.GAP_FIGURES_NOT_FILED, language, Map.of("year", y.end().toString(),
                        "figures", String.join(", ", absent))));
                continue;
            }
            years.add(new Financials(y.end(), figure(y, Figure.REVENUE, leftOutIsNone), y.value(Figure.EBIT).orElse(null),
                    y.value(Figure.NET_INCOME).orElse(null), y.value(Figure.INTEREST_EXPENSE).orElse(null), assets,
                    figure(y, Figure.CURRENT_ASSETS, leftOutIsNone), y.value(Figure.INVENTORY).orElse(null),
                    y.value(Figure.CASH).orElse(null), figure(y, Figure.CURRENT_LIABILITIES, leftOutIsNone), liabilities,
                    equity.get(), y.value(Figure.RETAINED_EARNINGS).orElse(null), y.value(Figure.SHARE_CAPITAL).orElse(null),
                    new Source(type, document, filedOn, elements(y))));
        }
        return new Weighed(years, gaps);
    }

    private static BigDecimal figure(AnnualAccounts.Year year, Figure figure, boolean leftOutIsNone) {
        return year.value(figure).orElse(leftOutIsNone ? BigDecimal.ZERO : null);
    }

    /** Per figure (the request's field names), the element it was read from; equity and liabilities as derived. */
    private static Map<String, String> elements(AnnualAccounts.Year y) {
        Map<String, String> elements = new LinkedHashMap<>();
        y.figures().forEach(f -> elements.put(fieldName(f.figure()), f.element()));
        if (y.adjustment() != null) {
            String reserves = y.filed(Figure.UNTAXED_RESERVES).map(AnnualAccounts.Filed::element).orElse("untaxedReserves");
            elements.put("equity", elements.get("equity") + " + (1 − " + y.adjustment().taxRate().toPlainString() + ") × "
                    + reserves + " (" + y.adjustment().source() + ")");
        }
        elements.put("totalLiabilities", "totalAssets − equity");
        return Map.copyOf(elements);
    }

    /** {@code CURRENT_LIABILITIES} → {@code currentLiabilities}, as the request names the figure. */
    static String fieldName(Figure figure) {
        String[] words = figure.name().toLowerCase(Locale.ROOT).split("_");
        return words[0] + Arrays.stream(words).skip(1).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining());
    }

    static String warning(AnnualAccounts.Warning warning, CreditTexts texts, Language language) {
        Text text = switch (warning.code()) {
            case BALANCE_MISMATCH -> Text.WARNING_BALANCE_MISMATCH;
            case NO_REVENUE -> Text.WARNING_NO_REVENUE;
            case NO_TAX_RATE -> Text.WARNING_NO_TAX_RATE;
        };
        Map<String, String> values = new LinkedHashMap<>(warning.values());
        for (String amount : List.of("assets", "equityAndLiabilities")) {
            values.computeIfPresent(amount, (k, v) -> language.number(new BigDecimal(v), 2));
        }
        return texts.text(text, language, values);
    }

    static String gap(CompanyFilings.Missing missing, CreditTexts texts, Language language) {
        Text text = switch (missing.gap()) {
            case REGISTRY_NOT_CONFIGURED -> Text.GAP_REGISTRY_NOT_CONFIGURED;
            case REGISTRY_UNAVAILABLE -> Text.GAP_REGISTRY_UNAVAILABLE;
            case REGISTRY_REFUSED -> Text.GAP_REGISTRY_REFUSED;
            case REGISTRY_BAD_ANSWER -> Text.GAP_REGISTRY_BAD_ANSWER;
            case COMPANY_NOT_FOUND -> Text.GAP_COMPANY_NOT_FOUND;
            case NO_DIGITAL_REPORT -> Text.GAP_NO_DIGITAL_REPORT;
            case UNSUPPORTED_DOCUMENT -> Text.GAP_UNSUPPORTED_DOCUMENT;
            case SOLE_TRADER -> Text.GAP_SOLE_TRADER;
            case COUNTRY_NOT_COVERED -> Text.GAP_COUNTRY_NOT_COVERED;
            case KVK_NO_REGISTER_DATA -> Text.GAP_KVK_NO_REGISTER_DATA;
            case KVK_YEAR_ONLY -> Text.GAP_KVK_YEAR_ONLY;
            case FIGURES_NOT_FILED -> Text.GAP_FIGURES_NOT_FILED;
        };
        Map<String, String> values = new LinkedHashMap<>(missing.values());
        values.computeIfPresent("fault", (k, v) -> fault(ReportException.Fault.valueOf(v), texts, language));
        values.computeIfPresent("figures", (k, v) -> Arrays.stream(v.split(",")).map(f -> fieldName(Figure.valueOf(f)))
                .collect(Collectors.joining(", ")));
        return texts.text(text, language, values);
    }

    static String fault(ReportException.Fault fault, CreditTexts texts, Language language) {
        return texts.text(switch (fault) {
            case NOT_A_REPORT -> Text.FAULT_NOT_A_REPORT;
            case ZIP_BOMB -> Text.FAULT_ZIP_BOMB;
            case DOCTYPE -> Text.FAULT_DOCTYPE;
            case MALFORMED -> Text.FAULT_MALFORMED;
            case NUMBER_FORMAT -> Text.FAULT_NUMBER_FORMAT;
            case NO_ANNUAL_REPORT -> Text.FAULT_NO_ANNUAL_REPORT;
            case TWO_REPORTS -> Text.FAULT_TWO_REPORTS;
            case INCONSISTENT_DUPLICATES -> Text.FAULT_INCONSISTENT_DUPLICATES;
            case INCONSISTENT_REPORT -> Text.FAULT_INCONSISTENT_REPORT;
            case OTHER_COMPANY -> Text.FAULT_OTHER_COMPANY;
        }, language);
    }
}
