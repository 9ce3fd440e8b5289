package io.creditguard.reference;

/**
 * Something wrong in a file an operator keeps in the store (a rate table, a reminder policy): where it
 * is and why, so the person who wrote it can find and fix it. The file, or the row, is left out; what
 * that means for the run is the caller's to say.
 *
 * @param file the store key, e.g. {@code config/reference-rates.txt}
 * @param line 1-based, or null when the fault is the whole file's (it cannot be read at all)
 * @param column the table's column or the JSON document's field ({@code $.levels[0].kind}), or null
 * @param why what is wrong, in words that name the column or field ({@code column ratePercent is '2,50', not
 *     a decimal number})
 */
public record FileProblem(String file, Integer line, String column, String why) {

    /** {@code config/reference-rates.txt:4: column evidence is empty}; {@code config/x.json is not there} for a whole file. */
    public String message() {
        return file + (line == null ? " " : ":" + line + ": ") + why;
    }
}
