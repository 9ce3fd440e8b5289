package io.creditguard.credit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.creditguard.reference.ReferenceTable;

/**
 * What tells the credit check's languages apart, from the reference data itself: each text's longest run of
 * words between placeholders. A message holds a run of its own language's texts and none that only another
 * language's texts have.
 */
final class Words {

    private Words() {
    }

    static Set<String> runs(Language language) {
        return Arrays.stream(new String[] {"credit-texts.txt", "credit-scorecard.txt"})
                .flatMap(file -> ReferenceTable.load(file).rows().stream())
                .map(row -> Arrays.stream(row.text(language.code()).split("\\{[A-Za-z]+}")).map(String::strip)
                        .max(Comparator.comparingInt(String::length)).orElse(""))
                .filter(run -> run.length() >= 6).collect(Collectors.toSet());
    }

    static boolean in(Language language, String message) {
        Set<String> ours = runs(language);
        List<String> theirs = Arrays.stream(Language.values()).filter(l -> l != language).flatMap(l -> runs(l).stream())
                .filter(run -> !ours.contains(run)).toList();
        return ours.stream().anyMatch(message::contains) && theirs.stream().noneMatch(message::contains);
    }
}
