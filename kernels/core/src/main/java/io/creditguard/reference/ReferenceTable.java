package io.creditguard.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A versioned reference-data file under {@code src/main/resources/reference/}: legal and market
 * figures kept as data, one rule per row, so a lawyer or finance user can check and change them
 * without reading code.
 *
 * <p>Format (line oriented, UTF-8): lines starting with {@code #} are comments and blank lines are
 * ignored; the first other line names the columns, separated by {@code |}; each following line is
 * one row with exactly that many {@code |}-separated cells, trimmed. A cell of {@code -} is empty.
 * Files carry their own citation per row (a {@code source} column) and usually
 * {@code validFrom}/{@code validTo} columns; see {@link #effectiveOn}.
 *
 * <p>Shipped files are read strictly ({@link #load}, {@link #parse}: the first fault fails the load, a
 * deployment fault the tests find). An operator's files in the store are {@link #check}ed instead: a
 * malformed row is a {@link FileProblem} and left out, the rest are used.
 */
public final class ReferenceTable {

    private final String name;
    private final int headerLine;
    private final List<Row> rows;

    private ReferenceTable(String name, int headerLine, List<Row> rows) {
        this.name = name;
        this.headerLine = headerLine;
        this.rows = rows;
    }

    /**
     * A table read leniently, and what was wrong with it.
     *
     * @param table the well-formed rows (none when the file has no header)
     * @param problems rows with the wrong number of cells, or the missing header, in file order
     */
    public record Checked(ReferenceTable table, List<FileProblem> problems) {
    }

    /** A malformed cell or row, as a {@link FileProblem} that names it. */
    public static final class Fault extends IllegalStateException {
        private final transient FileProblem problem;

        public Fault(FileProblem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public FileProblem problem() {
            return problem;
        }
    }

    /**
     * Loads {@code reference/<file>} from the class path.
     *
     * @throws IllegalStateException naming the file and line when it is missing or malformed: a
     *     broken data file is a deployment fault, found by the tests before it ships
     */
    public static ReferenceTable load(String file) {
        String resource = "reference/" + file;
        try (InputStream in = ReferenceTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reference data " + resource + " is not on the class path");
            }
            return parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /**
     * Parses a table in the format above from {@code reader}; {@code name} is used in error messages.
     *
     * @throws Fault naming the first row with the wrong number of cells, or the missing header
     */
    public static ReferenceTable parse(String name, BufferedReader reader) throws IOException {
        Checked checked = check(name, reader);
        if (!checked.problems().isEmpty()) {
            throw new Fault(checked.problems().get(0));
        }
        return checked.table();
    }

    /**
     * What {@code read} makes of a shipped file, which must have no problem at all.
     *
     * @param read a lenient reader that adds what it leaves out to the list it is given
     * @throws Fault naming the first problem it reported
     */
    public static <T> T strictly(Function<List<FileProblem>, T> read) {
        List<FileProblem> problems = new ArrayList<>();
        T value = read.apply(problems);
        if (!problems.isEmpty()) {
            throw new Fault(problems.get(0));
        }
        return value;
    }

    /** Reads a table in the format above, leaving out (and reporting) what does not parse. */
    public static Checked check(String name, BufferedReader reader) throws IOException {
        Map<String, Integer> columns = null;
        int header = 0;
        List<Row> rows = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = Arrays.stream(trimmed.split("\\|", -1)).map(String::strip).toArray(String[]::new);
            if (columns == null) {
                columns = new HashMap<>();
                header = number;
                for (int i = 0; i < cells.length; i++) {
                    columns.put(cells[i], i);
                }
            } else if (cells.length != columns.size()) {
                problems.add(new FileProblem(name, number, null, cells.length + " cells, the header has " + columns.size()));
            } else {
                rows.add(new Row(name, number, columns, cells));
            }
        }
        if (columns == null) {
            problems.add(new FileProblem(name, null, null, "has no header line"));
        }
        return new Checked(new ReferenceTable(name, header, List.copyOf(rows)), List.copyOf(problems));
    }

    public String name() {
        return name;
    }

    /**
     * Each row as {@code read} makes it, leaving out what it cannot: a row whose {@code read} throws a
     * {@link Fault} (a malformed cell, a rule the reader checks) is added to {@code problems}; one it reads
     * as empty is left out without a word (a row kept for the record, not for use). A header that lacks one
     * of {@code columns} is one problem, on the header's line, and no row is read.
     */
    public <T> List<T> read(List<String> columns, List<FileProblem> problems, Function<Row, Optional<T>> read) {
        if (!rows.isEmpty()) {
            for (String column : columns) {
                if (!rows.get(0).columns.containsKey(column)) {
                    problems.add(new FileProblem(name, headerLine, column, "the header has no column " + column));
                    return List.of();
                }
            }
        }
        List<T> values = new ArrayList<>();
        for (Row row : rows) {
            try {
                read.apply(row).ifPresent(values::add);
            } catch (Fault e) {
                problems.add(e.problem());
            }
        }
        return List.copyOf(values);
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * The rows in force on {@code date}: {@code validFrom <= date} and ({@code validTo} empty or
     * {@code date <= validTo}); both bounds inclusive.
     */
    public List<Row> effectiveOn(LocalDate date) {
        return rows.stream().filter(r -> Validity.of(r).contains(date)).toList();
    }

    /** One row of a reference table; getters fail with the file and line when a cell is malformed. */
    public static final class Row {
        private final String file;
        private final int line;
        private final Map<String, Integer> columns;
        private final String[] cells;

        Row(String file, int line, Map<String, Integer> columns, String[] cells) {
            this.file = file;
            this.line = line;
            this.columns = columns;
            this.cells = cells;
        }

        public Optional<String> optionalText(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw fault(column, "has no column " + column);
            }
            String cell = cells[index];
            return cell.isEmpty() || cell.equals("-") ? Optional.empty() : Optional.of(cell);
        }

        public String text(String column) {
            return optionalText(column).orElseThrow(() -> empty(column));
        }

        public BigDecimal decimal(String column) {
            return optionalDecimal(column).orElseThrow(() -> empty(column));
        }

        public Optional<BigDecimal> optionalDecimal(String column) {
            Optional<String> cell = optionalText(column);
            try {
                return cell.map(BigDecimal::new);
            } catch (NumberFormatException e) {
                throw fault(column, "column " + column + " is not a decimal number"
                        + (cell.get().matches("-?[0-9]+,[0-9]+") ? " ('" + cell.get() + "': write the decimal point as .)" : ""));
            }
        }

        /**
         * The cell as a constant of {@code type}: a name shared between code and data is checked here,
         * when the data loads, so a typo fails the load rather than a request.
         */
        public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            return optionalEnum(column, type).orElseThrow(() -> empty(column));
        }

        public <E extends Enum<E>> Optional<E> optionalEnum(String column, Class<E> type) {
            Optional<String> cell = optionalText(column);
            try {
                return cell.map(name -> Enum.valueOf(type, name));
            } catch (IllegalArgumentException e) {
                throw fault(column, "column " + column + " is '" + cell.get() + "', not one of "
                        + Arrays.toString(type.getEnumConstants()));
            }
        }

        /**
         * The cell as the constant of {@code type} that {@code spelling} writes so, for names the data spells
         * otherwise than Java may ({@code currentRatio}, {@code yes}, {@code *}): checked at load as
         * {@link #enumValue(String, Class)} is.
         */
        public <E extends Enum<E>> E enumValue(String column, Class<E> type, Function<E, String> spelling) {
            String cell = text(column);
            return Arrays.stream(type.getEnumConstants()).filter(e -> spelling.apply(e).equals(cell)).findFirst()
                    .orElseThrow(() -> fault(column, "column " + column + " is '" + cell + "', not one of "
                            + Arrays.stream(type.getEnumConstants()).map(spelling).toList()));
        }

        /** Whether the row's {@code evidence} column lets it be used ({@link Evidence#usable()}). */
        public boolean usable() {
            return enumValue("evidence", Evidence.class).usable();
        }

        public int integer(String column) {
            try {
                return Integer.parseInt(text(column));
            } catch (NumberFormatException e) {
                throw fault(column, "column " + column + " is not a whole number");
            }
        }

        public LocalDate date(String column) {
            return optionalDate(column).orElseThrow(() -> empty(column));
        }

        public Optional<LocalDate> optionalDate(String column) {
            try {
                return optionalText(column).map(LocalDate::parse);
            } catch (DateTimeParseException e) {
                throw fault(column, "column " + column + " is not a date YYYY-MM-DD");
            }
        }

        /** {@code file:line}, for citing the row an answer relies on. */
        public String location() {
            return file + ":" + line;
        }

        public int line() {
            return line;
        }

        /** A fault of this row's {@code column} (null: of the row as a whole), for rules a reader checks itself. */
        public Fault fault(String column, String why) {
            return new Fault(new FileProblem(file, line, column, why));
        }

        private Fault empty(String column) {
            return fault(column, "column " + column + " is empty");
        }
    }
}
