package io.creditguard.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of kernels/core/src/main/resources/reference/ read as the functions read it when they start: into its typed view,
 * in a class loader of its own so that each view is built afresh, first from the shipped file, then from a copy
 * whose first row has a typo in a column the code shares with the data (an enum, a section, a rule), which must
 * fail the load naming the file and the line. Every row cites its source. That a dated table covers the days a
 * request may name is {@link DatedTablesTest}'s.
 */
class ShippedTablesTest {

    private static final Path SHIPPED = io.creditguard.Modules.ROOT.resolve("kernels/core/src/main/resources/reference");

    /**
     * How the code reads a table at start-up: the class whose loading (and, when named, whose static method)
     * builds the typed view; {@code column} a column whose names the code shares with the data.
     *
     * @param method a static method to call after loading, or null when loading the class builds the view
     * @param takesTable whether {@code method} takes the table itself ({@code ReferenceTable.load(file)})
     */
    record Reader(String file, String type, String method, boolean takesTable, String column) {

        static Reader loading(String file, String type, String column) {
            return new Reader(file, type, null, false, column);
        }

        static Reader calling(String file, String type, String method, String column) {
            return new Reader(file, type, method, false, column);
        }

        static Reader parsing(String file, String type, String method, String column) {
            return new Reader(file, type, method, true, column);
        }

        @Override
        public String toString() {
            return file + " (" + type.substring(type.lastIndexOf('.') + 1) + ", " + column + ")";
        }
    }

    private static final String CREDIT_RULES = "io.creditguard.credit.CreditRules";
    private static final String STATUTORY_RULES = "io.creditguard.reminders.StatutoryRules";
    private static final String READING_RULES = "io.creditguard.filings.ReadingRules";

    static List<Reader> readers() {
        return List.of(
                Reader.loading("alert-digest.txt", "io.creditguard.customers.AlertDigest", "key"),
                Reader.loading("altman-models.txt", CREDIT_RULES, "model"),
                Reader.loading("claim-documents.txt", "io.creditguard.claims.ClaimDossier", "code"),
                Reader.calling("corporate-tax-rates.txt", READING_RULES, "shipped", "evidence"),
                Reader.loading("credit-overrides.txt", CREDIT_RULES, "rule"),
                Reader.loading("credit-risk-classes.txt", CREDIT_RULES, "condition"),
                Reader.loading("credit-scorecard.txt", CREDIT_RULES, "factor"),
                Reader.loading("credit-texts.txt", CREDIT_RULES, "code"),
                Reader.calling("debtor-default.txt", STATUTORY_RULES, "standard", "condition"),
                Reader.calling("exchange-rates.txt", STATUTORY_RULES, "standard", "evidence"),
                Reader.parsing("factoring-thresholds.txt", "io.creditguard.breakeven.FactoringThresholds", "parse", "rule"),
                Reader.loading("fee-labels.txt", "io.creditguard.reminders.Letters", "code"),
                Reader.calling("filed-accounts-elements.txt", READING_RULES, "shipped", "figure"),
                Reader.calling("filing-entry-points.txt", READING_RULES, "shipped", "kind"),
                Reader.loading("invoice-columns.txt", "io.creditguard.receivables.InvoiceCsv", "key"),
                Reader.calling("jurisdictions.txt", "io.creditguard.reference.Jurisdictions", "standard", "allocation"),
                Reader.loading("kvk-open-data-fields.txt", "io.creditguard.filings.KvkOpenData", "figure"),
                Reader.calling("late-interest.txt", STATUTORY_RULES, "standard", "scheme"),
                Reader.calling("late-payment-fees.txt", STATUTORY_RULES, "standard", "condition"),
                Reader.calling("legal-bases.txt", STATUTORY_RULES, "standard", "charge"),
                Reader.loading("letter-texts.txt", "io.creditguard.format.LetterText", "key"),
                Reader.calling("nace-sections.txt", "io.creditguard.filings.Industries", "shipped", "section"),
                Reader.parsing("protection-options.txt", "io.creditguard.breakeven.ProtectionOption", "parse", "kind"),
                Reader.calling("public-holidays.txt", "io.creditguard.calendar.BusinessCalendar", "standard", "rule"),
                Reader.calling("reference-rates.txt", STATUTORY_RULES, "standard", "scheme"),
                Reader.loading("register-signals.txt", CREDIT_RULES, "rule"),
                Reader.loading("reminder-texts.txt", "io.creditguard.reminders.ReminderText", "key"),
                Reader.loading("sector-benchmarks.txt", CREDIT_RULES, "sourced"),
                Reader.calling("wik-staffel.txt", STATUTORY_RULES, "standard", "kind"));
    }

    /** Tables without a source column, and why. */
    private static final Map<String, String> UNCITED = Map.of(
            "alert-digest.txt", "the digest's own words, no figure or rule to cite",
            "credit-scorecard.txt", "creditguard's own scorecard v1, cited in its header as credit-risk-classes.txt cites it per row");

