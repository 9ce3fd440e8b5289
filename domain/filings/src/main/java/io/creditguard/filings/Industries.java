package io.creditguard.filings;

import java.util.List;
import java.util.Optional;

import io.creditguard.reference.ReferenceTable;

/**
 * A register's activity code (SNI 2007 in Sweden, SBI in the Netherlands) as the NACE code the credit check
 * takes ({@code G47.64}), by the sections of {@code reference/nace-sections.txt}. Pure once loaded.
 */
public final class Industries {

    private record Section(int from, int to, String letter) {
    }

    private final List<Section> sections;

    private Industries(List<Section> sections) {
        this.sections = sections;
    }

    /** @throws IllegalStateException naming file and line when a row is malformed */
    public static Industries shipped() {
        return new Industries(ReferenceTable.load("nace-sections.txt").rows().stream().map(r -> {
            String section = r.text("section");
            if (!section.matches("[A-U]")) {
                throw new IllegalStateException(r.location() + ": section " + section + " is not a NACE section letter");
            }
            return new Section(r.integer("fromDivision"), r.integer("toDivision"), section);
        }).toList());
    }

    /**
     * {@code 47642} → {@code G47.64}, {@code 6201} → {@code J62.01}, {@code 01} → {@code A01}: the section,
     * the division and, where the code has them, group and class. Empty when the code is not digits or its
     * division is in no section.
     */
    public Optional<String> naceCode(String activityCode) {
        String digits = activityCode == null ? "" : activityCode.strip();
        if (!digits.matches("\\d{2,5}")) {
            return Optional.empty();
        }
        int division = Integer.parseInt(digits.substring(0, 2));
        return sections.stream().filter(s -> division >= s.from() && division <= s.to()).findFirst()
                .map(s -> s.letter() + digits.substring(0, 2) + (digits.length() >= 4 ? "." + digits.substring(2, 4) : ""));
    }
}
