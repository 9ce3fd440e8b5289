package io.creditguard.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.creditguard.reference.ReferenceTable;

class BusinessCalendarTest {

    private static final BusinessCalendar CALENDAR = BusinessCalendar.standard();

    // Easter Sundays as published in church calendars (e.g. Svenska kyrkans almanacka).
    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({"2000, 2000-04-23", "2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05",
            "2027, 2027-03-28", "2038, 2038-04-25", "2285, 2285-03-22"})
    void easterSunday(int year, LocalDate expected) {
        assertThat(Easter.sunday(year)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            // lag (1989:253) and lag (1930:173): movable Swedish days
            "SE, 2026-04-03, Långfredagen",
            "SE, 2026-04-06, Annandag påsk",
            "SE, 2026-05-14, Kristi himmelsfärdsdag",
            "SE, 2026-06-19, Midsommarafton (Friday 19-25 June)",
            "SE, 2026-06-20, Midsommardagen (Saturday 20-26 June)",
            "SE, 2026-10-31, Alla helgons dag (Saturday 31 Oct-6 Nov)",
            "SE, 2026-12-24, Julafton",
            "SE, 2025-06-06, Nationaldagen",
            // Algemene termijnenwet art. 3
            "NL, 2025-04-26, Koningsdag on the Saturday because 27 April 2025 is a Sunday",
            "NL, 2026-04-27, Koningsdag",
            "NL, 2026-05-05, Bevrijdingsdag",
            "NL, 2026-05-25, Tweede Pinksterdag"})
    void publicHolidays(String country, LocalDate day, String name) {
        assertThat(CALENDAR.holidays(country, day.getYear())).as(name).contains(day);
        assertThat(CALENDAR.isBusinessDay(country, day)).isFalse();
    }

    @ParameterizedTest(name = "{0}: due {1} moves to {2} ({3})")
    @CsvSource({
            "SE, 2026-12-24, 2026-12-28, julafton, juldagen, annandag jul, then a weekend",
            "SE, 2026-04-03, 2026-04-07, Good Friday, Easter weekend and annandag påsk",
            "SE, 2026-06-19, 2026-06-22, midsommarafton and the weekend",
            "SE, 2026-11-30, 2026-11-30, an ordinary Monday stays",
            "NL, 2026-04-03, 2026-04-07, Goede Vrijdag (art. 3 lid 2), the weekend and Tweede Paasdag",
            "NL, 2026-04-27, 2026-04-28, Koningsdag",
            "NL, 2026-12-25, 2026-12-28, Christmas and a weekend",
            "DE, 2026-12-26, 2026-12-28, countries without a holiday list still skip weekends"})
    void dueDatesMoveToTheNextBusinessDay(String country, LocalDate due, LocalDate expected, String why) {
        assertThat(CALENDAR.onOrNextBusinessDay(country, due)).as(why).isEqualTo(expected);
    }

    @Test
    void goodFridayCountsForTheAlgemeneTermijnenwet() {
        // Art. 3 lid 2: "Voor de toepassing van deze wet wordt de Goede Vrijdag met de in het vorige lid
        // genoemde dagen gelijkgesteld."
        assertThat(CALENDAR.isBusinessDay("NL", LocalDate.of(2026, 4, 3))).isFalse();
        assertThat(CALENDAR.knows("NL")).isTrue();
        assertThat(CALENDAR.knows("DE")).isFalse();
    }

    @Test
    void malformedRuleIsRejectedWithItsLocation() {
        String data = "country | name | rule | validFrom | validTo | source\nSE | Broken | EASTER*2 | 2000-01-01 | - | test\n";
        assertThatThrownBy(() -> BusinessCalendar.from(ReferenceTable.parse("holidays.txt",
                new BufferedReader(new StringReader(data)))))
                .hasMessageContaining("holidays.txt:2").hasMessageContaining("EASTER*2");
    }

    @Test
    void theGregorianRuleStartsIn1583() {
        assertThatThrownBy(() -> Easter.sunday(1500)).isInstanceOf(IllegalArgumentException.class);
    }
}