    /**
     * Rows that may leave their source empty ({@code -}), by file or by file and first cell, and why; any other row
     * without a source fails.
     */
    private static final Map<String, String> OWN_WORDING = Map.of(
            "invoice-columns.txt", "a column heading of creditguard's own; none states law",
            "letter-texts.txt", "wording of creditguard's own; the rows that state law cite it",
            "reminder-texts.txt", "wording of creditguard's own; the rows that state law cite it",
            "jurisdictions.txt FI", "no statutory order of allocation verified: PRINCIPAL_FIRST, the order that charges least",
            "jurisdictions.txt DK", "no statutory order of allocation verified: PRINCIPAL_FIRST, the order that charges least");

    @Test
    void everyShippedFileHasAReader() throws IOException {
        Set<String> shipped = new TreeSet<>();
        try (Stream<Path> files = Files.list(SHIPPED)) {
            files.forEach(f -> shipped.add(f.getFileName().toString()));
        }
        Set<String> read = new TreeSet<>();
        readers().forEach(r -> read.add(r.file()));
        assertThat(read).as("declare each reference file's reader here").isEqualTo(shipped);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void loadsIntoItsTypedViewAndEveryRowCitesItsSource(Reader reader, @TempDir Path nothing) throws IOException {
        assertThatCode(() -> build(reader, nothing)).doesNotThrowAnyException();
        ReferenceTable table = ReferenceTable.load(reader.file());
        assertThat(table.rows()).isNotEmpty();
        List<String> lines = Files.readAllLines(SHIPPED.resolve(reader.file()), StandardCharsets.UTF_8);
        String firstColumn = cells(lines.get(firstRow(lines, 0))).get(0);
        if (!UNCITED.containsKey(reader.file())) {
            assertThat(table.rows().stream().filter(row -> row.optionalText("source").isEmpty()
                    && !OWN_WORDING.containsKey(reader.file())
                    && !OWN_WORDING.containsKey(reader.file() + " " + row.text(firstColumn)))
                    .map(ReferenceTable.Row::location)).as("rows without a source").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void aTypoInASharedNameFailsTheLoadNamingFileAndLine(Reader reader, @TempDir Path shadow) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SHIPPED.resolve(reader.file()), StandardCharsets.UTF_8));
        int header = firstRow(lines, 0);
        int row = firstRow(lines, header + 1);
        List<String> columns = cells(lines.get(header));
        int column = columns.indexOf(reader.column());
        assertThat(column).as(reader.file() + " has a column " + reader.column()).isNotNegative();
        List<String> cells = cells(lines.get(row));
        cells.set(column, cells.get(column) + "X");
        lines.set(row, String.join(" | ", cells));
        Files.createDirectories(shadow.resolve("reference"));
        Files.write(shadow.resolve("reference").resolve(reader.file()), lines, StandardCharsets.UTF_8);

        Throwable thrown = catchThrowable(() -> build(reader, shadow));

        assertThat(thrown).as("a typo in " + reader.column() + " of " + reader.file()).isNotNull();
        assertThat(messages(thrown)).contains("reference/" + reader.file() + ":" + (row + 1) + ":");
    }

    /** Index of the first line at or after {@code from} that is neither blank nor a comment. */
    private static int firstRow(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return i;
            }
        }
        throw new IllegalStateException("no row after line " + from);
    }

    private static List<String> cells(String line) {
        return new ArrayList<>(Arrays.stream(line.strip().split("\\|", -1)).map(String::strip).toList());
    }

    /** Loads the reader's class afresh, reference files from {@code shadow} first, and builds its view. */
    private static void build(Reader reader, Path shadow) throws Throwable {
        try (Fresh loader = new Fresh(shadow)) {
            Class<?> type = Class.forName(reader.type(), true, loader);
            if (reader.method() == null) {
                return;
            }
            if (reader.takesTable()) {
                Class<?> tables = Class.forName(ReferenceTable.class.getName(), true, loader);
                Object table = tables.getMethod("load", String.class).invoke(null, reader.file());
                Method parse = type.getDeclaredMethod(reader.method(), tables);
                parse.setAccessible(true);
                parse.invoke(null, table);
            } else {
                Method method = type.getDeclaredMethod(reader.method());
                method.setAccessible(true);
                method.invoke(null);
            }
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } catch (ExceptionInInitializerError e) {
            throw e.getCause() == null ? e : e.getCause();
        }
    }

    private static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    /**
     * The project's classes loaded anew (their static views built again), reference files looked up in a shadow
     * folder first; everything else (the JDK, libraries, the tests) from the test's own loader.
     */
    private static final class Fresh extends URLClassLoader {

        Fresh(Path shadow) throws IOException {
            super(urls(shadow), ShippedTablesTest.class.getClassLoader());
        }

        /** The shadow folder, then every module's compiled classes (the build has compiled them before dev's tests). */
        private static URL[] urls(Path shadow) throws IOException {
            List<URL> urls = new ArrayList<>(List.of(shadow.toUri().toURL()));
            for (Path module : io.creditguard.Modules.modules()) {
                urls.add(module.resolve("target/classes").toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("io.creditguard.")) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded == null) {
                        try {
                            loaded = findClass(name);
                        } catch (ClassNotFoundException e) {
                            return super.loadClass(name, resolve);
                        }
                    }
                    return loaded;
                }
                return super.loadClass(name, resolve);
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }
    }
}
