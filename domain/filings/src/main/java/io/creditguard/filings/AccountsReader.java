package io.creditguard.filings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.creditguard.filings.AnnualAccounts.Adjustment;
import io.creditguard.filings.AnnualAccounts.Figure;
import io.creditguard.filings.AnnualAccounts.Filed;
import io.creditguard.filings.AnnualAccounts.ReportKind;
import io.creditguard.filings.AnnualAccounts.Warning;
import io.creditguard.filings.AnnualAccounts.WarningCode;
import io.creditguard.filings.AnnualAccounts.Year;
import io.creditguard.filings.InlineDocument.Context;
import io.creditguard.filings.InlineDocument.Duration;
import io.creditguard.filings.InlineDocument.Instant;
import io.creditguard.filings.InlineDocument.NumericFact;
import io.creditguard.filings.ReportException.Fault;

/**
 * The annual accounts in a report's documents. Pure: documents and rules in, {@link AnnualAccounts} out.
 *
 * <p>The annual report is the document whose schemaRef names a K2 or K3 entry point, or the XHTML in an
 * ESEF report package's {@code reports/} folder with {@code ifrs-full} facts; an audit report or a cover
 * page is never one. Its financial year is the one the report states ({@code RakenskapsarForstaDag},
 * {@code RakenskapsarSistaDag}), else the latest period of its contexts; the year before is the period
 * ending the day before it begins. A figure is read from contexts without dimensions whose period is the
 * year (a flow) or its last day (a balance), in a currency unit; of several facts the most precise
 * ({@code decimals}) is kept, and two at that precision that disagree make the report unreadable.
 */
public final class AccountsReader {

