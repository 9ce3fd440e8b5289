package io.creditguard.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.creditguard.reference.ReferenceTable;

/**
 * Business days per country: Saturdays, Sundays and the public holidays of
 * {@code reference/public-holidays.txt} are not business days. Countries the file does not list
 * have weekends only, which {@link #knows} lets callers say.
 *
 * <p>Immutable and thread-safe; each country's holidays are worked out once per year on first use.
 */
public final class BusinessCalendar {

    private static final Pattern FIXED = Pattern.compile("(\\d{2}-\\d{2})( SUN-1)?");
    private static final Pattern EASTER = Pattern.compile("EASTER([+-]\\d+)");
    private static final Pattern WEEKDAY_ON_OR_AFTER = Pattern.compile("(MON|TUE|WED|THU|FRI|SAT|SUN)>=(\\d{2}-\\d{2})");

    private record Rule(String country, String name, String expression, LocalDate validFrom, Optional<LocalDate> validTo,
            String location) {
    }

    private final Map<String, Country> countries;

    /**
     * One country's rules and the holidays they give, kept per year once worked out: a run asks for
     * the same few years once per invoice.
     */
    private static final class Country {
        private static final int FIRST_KEPT_YEAR = 1900;
        private static final int KEPT_YEARS = 400;

        private final List<Rule> rules;
        private final AtomicReferenceArray<Set<LocalDate>> byYear = new AtomicReferenceArray<>(KEPT_YEARS);

        Country(List<Rule> rules) {
            this.rules = rules;
        }

        Set<LocalDate> holidays(int year) {
            int slot = year - FIRST_KEPT_YEAR;
            if (slot < 0 || slot >= KEPT_YEARS) {
                return workOut(year);
            }
            Set<LocalDate> days = byYear.get(slot);
            if (days == null) {
                days = workOut(year); // two threads racing here work out the same set
                byYear.set(slot, days);
            }
            return days;
        }

        private Set<LocalDate> workOut(int year) {
            return rules.stream().filter(rule -> inForce(rule, year)).map(rule -> dateIn(rule, year))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    private BusinessCalendar(Map<String, List<Rule>> rulesByCountry) {
        this.countries = rulesByCountry.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new Country(e.getValue())));
    }

    /** The calendar of {@code reference/public-holidays.txt}. */
    public static BusinessCalendar standard() {
        return from(ReferenceTable.load("public-holidays.txt"));
    }

    /**
     * @throws IllegalStateException naming the row when a rule is not in the documented grammar
     */
    public static BusinessCalendar from(ReferenceTable table) {
        List<Rule> rules = table.rows().stream().map(r -> {
            Rule rule = new Rule(r.text("country"), r.text("name"), r.text("rule"), r.date("validFrom"),
                    r.optionalDate("validTo"), r.location());
            dateIn(rule, 2000);
            return rule;
        }).toList();
        return new BusinessCalendar(rules.stream().collect(Collectors.groupingBy(Rule::country)));
    }

    /** Whether {@code country} (ISO 3166 alpha-2) has its public holidays here, beyond weekends. */
    public boolean knows(String country) {
        return countries.containsKey(country);
    }

    public boolean isBusinessDay(String country, LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays(country, date.getYear()).contains(date);
    }

    /** {@code date} itself when it is a business day in {@code country}, else the next one. */
    public LocalDate onOrNextBusinessDay(String country, LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(country, day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The public holidays of {@code country} in {@code year} (weekends excluded unless a holiday falls on one). */
    public Set<LocalDate> holidays(String country, int year) {
        Country holidays = countries.get(country);
        return holidays == null ? Set.of() : holidays.holidays(year);
    }

    /** Holidays start and end with whole years, so a rule is checked against the year it falls in. */
    private static boolean inForce(Rule rule, int year) {
        LocalDate date = dateIn(rule, year);
        return !date.isBefore(rule.validFrom()) && rule.validTo().map(to -> !date.isAfter(to)).orElse(true);
    }

    private static LocalDate dateIn(Rule rule, int year) {
        String expression = rule.expression().toUpperCase(Locale.ROOT);
        Matcher m = FIXED.matcher(expression);
        if (m.matches()) {
            LocalDate date = MonthDay.parse("--" + m.group(1)).atYear(year);
            return m.group(2) != null && date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.minusDays(1) : date;
        }
        m = EASTER.matcher(expression);
        if (m.matches()) {
            return Easter.sunday(year).plusDays(Integer.parseInt(m.group(1)));
        }
        Matcher weekdayRule = WEEKDAY_ON_OR_AFTER.matcher(expression);
        if (weekdayRule.matches()) {
            DayOfWeek weekday = java.util.Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().startsWith(weekdayRule.group(1))).findFirst().orElseThrow();
            return MonthDay.parse("--" + weekdayRule.group(2)).atYear(year).with(TemporalAdjusters.nextOrSame(weekday));
        }
        throw new IllegalStateException(rule.location() + ": holiday rule '" + rule.expression() + "' of "
                + rule.name() + " is not MM-DD, MM-DD SUN-1, EASTER±N or DAY>=MM-DD");
    }
}
