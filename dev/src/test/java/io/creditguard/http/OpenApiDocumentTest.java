package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.creditguard.breakeven.FactoringAnalysis;
import io.creditguard.breakeven.FactoringRequest;
import io.creditguard.breakeven.LossBreakeven;
import io.creditguard.breakeven.LossRequest;
import io.creditguard.breakeven.ProtectionAnswer;
import io.creditguard.breakeven.ProtectionRequest;
import io.creditguard.claims.ClaimRequest;
import io.creditguard.claims.ClaimsFunction;
import io.creditguard.credit.CreditCheckAnswer;
import io.creditguard.credit.CreditCheckRequest;
import io.creditguard.customers.CustomerService;
import io.creditguard.customers.InvoicePatch;
import io.creditguard.customers.LimitRequest;
import io.creditguard.json.Json;
import io.creditguard.reminders.PreviewRequest;
import io.creditguard.reminders.ReminderService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code src/main/resources/openapi.yaml} held to the code both ways: its paths are exactly the routes
 * of the functions; its schemas are those {@link OpenApiSchemas} derives from the request and answer
 * records; its examples are the bodies of {@code events/}; every such body validates against its
 * request schema and every answer the functions give to it against its answer schema.
 *
 * <p>After changing a record: {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true}
 * writes the document again from {@code dev/src/test/resources/openapi/skeleton.yaml}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("../functions/credit-check/src/main/resources/openapi.yaml");
    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)).build();
    /** The records behind the names the skeleton refers to. */
    private static final List<Class<?>> TYPES = List.of(LossRequest.class, LossBreakeven.Result.class, ProtectionRequest.class,
            ProtectionAnswer.class, FactoringRequest.class, FactoringAnalysis.Result.class, CreditCheckRequest.class,
            CreditCheckAnswer.class, io.creditguard.credit.CreditCheck.CompanyAccounts.class, PreviewRequest.class, ReminderService.Preview.class, ClaimRequest.class,
            ClaimsFunction.ClaimAnswer.class, Problem.class, io.creditguard.webhooks.IntakeResult.class,
            CustomerService.CustomerList.class, CustomerService.CustomerView.class, CustomerService.InvoiceDecisions.class,
            LimitRequest.class, InvoicePatch.class, io.creditguard.customers.RunHistory.Runs.class, io.creditguard.connections.ConnectionsFunction.Overview.class,
            io.creditguard.connections.ConnectionsFunction.Authorization.class,
            io.creditguard.connections.ConnectionsFunction.Disconnected.class);

    @Inject
    Instance<HttpFunction> functions;

    /** The document as the code and events/ make it. */
    private static ObjectNode generated() throws IOException {
        ObjectNode document;
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi/skeleton.yaml")) {
            document = (ObjectNode) YAML.readTree(in);
        }
        OpenApiSchemas schemas = new OpenApiSchemas();
        TYPES.forEach(schemas::ref);
        ObjectNode components = (ObjectNode) document.get("components");
        ObjectNode schemaNode = Json.MAPPER.createObjectNode();
        schemas.schemas().forEach(schemaNode::set);
        components.set("schemas", schemaNode);
        for (Map.Entry<String, JsonNode> event : events().entrySet()) {
            JsonNode e = event.getValue();
            String[] route = e.get("routeKey").asText().split(" ", 2);
            JsonNode operation = document.path("paths").path(route[1]).path(route[0].toLowerCase(java.util.Locale.ROOT));
            JsonNode content = operation.path("requestBody").path("content");
            if (content.has("application/json")) {
                ((ObjectNode) content.get("application/json")).withObject("/examples").putObject(event.getKey())
                        .put("summary", "events/" + event.getKey() + ".json").set("value", Json.MAPPER.readTree(e.get("body").asText()));
            } else if (content.has("application/xml")) {
                ((ObjectNode) content.get("application/xml")).withObject("/examples").putObject(event.getKey())
                        .put("summary", "events/" + event.getKey() + ".json").put("value", e.get("body").asText());
            }
        }
        return document;
    }

    /** The API Gateway events of events/ by file name (the scheduler inputs are not HTTP). */
    private static Map<String, JsonNode> events() throws IOException {
        Map<String, JsonNode> events = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("../events"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode event = Json.MAPPER.readTree(file.toFile());
                if (event.has("routeKey")) {
                    events.put(file.getFileName().toString().replace(".json", ""), event);
                }
            }
        }
        return events;
    }

    private static JsonNode committed() throws IOException {
        return YAML.readTree(DOCUMENT.toFile());
    }

    @Test
    void theDocumentIsWhatTheCodeAndTheEventsMakeIt() throws IOException {
        ObjectNode generated = generated();
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(DOCUMENT, "# Generated by OpenApiDocumentTest (dev/) from dev/src/test/resources/openapi/skeleton.yaml, the records\n"
                    + "# and events/: edit the skeleton or the records, then ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true\n"
                    + YAML.writeValueAsString(generated), StandardCharsets.UTF_8);
        }
        assertThat(committed()).as("openapi.yaml is out of date: ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true")
                .isEqualTo(YAML.readTree(YAML.writeValueAsString(generated)));
    }

    @Test
    void thePathsAreExactlyTheRoutesOfTheFunctions() throws IOException {
        Set<String> documented = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = committed().get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase(java.util.Locale.ROOT) + " "
                    + path.getKey()));
        }
        Set<String> served = new TreeSet<>();
        functions.forEach(f -> f.routes().forEach(r -> served.add(r.key())));
        assertThat(documented).isEqualTo(served);
        // Each protected route asks for its own scope; the open ones for none.
        functions.forEach(f -> f.routes().forEach(r -> {
            JsonNode security = Json.MAPPER.valueToTree(committedUnchecked().get("paths").get(r.path())
                    .get(r.method().toLowerCase(java.util.Locale.ROOT)).get("security"));
            assertThat(security.toString()).as(r.key()).isEqualTo(r.isOpen() ? "[]" : "[{\"companySignIn\":[\"" + r.scope() + "\"]}]");
        }));
    }

    private static JsonNode committedUnchecked() {
        try {
            return committed();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The schema {@code name} of the committed document, as a standalone JSON Schema 2020-12. */
    private static Schema schema(String name) throws IOException {
        String defs = Json.write(committed().get("components").get("schemas")).replace("#/components/schemas/", "#/$defs/");
        String root = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$defs\":" + defs + ",\"$ref\":\"#/$defs/"
                + name + "\"}";
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root, InputFormat.JSON);
    }

    private static String refOf(JsonNode content) {
        return content.path("schema").path("$ref").asText().replace("#/components/schemas/", "");
    }

    @Inject
    io.creditguard.reminders.ReminderRun run;

    @ConfigProperty(name = "creditguard.store")
    String store;

    @Test
    void everyEventBodyAndEveryAnswerToItFitTheirSchemas() throws IOException {
        // The ledger's sample events name a customer and an invoice of the sample book, after its run.
        Path book = Path.of(store.substring("file:".length()), "receivables", "sample-book.jsonl");
        Files.createDirectories(book.getParent());
        Files.copy(Path.of("../samples/receivables/sample-book.jsonl"), book, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        run.run(java.util.Optional.of(java.time.LocalDate.parse("2026-11-30")), false);
        JsonNode document = committed();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, JsonNode> event : events().entrySet()) {
            String[] route = event.getValue().get("routeKey").asText().split(" ", 2);
            JsonNode operation = document.get("paths").get(route[1]).get(route[0].toLowerCase(java.util.Locale.ROOT));
            JsonNode request = operation.path("requestBody").path("content").path("application/json");
            String requestSchema = refOf(request);
            boolean read = route[0].equals("GET");
            if (requestSchema.isEmpty() && !read) {
                continue; // a webhook: its platform's own format
            }
            if (!read) {
                List<Error> errors = schema(requestSchema).validate(event.getValue().get("body").asText(), InputFormat.JSON);
                errors.forEach(e -> failures.add(event.getKey() + " request: " + e));
            }
            HttpFunction function = functions.stream().filter(f -> f.routes().stream().anyMatch(r -> r.key().equals(
                    route[0] + " " + route[1]))).findFirst().orElseThrow();
            JsonNode answer = function.handle(event.getValue());
            assertThat(answer.get("statusCode").asInt()).as(event.getKey()).isEqualTo(200);
            JsonNode ok = operation.path("responses").path("200").path("content");
            if (!ok.has("application/json")) { // a file: a letter's PDF
                assertThat(answer.get("headers").get("content-type").asText()).as(event.getKey())
                        .isEqualTo(ok.fieldNames().next());
                continue;
            }
            String answerSchema = refOf(ok.path("application/json"));
            schema(answerSchema).validate(answer.get("body").asText(), InputFormat.JSON)
                    .forEach(e -> failures.add(event.getKey() + " answer: " + e));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aProblemFitsItsSchema() throws IOException {
        JsonNode event = Json.MAPPER.readTree(Path.of("../events/breakeven-loss.json").toFile());
        ((ObjectNode) event).put("body", "{\"currency\":\"SEK\",\"loss\":-5}");
        JsonNode answer = functions.stream().filter(f -> f.exportName().equals("breakeven")).findFirst()
                .orElseThrow().handle(event);
        assertThat(answer.get("statusCode").asInt()).isEqualTo(422);
        assertThat(schema("Problem").validate(answer.get("body").asText(), InputFormat.JSON)).isEmpty();
        // The schemas do hold something: what the API refuses, they refuse too.
        assertThat(schema("LossRequest").validate("{\"currency\":\"SEK\",\"loss\":\"lots\",\"extra\":1}", InputFormat.JSON))
                .extracting(Error::getMessage).anySatisfy(m -> assertThat(m).contains("number expected"))
                .anySatisfy(m -> assertThat(m).contains("extra"));
        assertThat(answer.get("body").asText()).contains("\"pointer\":\"/loss\"").contains("\"instance\":\"urn:creditguard:request:");
    }
}