    private static final String CD_BASE = "http://www.taxonomier.se/se/fr/cd-base/";
    private static final String BOLAGSVERKET_SCHEME = "http://www.bolagsverket.se";
    /**
     * A stated day with a four-digit year, as the contexts' dates are read: LocalDate.parse also takes
     * -999999999-01-01, whose day before (where the year before ends) no LocalDate holds.
     */
    private static final DateTimeFormatter DAY = new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2).toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private AccountsReader() {
    }

    private record Classified(InlineDocument document, Optional<ReportKind> kind) {
    }

    /**
     * @throws ReportException when a document cannot be read, there is no annual report or two for one year,
     *     or the report contradicts itself
     */
    public static AnnualAccounts read(List<ReportPackage.Document> documents, ReadingRules rules) throws ReportException {
        List<Classified> classified = new ArrayList<>();
        for (ReportPackage.Document d : documents) {
            InlineDocument doc = InlineXbrlReader.read(d.path(), d.bytes(), c -> c.namespace().startsWith(CD_BASE));
            Optional<ReportKind> kind = rules.kindOf(doc.schemaRefs());
            if (kind.isEmpty() && d.path().contains("/reports/") && doc.numbers().stream()
                    .anyMatch(f -> ReadingRules.Taxonomy.IFRS_FULL.defines(f.concept()))) {
                kind = Optional.of(ReportKind.ESEF);
            }
            classified.add(new Classified(doc, kind));
        }
        List<AnnualAccounts> reports = new ArrayList<>();
        for (Classified c : classified) {
            if (c.kind().isPresent() && c.kind().get() != ReportKind.AUDIT_REPORT) {
                reports.add(accounts(c.document(), c.kind().get(), rules));
            }
        }
        if (reports.isEmpty()) {
            String found = classified.stream().map(c -> c.document().name() + " (" + c.kind().map(k -> k == ReportKind.AUDIT_REPORT
                    ? "an audit report" : k.name()).orElse("no annual report taxonomy") + ")").reduce((a, b) -> a + ", " + b)
                    .orElse("nothing");
            throw new ReportException(Fault.NO_ANNUAL_REPORT, "no K2, K3 or ESEF annual report among " + found);
        }
        reports.sort(Comparator.comparing((AnnualAccounts a) -> a.years().get(0).end()).reversed());
        AnnualAccounts latest = reports.get(0);
        if (reports.size() > 1 && reports.get(1).years().get(0).end().equals(latest.years().get(0).end())) {
            throw new ReportException(Fault.TWO_REPORTS, latest.document() + " and " + reports.get(1).document()
                    + " are both annual reports for the year ending " + latest.years().get(0).end());
        }
        String organisationNumber = classified.stream().flatMap(c -> c.document().texts().stream())
                .filter(t -> t.concept().localName().equals("Organisationsnummer")).map(t -> digits(t.text()))
                .filter(d -> d.length() == 10).findFirst().orElse(latest.organisationNumber());
        return new AnnualAccounts(latest.document(), latest.kind(), organisationNumber, latest.currency(), latest.years(),
                latest.warnings());
    }

    private static AnnualAccounts accounts(InlineDocument doc, ReportKind kind, ReadingRules rules) throws ReportException {
        Duration current = financialYear(doc);
        List<Duration> years = new ArrayList<>(List.of(current));
        previousYear(doc, current).ifPresent(years::add);
        Map<String, List<NumericFact>> byName = new HashMap<>();
        doc.numbers().forEach(f -> byName.computeIfAbsent(f.concept().localName(), k -> new ArrayList<>()).add(f));

        List<Year> read = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        ReportCurrency currency = new ReportCurrency(doc.name());
        for (Duration year : years) {
            List<Filed> figures = new ArrayList<>();
            for (Figure figure : Figure.values()) {
                find(doc, byName, figure, year, rules, currency).ifPresent(figures::add);
            }
            if (figures.isEmpty()) {
                continue;
            }
            read.add(year(year, figures, kind, rules, currency.currency, warnings));
        }
        if (read.isEmpty()) {
            throw new ReportException(Fault.NO_ANNUAL_REPORT, doc.name() + " tags none of the figures of an annual report for "
                    + current.start() + " – " + current.end());
        }
        String entity = doc.contexts().values().stream().filter(c -> BOLAGSVERKET_SCHEME.equals(c.entityScheme()))
                .map(c -> digits(c.entity())).filter(d -> d.length() == 10).findFirst().orElse(null);
        return new AnnualAccounts(doc.name(), kind, entity, currency.currency, read, warnings);
    }

    /** The one currency a report's amounts are in, learnt from the first amount read. */
    private static final class ReportCurrency {
        private final String document;
        private Currency currency;

        ReportCurrency(String document) {
            this.document = document;
        }

        void of(NumericFact fact, InlineDocument.Unit unit) throws ReportException {
            Currency c = unit.currency().orElseThrow();
            if (c.getDefaultFractionDigits() < 0) {
                // ISO 4217's codes without a minor unit (XXX no currency, XAU gold, XDR, XTS testing) count no money,
                // and the untaxed reserves' split would round to the tens (setScale(-1))
                throw new ReportException(Fault.INCONSISTENT_REPORT, document + " states " + fact.concept().written()
                        + " in unit " + unit.id() + " (" + unit.measure() + "), which has no minor unit: no currency money is"
                        + " counted in");
            }
            if (currency == null) {
                currency = c;
            } else if (!currency.equals(c)) {
                throw new ReportException(Fault.INCONSISTENT_REPORT, document + " states amounts in both " + currency
                        + " and " + c + " (" + fact.concept().written() + ")");
            }
        }
    }

    private static Year year(Duration period, List<Filed> figures, ReportKind kind, ReadingRules rules, Currency currency,
            List<Warning> warnings) {
        Map<Figure, BigDecimal> v = new LinkedHashMap<>();
        figures.forEach(f -> v.put(f.figure(), f.value()));
        String end = period.end().toString();
        if (!v.containsKey(Figure.REVENUE)) {
            warnings.add(new Warning(WarningCode.NO_REVENUE, period.end(), Map.of("year", end)));
        }
        BigDecimal assets = v.get(Figure.TOTAL_ASSETS);
        BigDecimal equityAndLiabilities = v.get(Figure.EQUITY_AND_LIABILITIES);
        if (assets != null && equityAndLiabilities != null && assets.compareTo(equityAndLiabilities) != 0) {
            warnings.add(new Warning(WarningCode.BALANCE_MISMATCH, period.end(), Map.of("year", end,
                    "assets", assets.toPlainString(), "equityAndLiabilities", equityAndLiabilities.toPlainString())));
        }
        BigDecimal equity = v.get(Figure.EQUITY);
        BigDecimal reserves = v.getOrDefault(Figure.UNTAXED_RESERVES, BigDecimal.ZERO);
        Adjustment adjustment = null;
        if (equity != null && reserves.signum() != 0 && kind != ReportKind.ESEF) {
            Optional<ReadingRules.TaxRate> rate = rules.taxRate("SE", period.start());
            if (rate.isPresent()) {
                // The equity share rounded to the currency's minor unit; the deferred tax is the rest, so the
                // two add up to the reserves exactly.
                BigDecimal equityShare = BigDecimal.ONE.subtract(rate.get().rate()).multiply(reserves)
                        .setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
                adjustment = new Adjustment(rate.get().rate(), rate.get().source(), equity.add(equityShare),
                        reserves.subtract(equityShare));
            } else {
                warnings.add(new Warning(WarningCode.NO_TAX_RATE, period.end(), Map.of("year", end,
                        "yearStart", period.start().toString())));
            }
        }
        BigDecimal weighedEquity = adjustment != null ? adjustment.equity() : equity;
        BigDecimal liabilities = assets != null && weighedEquity != null ? assets.subtract(weighedEquity) : null;
        return new Year(period.start(), period.end(), figures, adjustment, liabilities);
    }

    /** The figure for {@code year}, from the first element row the report has it for. */
    private static Optional<Filed> find(InlineDocument doc, Map<String, List<NumericFact>> byName, Figure figure,
            Duration year, ReadingRules rules, ReportCurrency currency) throws ReportException {
        for (ReadingRules.Element element : rules.elementsOf(figure)) {
            List<NumericFact> parts = new ArrayList<>();
            for (String part : element.parts()) {
                Optional<NumericFact> fact = best(doc, byName.getOrDefault(part, List.of()), element.taxonomy(), figure, year);
                if (fact.isEmpty()) {
                    break;
                }
                parts.add(fact.get());
            }
            if (parts.size() < element.parts().size()) {
                continue;
            }
            BigDecimal value = BigDecimal.ZERO;
            for (NumericFact f : parts) {
                currency.of(f, doc.units().get(f.unitRef()));
                value = value.add(f.value());
            }
            return Optional.of(new Filed(figure, value, String.join(" + ", parts.stream().map(f -> f.concept().written())
                    .toList()), parts.get(0).contextRef()));
        }
        return Optional.empty();
    }

    /** Of the facts for the year, the most precise; two equally precise that disagree are an error. */
    private static Optional<NumericFact> best(InlineDocument doc, List<NumericFact> facts, ReadingRules.Taxonomy taxonomy,
            Figure figure, Duration year) throws ReportException {
        NumericFact best = null;
        for (NumericFact f : facts) {
            Context context = doc.contexts().get(f.contextRef());
            InlineDocument.Unit unit = doc.units().get(f.unitRef());
            if (!taxonomy.defines(f.concept()) || context == null || context.dimensional() || unit == null
                    || unit.currency().isEmpty() || !inYear(context, figure, year)) {
                continue;
            }
            if (best == null || f.decimals() > best.decimals()) {
                best = f;
            } else if (f.decimals() == best.decimals() && f.value().compareTo(best.value()) != 0) {
                throw new ReportException(Fault.INCONSISTENT_DUPLICATES, doc.name() + ": " + f.concept().written() + " is "
                        + best.value().toPlainString() + " in " + best.contextRef() + " and " + f.value().toPlainString()
                        + " in " + f.contextRef() + " at the same precision for the year ending " + year.end());
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean inYear(Context context, Figure figure, Duration year) {
        return figure.flow() ? context.period().equals(year)
                : context.period() instanceof Instant i && i.date().equals(year.end());
    }

    /** The year the report states, else the latest (then the longest) period of a context without dimensions. */
    private static Duration financialYear(InlineDocument doc) throws ReportException {
        Optional<String> first = text(doc, "RakenskapsarForstaDag");
        Optional<String> last = text(doc, "RakenskapsarSistaDag");
        if (first.isPresent() && last.isPresent()) {
            try {
                return new Duration(LocalDate.parse(first.get(), DAY), LocalDate.parse(last.get(), DAY));
            } catch (DateTimeParseException e) {
                throw new ReportException(Fault.INCONSISTENT_REPORT, doc.name() + " states its financial year as '"
                        + first.get() + "' – '" + last.get() + "', not two dates");
            }
        }
        return durations(doc).stream().max(Comparator.comparing(Duration::end)
                .thenComparing(d -> d.end().toEpochDay() - d.start().toEpochDay()))
                .orElseThrow(() -> new ReportException(Fault.INCONSISTENT_REPORT, doc.name()
                        + " has no period that could be its financial year"));
    }

    private static Optional<Duration> previousYear(InlineDocument doc, Duration current) {
        return durations(doc).stream().filter(d -> d.end().equals(current.start().minusDays(1)))
                .max(Comparator.comparing(d -> d.end().toEpochDay() - d.start().toEpochDay()));
    }

    private static List<Duration> durations(InlineDocument doc) {
        return doc.contexts().values().stream().filter(c -> !c.dimensional()).map(Context::period)
                .filter(Duration.class::isInstance).map(Duration.class::cast).distinct().toList();
    }

    private static Optional<String> text(InlineDocument doc, String localName) {
        return doc.texts().stream().filter(t -> t.concept().localName().equals(localName)).map(t -> t.text().strip())
                .findFirst();
    }

    /** The digits of an organisation number as written ({@code 556920-1998}, {@code 16556920-1998}). */
    private static String digits(String written) {
        String d = written.replaceAll("\\D", "");
        return d.length() == 12 && d.startsWith("16") ? d.substring(2) : d;
    }
}
