package io.creditguard.credit;

import java.util.Optional;

import io.creditguard.reference.ReferenceTable;

/**
 * The companies a row of a credit table is for, as its section column names them: one NACE section (a letter
 * A–U), or {@code *} for every section no row of its own names. Read once, when the table loads.
 *
 * @param section the section, or empty for {@code *}
 */
record NaceScope(Optional<Character> section) {

    /** How the data writes "every other section". */
    static final String EVERY_OTHER = "*";

    /**
     * @throws ReferenceTable.Fault naming the row's file and line when the cell is neither a section letter nor *
     */
    static NaceScope of(ReferenceTable.Row row, String column) {
        String cell = row.text(column);
        if (cell.equals(EVERY_OTHER)) {
            return new NaceScope(Optional.empty());
        }
        if (cell.length() != 1 || cell.charAt(0) < 'A' || cell.charAt(0) > 'U') {
            throw row.fault(column, "column " + column + " is '" + cell + "', not a NACE section A-U nor " + EVERY_OTHER);
        }
        return new NaceScope(Optional.of(cell.charAt(0)));
    }

    /** Whether this scope names {@code section} itself. */
    boolean names(Character section) {
        return this.section.filter(section::equals).isPresent();
    }

    boolean everyOther() {
        return section.isEmpty();
    }

    @Override
    public String toString() {
        return section.map(String::valueOf).orElse(EVERY_OTHER);
    }
}
