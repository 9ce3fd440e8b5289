package io.creditguard.filings;

import static io.creditguard.filings.AnnualAccounts.Figure.CASH;
import static io.creditguard.filings.AnnualAccounts.Figure.CURRENT_ASSETS;
import static io.creditguard.filings.AnnualAccounts.Figure.CURRENT_LIABILITIES;
import static io.creditguard.filings.AnnualAccounts.Figure.EBIT;
import static io.creditguard.filings.AnnualAccounts.Figure.EQUITY;
import static io.creditguard.filings.AnnualAccounts.Figure.EQUITY_AND_LIABILITIES;
import static io.creditguard.filings.AnnualAccounts.Figure.INTEREST_EXPENSE;
import static io.creditguard.filings.AnnualAccounts.Figure.INVENTORY;
import static io.creditguard.filings.AnnualAccounts.Figure.LONG_TERM_LIABILITIES;
import static io.creditguard.filings.AnnualAccounts.Figure.NET_INCOME;
import static io.creditguard.filings.AnnualAccounts.Figure.RETAINED_EARNINGS;
import static io.creditguard.filings.AnnualAccounts.Figure.REVENUE;
import static io.creditguard.filings.AnnualAccounts.Figure.SHARE_CAPITAL;
import static io.creditguard.filings.AnnualAccounts.Figure.TOTAL_ASSETS;
import static io.creditguard.filings.AnnualAccounts.Figure.UNTAXED_RESERVES;
import static io.creditguard.filings.Reports.BONESUPPORT;
import static io.creditguard.filings.Reports.MODULAR;
import static io.creditguard.filings.Reports.PODSPACE;
import static io.creditguard.filings.Reports.SECTRADE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.creditguard.filings.AnnualAccounts.Figure;
import io.creditguard.filings.AnnualAccounts.ReportKind;
import io.creditguard.filings.AnnualAccounts.WarningCode;
import io.creditguard.filings.AnnualAccounts.Year;
import io.creditguard.filings.ReportException.Fault;

/**
 * The four real reports of src/test/resources/filings/, figure by figure. Every expected value was read by
 * hand from the report's own statements (resultaträkning, balansräkning, the group's statements for the
 * ESEF report) as a reader of the PDF would see them, with the sign the statement shows; none was taken
 * from this code's output. A figure the statement does not have is absent.
 */
class AccountsReaderTest {

    private static final Map<String, AnnualAccounts> READ = new HashMap<>();

