package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Holds infra/template.yaml and the code together: every exported HTTP function has a Lambda with
 * its QUARKUS_FUNQY_EXPORT, and the HttpApi events are exactly the routes the code serves; every
 * scheduled function has its Lambda and a schedule.
 */
@QuarkusTest
class TemplateAgreesWithCodeTest {

    private static final Pattern HTTP_EVENT = Pattern.compile(
            "Type: HttpApi\\s+Properties:\\s+ApiId: !Ref HttpApi\\s+Method: (\\S+)\\s+Path: (\\S+)");

    @Inject
    Instance<HttpFunction> functions;

    @Inject
    Instance<ScheduledFunction> scheduled;

    @Test
    void everyRouteIsInTheTemplateAndNoOther() throws IOException {
        String template = Files.readString(Path.of("infra/template.yaml"));
        List<String> templateRoutes = new ArrayList<>();
        Matcher m = HTTP_EVENT.matcher(template);
        while (m.find()) {
            templateRoutes.add(m.group(1) + " " + m.group(2));
        }
        List<String> codeRoutes = functions.stream().flatMap(f -> f.routes().stream()).map(Route::key).toList();
        assertThat(templateRoutes).containsExactlyInAnyOrderElementsOf(codeRoutes);
        functions.forEach(f -> assertThat(template).contains("QUARKUS_FUNQY_EXPORT: " + f.exportName()));
    }

    @Test
    void everyScheduledFunctionHasItsLambdaAndASchedule() throws IOException {
        String template = Files.readString(Path.of("infra/template.yaml"));
        assertThat(scheduled.stream().map(ScheduledFunction::exportName)).isNotEmpty();
        scheduled.forEach(f -> {
            int lambda = template.indexOf("QUARKUS_FUNQY_EXPORT: " + f.exportName() + "\n");
            assertThat(lambda).as(f.exportName()).isPositive();
            int nextResource = template.indexOf("\n\n", template.indexOf("Events:", lambda));
            assertThat(template.substring(lambda, nextResource)).contains("Type: ScheduleV2");
        });
    }
}
