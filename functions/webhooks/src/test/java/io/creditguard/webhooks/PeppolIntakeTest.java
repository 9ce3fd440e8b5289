package io.creditguard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.GatewayEvents;
import io.creditguard.http.HttpRequest;
import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;
import io.creditguard.json.Json;
import io.creditguard.store.FileObjectStore;
import io.creditguard.validation.InputReader;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A BIS Billing 3.0 invoice without a due date (BT-9) but with payment terms (BT-20, as BR-CO-25 allows) is due the
 * deployment's {@code creditguard.intake.default-payment-terms-days} after its issue date; a value that is no such
 * number fails that invoice alone, as a deployment's fault the access point may retry.
 */
class PeppolIntakeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:15:00Z"), ZoneOffset.UTC);
    private static final String KEY = "peppol-access-point-key";

    @TempDir
    Path root;

    private PeppolIntake intake(String defaultTermsDays) {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of("INTAKE_API_KEY", KEY),
                "test", 100)).build();
        InputReader inputs = InputReader.standalone(CLOCK);
        return new PeppolIntake(new Secrets(config), new IntakeStore(new FileObjectStore(root), inputs, CLOCK), new Normalizer("SE"),
                inputs, defaultTermsDays, CLOCK);
    }

    /** The sample invoice (issued 2026-11-02, due 2026-12-02) with its due date replaced by payment terms. */
    private static HttpRequest withTermsInsteadOfADueDate() throws Exception {
        String xml = Json.MAPPER.readTree(GatewayEvents.sample("invoices-peppol.json")).path("body").asText()
                .replace("<cbc:DueDate>2026-12-02</cbc:DueDate>", "")
                .replace("<cac:TaxTotal>", "<cac:PaymentTerms><cbc:Note>45 dagar netto</cbc:Note></cac:PaymentTerms><cac:TaxTotal>");
        return HttpRequest.from(APIGatewayV2HTTPEvent.builder().withRouteKey("POST /invoices/peppol").withRawPath("/invoices/peppol")
                .withHeaders(Map.of("content-type", "application/xml", "x-api-key", KEY)).withBody(xml).build());
    }

    @ParameterizedTest(name = "{0} days → due {1}")
    @CsvSource({"30, 2026-12-02", "45, 2026-12-17", "' 0 ', 2026-11-02", "365, 2027-11-02"})
    void theDueDateIsTheIssueDatePlusTheDeploymentsDays(String configured, String due) throws Exception {
        IntakeResult result = intake(configured).handle(withTermsInsteadOfADueDate());

        assertThat(result.status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        JsonNode stored;
        try (Stream<Path> files = Files.walk(root.resolve("receivables"))) {
            stored = Json.MAPPER.readTree(files.filter(Files::isRegularFile).findFirst().orElseThrow().toFile());
        }
        assertThat(stored.path("dueDate").asText()).isEqualTo(due);
        assertThat(stored.path("dueDateBasis").asText())
                .contains("+ " + configured.strip() + " days (the deployment's creditguard.intake.default-payment-terms-days)");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"-1", "366", "30 days", "''", "2147483648"})
    void daysThatAreNoNumberFrom0To365FailTheInvoiceAsTheDeploymentsFault(String configured) {
        assertThatThrownBy(() -> intake(configured).handle(withTermsInsteadOfADueDate()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status())
                        .isEqualTo(ProblemType.NOT_CONFIGURED.status()).isEqualTo(503))
                .hasMessageContaining("creditguard.intake.default-payment-terms-days is '" + configured + "'");
        assertThat(root.resolve("receivables")).doesNotExist();
    }
}
