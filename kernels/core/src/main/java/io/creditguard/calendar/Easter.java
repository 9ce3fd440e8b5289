package io.creditguard.calendar;

import java.time.LocalDate;

/** Easter Sunday in the Gregorian calendar, which both Swedish and Dutch holidays count from. */
public final class Easter {

    private Easter() {
    }

    /**
     * Easter Sunday of {@code year} by the anonymous Gregorian computus (Meeus, Astronomical
     * Algorithms, ch. 8), exact for every Gregorian year.
     *
     * @throws IllegalArgumentException before 1583, when the Gregorian rule did not yet apply
     */
    public static LocalDate sunday(int year) {
        if (year < 1583) {
            throw new IllegalArgumentException("the Gregorian Easter rule starts in 1583, not " + year);
        }
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
