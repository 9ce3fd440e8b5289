package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Pattern;

import org.junit.jupiter.api.Test;

import io.creditguard.reminders.ReminderPolicy.Kind;
import io.creditguard.reminders.ReminderPolicy.Template;

/** The templates a policy's level may name are the {@link Template} constants, one list in two spellings. */
class LetterTemplatesTest {

    @Test
    void theLevelsPatternAcceptsExactlyTheTemplates() throws NoSuchFieldException {
        Pattern pattern = ReminderPolicy.Level.class.getDeclaredField("template").getAnnotation(Pattern.class);
        assertThat(pattern).isNotNull();
        assertThat(pattern.regexp())
                .isEqualTo(Arrays.stream(Template.values()).map(Template::id).collect(Collectors.joining("|")));
    }

    @Test
    void onlyTheInkassokravTemplateMeetsInkassolagen() {
        assertThat(Arrays.stream(Template.values()).filter(Template::meetsInkassolagen)).containsExactly(Template.INKASSOKRAV);
        assertThat(Template.of("inkassokrav")).contains(Template.INKASSOKRAV);
        assertThat(Template.of("inkasso-krav")).isEmpty();
    }

    @Test
    void everyKindDefaultsToATemplate() {
        assertThat(Arrays.stream(Kind.values()).map(Kind::defaultTemplate))
                .containsExactly("pre-due-notice", "reminder", "inkassokrav", "final-notice", "collection-handoff");
    }
}
