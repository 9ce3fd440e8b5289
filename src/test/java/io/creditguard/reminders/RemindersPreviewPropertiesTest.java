package io.creditguard.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditguard.http.RouteFuzzing;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** POST /reminders/preview fed the sample request with one field broken: never a 5xx. */
class RemindersPreviewPropertiesTest {

    private static final RemindersPreviewFunction PREVIEW = wired();

    private static RemindersPreviewFunction wired() {
        RemindersPreviewFunction function = new RemindersPreviewFunction();
        function.reminders = new ReminderService(new Letters());
        return RouteFuzzing.wired(function);
    }

    @Provide
    Arbitrary<String> previews() {
        return RouteFuzzing.mutationsOf(RouteFuzzing.sampleBody("reminders-preview.json"));
    }

    @Example
    void theSampleIsAcceptedUnbroken() {
        assertThat(PREVIEW.handle(RouteFuzzing.post("/reminders/preview", RouteFuzzing.sampleBody("reminders-preview.json")))
                .getStatusCode()).isEqualTo(200);
    }

    @Property
    void preview(@ForAll("previews") String body) {
        RouteFuzzing.assertAnsweredWithoutFault(PREVIEW.handle(RouteFuzzing.post("/reminders/preview", body)), body);
    }
}