    private static AnnualAccounts accounts(String file) {
        return READ.computeIfAbsent(file, f -> {
            try {
                return Reports.read(f);
            } catch (ReportException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Year year(String file, String end) {
        return accounts(file).years().stream().filter(y -> y.end().equals(LocalDate.parse(end))).findFirst().orElseThrow();
    }

    private static Arguments row(String file, String yearEnd, Figure figure, String value, String element) {
        return Arguments.of(file.substring(11, file.indexOf("_AB")), yearEnd, figure, value, element, file);
    }

    static Stream<Arguments> figures() {
        return Stream.of(
                // SecTrade Konsult AB, K2, year 2019-11-01 – 2020-10-31 and the one before; amounts in kronor.
                // Resultaträkning: Nettoomsättning 2 829 042 / 2 445 484; Rörelseresultat 1 829 655 / 1 379 468;
                // Räntekostnader och liknande resultatposter −1 337 / −3 552 (tagged positive); Årets resultat
                // 1 233 417 / 901 492. The flerårsöversikt repeats the sales in thousands (2 829 tkr): the
                // statement's exact figure is the one kept.
                row(SECTRADE, "2020-10-31", REVENUE, "2829042", "se-gen-base:Nettoomsattning"),
                row(SECTRADE, "2020-10-31", EBIT, "1829655", "se-gen-base:Rorelseresultat"),
                row(SECTRADE, "2020-10-31", INTEREST_EXPENSE, "1337", "se-gen-base:RantekostnaderLiknandeResultatposter"),
                row(SECTRADE, "2020-10-31", NET_INCOME, "1233417", "se-gen-base:AretsResultat"),
                row(SECTRADE, "2019-10-31", REVENUE, "2445484", "se-gen-base:Nettoomsattning"),
                row(SECTRADE, "2019-10-31", EBIT, "1379468", "se-gen-base:Rorelseresultat"),
                row(SECTRADE, "2019-10-31", INTEREST_EXPENSE, "3552", "se-gen-base:RantekostnaderLiknandeResultatposter"),
                row(SECTRADE, "2019-10-31", NET_INCOME, "901492", "se-gen-base:AretsResultat"),
                // Balansräkning 2020-10-31 / 2019-10-31: Summa omsättningstillgångar 4 628 453 / 3 341 318;
                // Kassa och bank 1 031 101 / 560 115; Summa tillgångar 4 775 453 / 3 537 318; Aktiekapital
                // 50 000; Balanserat resultat 1 060 154 / 740 862 plus Årets resultat 1 233 417 / 901 492;
                // Summa eget kapital 2 343 571 / 1 692 354; Periodiseringsfonder = Summa obeskattade reserver
                // 1 895 000 / 1 495 000; Summa kortfristiga skulder 536 882 / 349 964; Summa eget kapital och
                // skulder 4 775 453 / 3 537 318. No stock, no long-term liabilities.
                row(SECTRADE, "2020-10-31", CURRENT_ASSETS, "4628453", "se-gen-base:Omsattningstillgangar"),
                row(SECTRADE, "2020-10-31", CASH, "1031101", "se-gen-base:KassaBank"),
                row(SECTRADE, "2020-10-31", TOTAL_ASSETS, "4775453", "se-gen-base:Tillgangar"),
                row(SECTRADE, "2020-10-31", SHARE_CAPITAL, "50000", "se-gen-base:Aktiekapital"),
                row(SECTRADE, "2020-10-31", RETAINED_EARNINGS, "2293571",
                        "se-gen-base:BalanseratResultat + se-gen-base:AretsResultatEgetKapital"),
                row(SECTRADE, "2020-10-31", EQUITY, "2343571", "se-gen-base:EgetKapital"),
                row(SECTRADE, "2020-10-31", UNTAXED_RESERVES, "1895000", "se-gen-base:ObeskattadeReserver"),
                row(SECTRADE, "2020-10-31", CURRENT_LIABILITIES, "536882", "se-gen-base:KortfristigaSkulder"),
                row(SECTRADE, "2020-10-31", EQUITY_AND_LIABILITIES, "4775453", "se-gen-base:EgetKapitalSkulder"),
                row(SECTRADE, "2020-10-31", INVENTORY, null, null),
                row(SECTRADE, "2020-10-31", LONG_TERM_LIABILITIES, null, null),
                row(SECTRADE, "2019-10-31", CURRENT_ASSETS, "3341318", "se-gen-base:Omsattningstillgangar"),
                row(SECTRADE, "2019-10-31", CASH, "560115", "se-gen-base:KassaBank"),
                row(SECTRADE, "2019-10-31", TOTAL_ASSETS, "3537318", "se-gen-base:Tillgangar"),
                row(SECTRADE, "2019-10-31", RETAINED_EARNINGS, "1642354",
                        "se-gen-base:BalanseratResultat + se-gen-base:AretsResultatEgetKapital"),
                row(SECTRADE, "2019-10-31", EQUITY, "1692354", "se-gen-base:EgetKapital"),
                row(SECTRADE, "2019-10-31", UNTAXED_RESERVES, "1495000", "se-gen-base:ObeskattadeReserver"),
                row(SECTRADE, "2019-10-31", CURRENT_LIABILITIES, "349964", "se-gen-base:KortfristigaSkulder"),

                // Modular Finance AB, K3, 2021 and 2020. Resultaträkning: Nettoomsättning 70 196 324 /
                // 47 743 151; Rörelseresultat 43 787 074 / 27 859 739; Räntekostnader −5 046 / −14 551; Årets
                // resultat 34 739 587 / 21 847 601. Balansräkning 2021-12-31 / 2020-12-31: Summa
                // omsättningstillgångar 42 307 277 / 24 206 110; Kassa och bank 38 918 058 / 21 503 416;
                // Summa tillgångar 46 807 277 / 29 706 110; Aktiekapital 63 421 / 62 500; Balanserat resultat
                // −1 428 376 / −1 750 126 (shown negative, tagged positive with sign="-") plus Årets resultat;
                // Summa eget kapital 36 208 554 / 22 147 475; Summa kortfristiga skulder 10 598 723 / 7 558 635.
                row(MODULAR, "2021-12-31", REVENUE, "70196324", "se-gen-base:Nettoomsattning"),
                row(MODULAR, "2021-12-31", EBIT, "43787074", "se-gen-base:Rorelseresultat"),
                row(MODULAR, "2021-12-31", INTEREST_EXPENSE, "5046", "se-gen-base:RantekostnaderLiknandeResultatposter"),
                row(MODULAR, "2021-12-31", NET_INCOME, "34739587", "se-gen-base:AretsResultat"),
                row(MODULAR, "2021-12-31", CURRENT_ASSETS, "42307277", "se-gen-base:Omsattningstillgangar"),
                row(MODULAR, "2021-12-31", CASH, "38918058", "se-gen-base:KassaBank"),
                row(MODULAR, "2021-12-31", TOTAL_ASSETS, "46807277", "se-gen-base:Tillgangar"),
                row(MODULAR, "2021-12-31", SHARE_CAPITAL, "63421", "se-gen-base:Aktiekapital"),
                row(MODULAR, "2021-12-31", RETAINED_EARNINGS, "33311211",
                        "se-gen-base:BalanseratResultat + se-gen-base:AretsResultatEgetKapital"),
                row(MODULAR, "2021-12-31", EQUITY, "36208554", "se-gen-base:EgetKapital"),
                row(MODULAR, "2021-12-31", CURRENT_LIABILITIES, "10598723", "se-gen-base:KortfristigaSkulder"),
                row(MODULAR, "2021-12-31", UNTAXED_RESERVES, null, null),
                row(MODULAR, "2020-12-31", REVENUE, "47743151", "se-gen-base:Nettoomsattning"),
                row(MODULAR, "2020-12-31", EBIT, "27859739", "se-gen-base:Rorelseresultat"),
                row(MODULAR, "2020-12-31", INTEREST_EXPENSE, "14551", "se-gen-base:RantekostnaderLiknandeResultatposter"),
                row(MODULAR, "2020-12-31", NET_INCOME, "21847601", "se-gen-base:AretsResultat"),
                row(MODULAR, "2020-12-31", TOTAL_ASSETS, "29706110", "se-gen-base:Tillgangar"),
                row(MODULAR, "2020-12-31", SHARE_CAPITAL, "62500", "se-gen-base:Aktiekapital"),
                row(MODULAR, "2020-12-31", RETAINED_EARNINGS, "20097475",
                        "se-gen-base:BalanseratResultat + se-gen-base:AretsResultatEgetKapital"),
                row(MODULAR, "2020-12-31", EQUITY, "22147475", "se-gen-base:EgetKapital"),

                // Podspace (Bowtie) AB, K2, 2019 (a loss) and 2018. Resultaträkning: Nettoomsättning 2 919 157 /
                // 3 189 224; Rörelseresultat −236 665 / 55 232; Räntekostnader −568 / −1 692; Årets resultat
                // −243 356 / 34 851. Balansräkning 2019-12-31 / 2018-12-31: Summa omsättningstillgångar
                // 1 503 275 / 1 644 149; Kassa och bank 1 059 667 / 918 905; Summa tillgångar 1 592 260 /
                // 1 769 875; Aktiekapital 71 000; Balanserat resultat 1 457 659 / 1 422 808 with Årets resultat
                // −243 356 / 34 851; Summa eget kapital 1 285 303 / 1 528 659; Summa obeskattade reserver 0 /
                // −6 152; Summa kortfristiga skulder 306 957 / 247 368.
                row(PODSPACE, "2019-12-31", REVENUE, "2919157", "se-gen-base:Nettoomsattning"),
                row(PODSPACE, "2019-12-31", EBIT, "-236665", "se-gen-base:Rorelseresultat"),
                row(PODSPACE, "2019-12-31", INTEREST_EXPENSE, "568", "se-gen-base:RantekostnaderLiknandeResultatposter"),
                row(PODSPACE, "2019-12-31", NET_INCOME, "-243356", "se-gen-base:AretsResultat"),
                row(PODSPACE, "2019-12-31", TOTAL_ASSETS, "1592260", "se-gen-base:Tillgangar"),
                row(PODSPACE, "2019-12-31", RETAINED_EARNINGS, "1214303",
                        "se-gen-base:BalanseratResultat + se-gen-base:AretsResultatEgetKapital"),
                row(PODSPACE, "2019-12-31", EQUITY, "1285303", "se-gen-base:EgetKapital"),
                row(PODSPACE, "2019-12-31", UNTAXED_RESERVES, "0", "se-gen-base:ObeskattadeReserver"),
                row(PODSPACE, "2019-12-31", CURRENT_LIABILITIES, "306957", "se-gen-base:KortfristigaSkulder"),
                row(PODSPACE, "2018-12-31", EBIT, "55232", "se-gen-base:Rorelseresultat"),
                row(PODSPACE, "2018-12-31", NET_INCOME, "34851", "se-gen-base:AretsResultat"),
                row(PODSPACE, "2018-12-31", UNTAXED_RESERVES, "-6152", "se-gen-base:ObeskattadeReserver"),
                row(PODSPACE, "2018-12-31", EQUITY, "1528659", "se-gen-base:EgetKapital"),

                // BONESUPPORT HOLDING AB, the group's ESEF report for 2022 and 2021, in thousands of kronor
                // (scale 3). Koncernens resultaträkning: Nettoomsättning 328 818 / 212 885; Rörelseresultat
                // −64 535 / −80 669; Räntekostnader 970 / 1 168 (note 10); Årets resultat −68 167 / −85 531.
                // Koncernens balansräkning 2022-12-31 / 2021-12-31: Varulager 56 310 / 51 762; Likvida medel
                // 201 281 / 206 464; Summa omsättningstillgångar 338 808 / 308 476; Summa tillgångar 371 818 /
                // 343 919; Balanserat resultat −1 344 676 / −1 344 494; Summa eget kapital 268 928 / 265 704;
                // Summa långfristiga skulder 12 694 / 16 515; Summa kortfristiga skulder 90 196 / 61 700.
                row(BONESUPPORT, "2022-12-31", REVENUE, "328818000", "ifrs-full:RevenueFromSaleOfGoods"),
                row(BONESUPPORT, "2022-12-31", EBIT, "-64535000", "ifrs-full:ProfitLossFromOperatingActivities"),
                row(BONESUPPORT, "2022-12-31", INTEREST_EXPENSE, "970000", "ifrs-full:InterestExpense"),
                row(BONESUPPORT, "2022-12-31", NET_INCOME, "-68167000", "ifrs-full:ProfitLoss"),
                row(BONESUPPORT, "2022-12-31", INVENTORY, "56310000", "ifrs-full:Inventories"),
                row(BONESUPPORT, "2022-12-31", CASH, "201281000", "ifrs-full:CashAndCashEquivalents"),
                row(BONESUPPORT, "2022-12-31", CURRENT_ASSETS, "338808000", "ifrs-full:CurrentAssets"),
                row(BONESUPPORT, "2022-12-31", TOTAL_ASSETS, "371818000", "ifrs-full:Assets"),
                row(BONESUPPORT, "2022-12-31", RETAINED_EARNINGS, "-1344676000", "ifrs-full:RetainedEarnings"),
                row(BONESUPPORT, "2022-12-31", EQUITY, "268928000", "ifrs-full:Equity"),
                row(BONESUPPORT, "2022-12-31", LONG_TERM_LIABILITIES, "12694000", "ifrs-full:NoncurrentLiabilities"),
                row(BONESUPPORT, "2022-12-31", CURRENT_LIABILITIES, "90196000", "ifrs-full:CurrentLiabilities"),
                row(BONESUPPORT, "2022-12-31", SHARE_CAPITAL, null, null),
                row(BONESUPPORT, "2021-12-31", REVENUE, "212885000", "ifrs-full:RevenueFromSaleOfGoods"),
                row(BONESUPPORT, "2021-12-31", EBIT, "-80669000", "ifrs-full:ProfitLossFromOperatingActivities"),
                row(BONESUPPORT, "2021-12-31", INTEREST_EXPENSE, "1168000", "ifrs-full:InterestExpense"),
                row(BONESUPPORT, "2021-12-31", NET_INCOME, "-85531000", "ifrs-full:ProfitLoss"),
                row(BONESUPPORT, "2021-12-31", TOTAL_ASSETS, "343919000", "ifrs-full:Assets"),
                row(BONESUPPORT, "2021-12-31", EQUITY, "265704000", "ifrs-full:Equity"),
                row(BONESUPPORT, "2021-12-31", CURRENT_LIABILITIES, "61700000", "ifrs-full:CurrentLiabilities"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("figures")
    void figureByFigure(String company, String yearEnd, Figure figure, String value, String element, String file) {
        Year year = year(file, yearEnd);
        if (value == null) {
            assertThat(year.filed(figure)).as(figure + " is not in the statements").isEmpty();
            return;
        }
        AnnualAccounts.Filed filed = year.filed(figure).orElseThrow();
        assertThat(filed.value()).isEqualByComparingTo(value);
        assertThat(filed.element()).isEqualTo(element);
    }

    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of(SECTRADE, ReportKind.K2, "5590179924", "2019-11-01", "2020-10-31", "2018-11-01",
                        "4eaa2201-7ad0-4de4-9b2d-1f5f952b74d9.xhtml"),
                Arguments.of(MODULAR, ReportKind.K3, "5569201998", "2021-01-01", "2021-12-31", "2020-01-01",
                        "7ebc341f-bd7c-4d8a-9895-cfa3938feff0.xhtml"),
                Arguments.of(PODSPACE, ReportKind.K2, "5569914046", "2019-01-01", "2019-12-31", "2018-01-01",
                        "1f7deaa4-0bef-4731-8d8b-40a0ed1dc356.xhtml"),
                Arguments.of(BONESUPPORT, ReportKind.ESEF, "5568022171", "2022-01-01", "2022-12-31", "2021-01-01",
                        "19956416-3bc1-4ab7-ad81-d54f68835a60.zip!/549300COLY053IGTLD63-2022-12-31-sv/reports/"
                                + "549300COLY053IGTLD63-2022-12-31-sv.xhtml"));
    }

    /**
     * The annual report chosen: Modular Finance's zip also holds its audit report, BONESUPPORT's a cover page
     * whose {@code Organisationsnummer} names the company (the ESEF report's entity is its LEI).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void theAnnualReportAndItsTwoYears(String file, ReportKind kind, String orgnr, String start, String end,
            String previousStart, String document) {
        AnnualAccounts a = accounts(file);
        assertThat(a.kind()).isEqualTo(kind);
        assertThat(a.organisationNumber()).isEqualTo(orgnr);
        assertThat(a.document()).isEqualTo(file + "!/" + document);
        assertThat(a.currency()).isEqualTo(Currency.getInstance("SEK"));
        assertThat(a.years()).hasSize(2);
        assertThat(a.years().get(0).start()).isEqualTo(start);
        assertThat(a.years().get(0).end()).isEqualTo(end);
        assertThat(a.years().get(1).start()).isEqualTo(previousStart);
        assertThat(a.years().get(1).end()).isEqualTo(LocalDate.parse(start).minusDays(1));
    }

    /**
     * Adjusted equity, worked: SecTrade's year 2019-11-01 – 2020-10-31 began after 31 December 2018 and
     * before 1 January 2021, so 21,4 % (IL 65 kap. 10 §): 2 343 571 + 0,786 × 1 895 000 = 2 343 571 +
     * 1 489 470 = 3 833 041, deferred tax 405 530; total liabilities 4 775 453 − 3 833 041 = 942 412. The
     * year before began 2018-11-01, under 22 %: 1 692 354 + 0,78 × 1 495 000 = 2 858 454, liabilities
     * 3 537 318 − 2 858 454 = 678 864.
     */
    @Test
    void untaxedReservesSplitIntoEquityAndDeferredTaxAtTheRateOfTheYear() {
        Year current = year(SECTRADE, "2020-10-31");
        assertThat(current.adjustment().taxRate()).isEqualByComparingTo("0.214");
        assertThat(current.adjustment().equity()).isEqualByComparingTo("3833041");
        assertThat(current.adjustment().deferredTax()).isEqualByComparingTo("405530");
        assertThat(current.adjustment().source()).contains("corporate-tax-rates.txt").contains("65 kap. 10 §");
        assertThat(current.totalLiabilities()).isEqualByComparingTo("942412");
        assertThat(current.equity()).contains(new BigDecimal("3833041.00"));
        Year previous = year(SECTRADE, "2019-10-31");
        assertThat(previous.adjustment().taxRate()).isEqualByComparingTo("0.22");
        assertThat(previous.adjustment().equity()).isEqualByComparingTo("2858454");
        assertThat(previous.totalLiabilities()).isEqualByComparingTo("678864");
    }

    /**
     * Podspace's 2018 balance shows untaxed reserves of −6 152: 0,78 × −6 152 = −4 798,56, so equity 1 528 659 −
     * 4 798,56 = 1 523 860,44 (rounded to öre) and liabilities 1 769 875 − 1 523 860,44 = 246 014,56. Without
     * reserves (2019, and every Modular Finance year) equity is as filed and liabilities are assets less it:
     * Modular 2021 46 807 277 − 36 208 554 = 10 598 723.
     */
    @Test
    void withoutUntaxedReservesEquityIsAsFiled() {
        Year podspace2018 = year(PODSPACE, "2018-12-31");
        assertThat(podspace2018.adjustment().equity()).isEqualByComparingTo("1523860.44");
        assertThat(podspace2018.totalLiabilities()).isEqualByComparingTo("246014.56");
        Year podspace2019 = year(PODSPACE, "2019-12-31");
        assertThat(podspace2019.adjustment()).isNull();
        assertThat(podspace2019.totalLiabilities()).isEqualByComparingTo("306957");
        assertThat(year(MODULAR, "2021-12-31").totalLiabilities()).isEqualByComparingTo("10598723");
        assertThat(year(BONESUPPORT, "2022-12-31").totalLiabilities()).isEqualByComparingTo("102890000");
    }

    @Test
    void aBalancedReportWithSalesHasNoWarning() {
        for (String file : List.of(SECTRADE, MODULAR, PODSPACE, BONESUPPORT)) {
            assertThat(accounts(file).warnings()).as(file).isEmpty();
        }
    }

    /** SecTrade's figures unchanged, in euros: the report's currency is kept, never converted. */
    @Test
    void aReportInEurosStaysInEuros() throws ReportException {
        AnnualAccounts a = AccountsReader.read(List.of(new ReportPackage.Document("sectrade-eur.xhtml",
                Reports.sectradeInEuros())), ReadingRules.shipped());
        assertThat(a.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(a.years().get(0).value(REVENUE)).contains(new BigDecimal("2829042"));
    }

    /** A balance sheet that does not balance, and a year without sales: both read, both warned of. */
    @Test
    void theBalanceCheckAndAMissingRevenueAreWarnings() throws ReportException {
        String xhtml = Reports.xhtml(SECTRADE)
                .replace("name=\"se-gen-base:EgetKapitalSkulder\" contextRef=\"balans0\" decimals=\"0\" scale=\"0\" "
                        + "format=\"ixt:numspacecomma\" unitRef=\"SEK\">4 775 453",
                        "name=\"se-gen-base:EgetKapitalSkulder\" contextRef=\"balans0\" decimals=\"0\" scale=\"0\" "
                                + "format=\"ixt:numspacecomma\" unitRef=\"SEK\">4 775 454")
                .replace("se-gen-base:Nettoomsattning", "se-gen-base:OvrigaRorelseintakter2");
        AnnualAccounts a = AccountsReader.read(List.of(new ReportPackage.Document("x.xhtml",
                xhtml.getBytes(StandardCharsets.UTF_8))), ReadingRules.shipped());
        assertThat(a.warnings()).extracting(AnnualAccounts.Warning::code).containsExactlyInAnyOrder(
                WarningCode.NO_REVENUE, WarningCode.NO_REVENUE, WarningCode.BALANCE_MISMATCH);
        AnnualAccounts.Warning mismatch = a.warnings().stream().filter(w -> w.code() == WarningCode.BALANCE_MISMATCH)
                .findFirst().orElseThrow();
        assertThat(mismatch.values()).containsEntry("assets", "4775453").containsEntry("equityAndLiabilities", "4775454");
        assertThat(a.years().get(0).value(REVENUE)).isEmpty();
    }

    @Test
    void anAuditReportAloneIsNoAnnualReport() throws ReportException {
        List<ReportPackage.Document> documents = ReportPackage.open(MODULAR, Reports.bytes(MODULAR),
                ReportPackage.Limits.DEFAULT).stream().filter(d -> d.path().contains("5f07d34f")).toList();
        assertThatThrownBy(() -> AccountsReader.read(documents, ReadingRules.shipped()))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.NO_ANNUAL_REPORT);
                    assertThat(e.getMessage()).contains("an audit report");
                });
    }

    @Test
    void twoAnnualReportsForOneYearAreRefused() throws ReportException {
        byte[] sectrade = Reports.xhtml(SECTRADE).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AccountsReader.read(List.of(new ReportPackage.Document("a.xhtml", sectrade),
                new ReportPackage.Document("b.xhtml", sectrade)), ReadingRules.shipped()))
                .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.fault()).isEqualTo(Fault.TWO_REPORTS));
    }

    /** The sales in the statement changed by one krona: two exact facts for one year that disagree. */
    @Test
    void duplicatesThatDisagreeAtTheSamePrecisionAreAnError() {
        String xhtml = Reports.xhtml(SECTRADE).replaceFirst(
                "(name=\"se-gen-base:Nettoomsattning\" contextRef=\"period0\" decimals=\"0\"[^>]*>)2 829 042",
                "$1 2 829 042</ix:nonFraction><ix:nonFraction name=\"se-gen-base:Nettoomsattning\" contextRef=\"period0\" "
                        + "decimals=\"0\" scale=\"0\" format=\"ixt:numspacecomma\" unitRef=\"SEK\">2 829 043");
        assertThatThrownBy(() -> AccountsReader.read(List.of(new ReportPackage.Document("x.xhtml",
                xhtml.getBytes(StandardCharsets.UTF_8))), ReadingRules.shipped()))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.INCONSISTENT_DUPLICATES);
                    assertThat(e.getMessage()).contains("2829042").contains("2829043");
                });
    }

    /** The financial year's first day as the report states it, a year beyond four digits: no date a report writes. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-999999999-01-01", "+12019-11-01"})
    void aStatedFinancialYearThatIsNoDateIsRefused(String firstDay) {
        String xhtml = Reports.xhtml(SECTRADE).replace("RakenskapsarForstaDag\" contextRef=\"period0\">2019-11-01<",
                "RakenskapsarForstaDag\" contextRef=\"period0\">" + firstDay + "<");
        assertThatThrownBy(() -> AccountsReader.read(List.of(new ReportPackage.Document("x.xhtml",
                xhtml.getBytes(StandardCharsets.UTF_8))), ReadingRules.shipped()))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.INCONSISTENT_REPORT);
                    assertThat(e.getMessage()).contains("'" + firstDay + "' – '2020-10-31', not two dates");
                });
    }

    static Stream<Arguments> notCurrencies() {
        return Stream.of(
                Arguments.of("shares then SEK", "<xbrli:measure>xbrli:shares</xbrli:measure><xbrli:measure>iso4217:SEK</xbrli:measure>"),
                Arguments.of("SEK twice", "<xbrli:measure>iso4217:SEK</xbrli:measure><xbrli:measure>iso4217:SEK</xbrli:measure>"),
                Arguments.of("SEK per share", "<xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:SEK</xbrli:measure>"
                        + "</xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure>"
                        + "</xbrli:unitDenominator></xbrli:divide>"));
    }

    /**
     * SecTrade's unit SEK made a product of measures or a ratio (XBRL 2.1 4.8): no amount is in kronor, and a
     * monetary fact's unit must be one currency (4.8.2), so none of its figures is read as money.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("notCurrencies")
    void amountsInAUnitOfSeveralMeasuresAreNotMoney(String what, String measures) {
        String xhtml = Reports.xhtml(SECTRADE).replace("<xbrli:unit id=\"SEK\"><xbrli:measure>iso4217:SEK</xbrli:measure>",
                "<xbrli:unit id=\"SEK\">" + measures);
        assertThatThrownBy(() -> AccountsReader.read(List.of(new ReportPackage.Document("x.xhtml",
                xhtml.getBytes(StandardCharsets.UTF_8))), ReadingRules.shipped()))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.NO_ANNUAL_REPORT);
                    assertThat(e.getMessage()).contains("x.xhtml tags none of the figures of an annual report");
                });
    }

    /**
     * SecTrade's amounts in an ISO 4217 code that has no minor unit: no currency (XXX), gold (XAU), the IMF's
     * special drawing right (XDR), the testing code (XTS). No money is counted in them, and the untaxed reserves'
     * split to the minor unit would round to the tens.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"XXX", "XAU", "XDR", "XTS"})
    void amountsInACodeWithoutAMinorUnitAreRefused(String code) {
        String xhtml = Reports.xhtml(SECTRADE).replace("<xbrli:measure>iso4217:SEK</xbrli:measure>",
                "<xbrli:measure>iso4217:" + code + "</xbrli:measure>");
        assertThatThrownBy(() -> AccountsReader.read(List.of(new ReportPackage.Document("x.xhtml",
                xhtml.getBytes(StandardCharsets.UTF_8))), ReadingRules.shipped()))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.INCONSISTENT_REPORT);
                    assertThat(e.getMessage()).startsWith("x.xhtml states se-gen-base:").contains(" in unit SEK (iso4217:" + code
                            + "), which has no minor unit");
                });
    }

    /** Net sales in euros beside everything else in kronor: a report contradicting itself. */
    @Test
    void amountsInTwoCurrenciesAreRefused() {
        String xhtml = Reports.xhtml(SECTRADE)
                .replace("<xbrli:unit id=\"SEK\">", "<xbrli:unit id=\"EUR\"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>"
                        + "<xbrli:unit id=\"SEK\">")
                .replaceFirst("(name=\"se-gen-base:Nettoomsattning\" contextRef=\"period0\" decimals=\"0\" scale=\"0\" "
                        + "format=\"ixt:numspacecomma\" unitRef=)\"SEK\"", "$1\"EUR\"");
        assertThatThrownBy(() -> AccountsReader.read(List.of(new ReportPackage.Document("x.xhtml",
                xhtml.getBytes(StandardCharsets.UTF_8))), ReadingRules.shipped()))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.fault()).isEqualTo(Fault.INCONSISTENT_REPORT);
                    assertThat(e.getMessage()).contains("EUR").contains("SEK");
                });
    }
}
