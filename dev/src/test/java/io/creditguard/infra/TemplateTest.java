package io.creditguard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.creditguard.http.HttpFunction;
import io.creditguard.json.Json;
import io.creditguard.http.Route;
import io.creditguard.http.ScheduledFunction;
import io.quarkus.funqy.Funq;
import io.quarkus.test.junit.QuarkusTest;

/**
 * infra/template.yaml, read as CloudFormation reads it: it parses (short-form tags included),
 * validates against the official SAM schema, and agrees with the code: one Lambda per exported
 * function, the HTTP API routes exactly the code's, every scheduled function on a schedule, and
 * every file in events/ a route or schedule input of a function that exists.
 */
@QuarkusTest
class TemplateTest {

    private static Map<String, Object> template;
    private static String templateJson;

    @Inject
    Instance<HttpFunction> httpFunctions;

    @Inject
    Instance<ScheduledFunction> scheduledFunctions;

    @BeforeAll
    static void read() throws IOException {
        template = CloudFormationYaml.parse(Files.readString(Path.of("../infra/template.yaml")));
        templateJson = Json.MAPPER.writeValueAsString(template);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> resources() {
        return (Map<String, Map<String, Object>>) template.get("Resources");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    /** export name → the function resource that sets it in QUARKUS_FUNQY_EXPORT. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> lambdasByExport() {
        Map<String, List<String>> byExport = new TreeMap<>();
        resources().forEach((name, resource) -> {
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                Map<String, Object> env = (Map<String, Object>) properties(resource).getOrDefault("Environment", Map.of());
                Map<String, Object> vars = (Map<String, Object>) env.getOrDefault("Variables", Map.of());
                byExport.computeIfAbsent(String.valueOf(vars.get("QUARKUS_FUNQY_EXPORT")), k -> new ArrayList<>()).add(name);
            }
        });
        return byExport;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(String resourceName, String type) {
        Map<String, Object> events = (Map<String, Object>) properties(resources().get(resourceName)).getOrDefault("Events", Map.of());
        return events.values().stream().map(e -> (Map<String, Object>) e).filter(e -> type.equals(e.get("Type")))
                .map(e -> (Map<String, Object>) e.get("Properties")).toList();
    }

    @Test
    void shortFormTagsBecomeLongFormIntrinsics() {
        Map<String, Object> bucketPolicy = properties(resources().get("ReceivablesBucketPolicy"));
        assertThat(bucketPolicy.get("Bucket")).isEqualTo(Map.of("Ref", "ReceivablesBucket"));
        assertThat(templateJson).contains("{\"Fn::GetAtt\":[\"ReceivablesBucket\",\"Arn\"]}").doesNotContain("!Ref");
    }

    @Test
    void validatesAgainstTheOfficialSamSchema() throws IOException {
        Schema schema;
        try (InputStream in = TemplateTest.class.getResourceAsStream("/sam/sam.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
        List<Error> errors = schema.validate(templateJson, InputFormat.JSON);
        assertThat(errors).as("SAM schema violations").isEmpty();
    }

    @Test
    void aBrokenTemplateFailsTheSchema() throws IOException {
        Schema schema;
        try (InputStream in = TemplateTest.class.getResourceAsStream("/sam/sam.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
        String broken = templateJson.replace("\"Type\":\"ScheduleV2\"", "\"Type\":\"ScheduleV2\",\"Bogus\":1")
                .replace("\"ScheduleExpressionTimezone\"", "\"ScheduleTimezone\"");
        assertThat(schema.validate(broken, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void everyFunqyFunctionHasExactlyOneLambda() {
        Set<String> funqyNames = new TreeSet<>();
        Stream.concat(httpFunctions.stream().map(Object::getClass), scheduledFunctions.stream().map(Object::getClass))
                .map(TemplateTest::userClass)
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(Funq.class))
                .forEach(m -> funqyNames.add(m.getAnnotation(Funq.class).value()));
        Set<String> exports = Stream.concat(httpFunctions.stream().map(HttpFunction::exportName),
                scheduledFunctions.stream().map(ScheduledFunction::exportName)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(funqyNames).as("each function's @Funq name is its export name").isEqualTo(exports);
        Map<String, List<String>> lambdas = lambdasByExport();
        assertThat(lambdas.keySet()).isEqualTo(exports);
        lambdas.forEach((export, names) -> assertThat(names).as(export).hasSize(1));
    }

    /**
     * Each Lambda deploys the zip of the module that holds its function's class (README "Layout"), so it ships no
     * other function's code; the preview and the run share the reminders module.
     */
    @Test
    void everyLambdaDeploysTheZipOfItsFunctionsOwnModule() {
        Map<String, List<String>> lambdas = lambdasByExport();
        Stream.concat(httpFunctions.stream().map(f -> Map.entry(f.exportName(), userClass(f.getClass()))),
                scheduledFunctions.stream().map(f -> Map.entry(f.exportName(), userClass(f.getClass())))).distinct()
                .forEach(function -> {
                    String source = function.getValue().getName().replace('.', '/') + ".java";
                    List<String> modules = io.creditguard.Modules.modules().stream()
                            .filter(module -> java.nio.file.Files.exists(module.resolve("src/main/java").resolve(source)))
                            .map(module -> io.creditguard.Modules.ROOT.relativize(module).toString())
                            .toList();
                    assertThat(modules).as(function.getKey()).singleElement().asString().startsWith("functions/");
                    String resource = lambdas.get(function.getKey()).get(0);
                    assertThat(String.valueOf(properties(resources().get(resource)).get("CodeUri"))).as(resource)
                            .isEqualTo("../" + modules.get(0) + "/target/function.zip");
                });
        assertThat(((Map<?, ?>) ((Map<?, ?>) template.get("Globals")).get("Function")).containsKey("CodeUri"))
                .as("a CodeUri in Globals would give every Lambda one artifact").isFalse();
    }

    @Test
    void theHttpApiRoutesExactlyWhatTheCodeServes() {
        Map<String, List<String>> lambdas = lambdasByExport();
        for (HttpFunction function : httpFunctions) {
            String resource = lambdas.get(function.exportName()).get(0);
            List<String> templateRoutes = events(resource, "HttpApi").stream()
                    .map(p -> p.get("Method") + " " + p.get("Path")).toList();
            assertThat(templateRoutes).as(resource).containsExactlyInAnyOrderElementsOf(
                    function.routes().stream().map(Route::key).toList());
            if (!(function instanceof ScheduledFunction)) {
                assertThat(events(resource, "ScheduleV2")).as(resource + " has no schedule").isEmpty();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyApiRouteRequiresTheJwtAuthorizerAndItsScopeAndOnlySignedIntakeIsOpen() {
        Map<String, List<String>> lambdas = lambdasByExport();
        for (HttpFunction function : httpFunctions) {
            String resource = lambdas.get(function.exportName()).get(0);
            for (Map<String, Object> event : events(resource, "HttpApi")) {
                String key = event.get("Method") + " " + event.get("Path");
                Route<?> route = function.routes().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
                Map<String, Object> auth = (Map<String, Object>) event.get("Auth");
                assertThat(auth).as(key + " states its authorization").isNotNull();
                if (route.isOpen()) {
                    assertThat(auth.get("Authorizer")).as(key).isEqualTo("NONE");
                    assertThat(route.isRaw()).as(key + " is open: a webhook with its own signature, or a page").isTrue();
                } else {
                    assertThat(auth.get("Authorizer")).as(key).isEqualTo("CreditguardJwt");
                    assertThat((List<Object>) auth.get("AuthorizationScopes")).as(key).containsExactly(route.scope());
                }
            }
        }
        Map<String, Object> api = properties(resources().get("HttpApi"));
        Map<String, Object> auth = (Map<String, Object>) api.get("Auth");
        assertThat(auth.get("DefaultAuthorizer")).isEqualTo("CreditguardJwt");
        Map<String, Object> jwt = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) auth.get("Authorizers"))
                .get("CreditguardJwt"));
        // Only the Authorization header carries a token (none in the query string); API Gateway checks the
        // signature against the issuer's keys, the issuer, the audience (or Cognito's client_id) and expiry.
        assertThat(jwt.get("IdentitySource")).isEqualTo("$request.header.Authorization");
        String config = Json.write(jwt.get("JwtConfiguration"));
        assertThat(config).contains("\"issuer\"").contains("\"audience\"").contains("AuthIssuer").contains("AuthAudience")
                .contains("UserPoolClient");
        // The scopes the routes require are the ones the created user pool offers.
        String scopes = Json.write(properties(resources().get("UserPoolResourceServer")).get("Scopes"));
        requiredScopes(httpFunctions).forEach(scope -> assertThat(scopes).contains("\"" + scope.substring("creditguard/".length()) + "\""));
    }

    private static java.util.Set<String> requiredScopes(Instance<HttpFunction> functions) {
        return functions.stream().flatMap(f -> f.routes().stream()).filter(r -> !r.isOpen()).map(Route::scope)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theArchitectureIsAParameterOfTheDeployment() {
        Map<?, ?> globals = (Map<?, ?>) ((Map<?, ?>) template.get("Globals")).get("Function");
        assertThat(Json.write(globals.get("Architectures"))).contains("Architecture");
        Map<?, ?> parameter = (Map<?, ?>) ((Map<?, ?>) template.get("Parameters")).get("Architecture");
        assertThat(String.valueOf(parameter.get("AllowedValues"))).isEqualTo("[arm64, x86_64]");
    }

    @Test
    void thePackagedFunctionsStartWithTheJvmOptionsEveryDeployedFunctionGets() {
        Map<?, ?> globals = (Map<?, ?>) ((Map<?, ?>) template.get("Globals")).get("Function");
        Map<?, ?> variables = (Map<?, ?>) ((Map<?, ?>) globals.get("Environment")).get("Variables");
        assertThat(variables.get("JAVA_TOOL_OPTIONS"))
                .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:MetaspaceSize=64m -XX:NewSize=128m")
                .isEqualTo(io.creditguard.lambda.PackagedFunction.DEPLOYED_JAVA_TOOL_OPTIONS);
        // and start in the memory the functions have (the batch run has more: a larger largest heap, the same start)
        assertThat(globals.get("MemorySize")).isEqualTo(io.creditguard.lambda.PackagedFunction.MEMORY_MB);
    }

    @Test
    void everyScheduledFunctionRunsInStockholmTimeWithRetriesAndADeadLetterQueue() {
        for (ScheduledFunction function : scheduledFunctions) {
            String resource = lambdasByExport().get(function.exportName()).get(0);
            List<Map<String, Object>> schedules = events(resource, "ScheduleV2");
            assertThat(schedules).as(resource).hasSize(1);
            Map<String, Object> schedule = schedules.get(0);
            assertThat(schedule.get("ScheduleExpressionTimezone")).isEqualTo("Europe/Stockholm");
            assertThat(schedule).containsKeys("RetryPolicy", "DeadLetterConfig", "ScheduleExpression");
            if (!(function instanceof HttpFunction)) {
                assertThat(events(resource, "HttpApi")).isEmpty();
            }
        }
        Map<?, ?> parameters = (Map<?, ?>) template.get("Parameters");
        assertThat(parameters.get("ReminderSchedule").toString()).contains("MON-FRI");
        assertThat(parameters.get("RatesSchedule").toString()).contains("cron(30 5 * * ? *)");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(String resourceName) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : (List<Object>) properties(resources().get(resourceName)).getOrDefault("Policies", List.of())) {
            if (policy instanceof Map<?, ?> map && map.get("Statement") instanceof List<?> list) {
                list.forEach(s -> statements.add((Map<String, Object>) s));
            }
        }
        return statements;
    }

    @Test
    void theRatesRefreshWritesOnlyRatesAndItsAlarmsWatchItsMetrics() {
        String resource = lambdasByExport().get("reference-rates").get(0);
        List<Map<String, Object>> statements = statements(resource);
        List<String> writes = statements.stream().filter(s -> String.valueOf(s.get("Action")).contains("s3:PutObject"))
                .map(s -> Json.write(s.get("Resource"))).toList();
        assertThat(writes).singleElement().satisfies(w -> assertThat(w).contains("/book/rates/*"));
        assertThat(Json.write(statements)).doesNotContain("s3:DeleteObject").doesNotContain("/book/*\"");
        // It reads the book only to find how far back exchange rates are needed.
        assertThat(statements).filteredOn(st -> Json.write(st.get("Resource")).contains("/book/receivables/*"))
                .singleElement().satisfies(st -> assertThat(st.get("Action")).isEqualTo("s3:GetObject"));
        for (String metric : List.of("MissingReferenceRate", "ReferenceRateConflict", "OperatorFileProblem")) {
            Map<String, Object> alarm = resources().values().stream()
                    .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type")))
                    .map(TemplateTest::properties).filter(p -> metric.equals(p.get("MetricName")))
                    .filter(p -> Json.write(p.get("Dimensions")).contains("reference-rates")).findFirst()
                    .orElseThrow(() -> new AssertionError("no alarm on " + metric));
            assertThat(alarm.get("Namespace")).isEqualTo(io.creditguard.rates.RateAlarms.NAMESPACE);
            assertThat(Json.write(alarm.get("Dimensions"))).contains("reference-rates");
            assertThat(alarm).containsKey("AlarmActions");
        }
        // Rows of the operator's files left out by the run are watched too.
        assertThat(resources().values().stream().filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type")))
                .map(TemplateTest::properties).filter(p -> "OperatorFileProblem".equals(p.get("MetricName")))
                .map(p -> Json.write(p.get("Dimensions")))).anySatisfy(d -> assertThat(d).contains("reminders-run"));
        // What reads rates from the store may only read them.
        String preview = lambdasByExport().get("reminders-preview").get(0);
        assertThat(Json.write(statements(preview))).contains("/book/rates/*").doesNotContain("s3:PutObject");
    }

    @Test
    void theCustomerAlertsHaveAnAlarmAndTheLedgerIsReadOnlyWhereItIsRead() {
        Map<String, Object> alarm = resources().values().stream()
                .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type"))).map(TemplateTest::properties)
                .filter(p -> io.creditguard.customers.LedgerPass.METRIC.equals(p.get("MetricName"))).findFirst()
                .orElseThrow(() -> new AssertionError("no alarm on " + io.creditguard.customers.LedgerPass.METRIC));
        assertThat(alarm.get("Namespace")).isEqualTo(io.creditguard.metrics.Emf.NAMESPACE);
        assertThat(Json.write(alarm.get("Dimensions"))).contains("reminders-run");
        assertThat(alarm).containsKey("AlarmActions");
        // Claims and breakeven read the ledger and write none of it (claims writes only its filed claims); of the ledger
        // the credit check writes only the customers' limits (besides its filed accounts).
        for (String export : List.of("claims", "breakeven")) {
            assertThat(Json.write(statements(lambdasByExport().get(export).get(0)))).as(export).contains("/book/customers/")
                    .doesNotContain("s3:DeleteObject");
        }
        assertThat(writes("breakeven")).isEmpty();
        assertThat(writes("claims")).singleElement().satisfies(w -> assertThat(w).contains("/book/claims/*"));
        assertThat(writes("credit-check")).hasSize(2).anySatisfy(w -> assertThat(w).contains("/book/profiles/*"))
                .allSatisfy(w -> assertThat(w).containsAnyOf("/book/profiles/*", "/book/filed-accounts/*"));
    }

    /** The resources a function's role may put objects into. */
    private static List<String> writes(String export) {
        return statements(lambdasByExport().get(export).get(0)).stream()
                .filter(s -> String.valueOf(s.get("Action")).contains("s3:PutObject")).map(s -> Json.write(s.get("Resource")))
                .toList();
    }

    @Test
    void everyEventFileBelongsToARouteOrASchedule() throws IOException {
        Set<String> routes = httpFunctions.stream().flatMap(f -> f.routes().stream()).map(Route::key).collect(Collectors.toSet());
        Set<String> schedules = scheduledFunctions.stream().map(ScheduledFunction::exportName).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(Path.of("../events"))) {
            List<Path> all = files.sorted().toList();
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                JsonNode event = Json.MAPPER.readTree(file.toFile());
                if (event.has("routeKey")) {
                    assertThat(routes).as(file.toString()).contains(event.get("routeKey").asText());
                } else {
                    String name = file.getFileName().toString().replace(".json", "");
                    assertThat(schedules).as(file + " is a schedule's input, named after its function").contains(name);
                }
            }
        }
    }

    @Test
    void theWebhooksTouchOnlyTheIntakesRecords() {
        String statements = Json.write(statements(lambdasByExport().get("webhooks").get(0)));
        assertThat(statements).contains("/book/receivables/webhooks/*").doesNotContain("/book/config/")
                .doesNotContain("/book/letters/").doesNotContain("/book/rates/");
    }

    @Test
    void claimsWriteOnlyTheirOwnRecordsAndReadTheLettersAndTheSender() {
        List<Map<String, Object>> statements = statements(lambdasByExport().get("claims").get(0));
        assertThat(statements.stream().filter(s -> String.valueOf(s.get("Action")).contains("s3:PutObject"))
                .map(s -> Json.write(s.get("Resource")))).singleElement()
                .satisfies(w -> assertThat(w).contains("/book/claims/*").doesNotContain("receivables"));
        assertThat(Json.write(statements)).contains("/book/letters/*").contains("/book/config/reminder-policy.json")
                .doesNotContain("s3:DeleteObject");
    }

    @Test
    void functionsGetOnlyTheBucketPrefixesTheyNeed() {
        assertThat(templateJson).doesNotContain("S3CrudPolicy").doesNotContain("\"Action\":\"s3:*\",\"Effect\":\"Allow\"");
        Map<String, Object> bucket = properties(resources().get("ReceivablesBucket"));
        assertThat(bucket).containsKeys("BucketEncryption", "PublicAccessBlockConfiguration", "VersioningConfiguration");
    }

    @Test
    void theConnectionsFunctionServesTheAdminsRoutesAndSyncsEveryHalfHourOfABusinessDay() {
        String resource = lambdasByExport().get("connections").get(0);
        Map<String, String> auth = new TreeMap<>();
        for (Map<String, Object> event : events(resource, "HttpApi")) {
            auth.put(event.get("Method") + " " + event.get("Path"), Json.write(event.get("Auth")));
        }
        assertThat(auth).containsOnlyKeys("GET /connections", "GET /connections/{platform}/authorize",
                "GET /connections/{platform}/callback", "DELETE /connections/{platform}", "GET /connect");
        for (String admin : List.of("GET /connections", "GET /connections/{platform}/authorize", "DELETE /connections/{platform}")) {
            assertThat(auth.get(admin)).as(admin).contains("creditguard/admin").contains("CreditguardJwt");
        }
        assertThat(auth.get("GET /connections/{platform}/callback")).contains("NONE");
        assertThat(auth.get("GET /connect")).contains("NONE");
        // The admin scope is the resource server's and the app client's, and the Connections page a callback of the sign-in.
        assertThat(Json.write(properties(resources().get("UserPoolResourceServer")).get("Scopes"))).contains("\"admin\"");
        Map<String, Object> client = properties(resources().get("UserPoolClient"));
        assertThat(Json.write(client.get("AllowedOAuthScopes"))).contains("creditguard/admin");
        assertThat(Json.write(client.get("CallbackURLs"))).contains("${PublicBaseUrl}/connect");

        Map<String, Object> schedule = events(resource, "ScheduleV2").get(0);
        assertThat(schedule.get("ScheduleExpressionTimezone")).isEqualTo("Europe/Stockholm");
        assertThat(Json.write(schedule.get("ScheduleExpression"))).contains("ConnectionsSchedule");
        assertThat(((Map<?, ?>) template.get("Parameters")).get("ConnectionsSchedule").toString())
                .contains("cron(0/30 7-18 ? * MON-FRI *)");
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) ((Map<?, ?>) properties(resources().get(resource))
                .get("Environment")).get("Variables");
        assertThat(variables.keySet()).contains("FORTNOX_CLIENT_ID", "FORTNOX_CLIENT_SECRET", "EXACT_CLIENT_ID", "EXACT_CLIENT_SECRET",
                "VISMA_CLIENT_ID", "VISMA_CLIENT_SECRET", "CREDITGUARD_CONNECTIONS_REDIRECT_BASE");
        assertThat(Json.write(variables.get("FORTNOX_CLIENT_SECRET"))).contains("resolve:secretsmanager");
        Map<String, Object> alarm = resources().values().stream().filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type")))
                .map(TemplateTest::properties).filter(p -> "ConnectionNeedsConsent".equals(p.get("MetricName"))).findFirst()
                .orElseThrow(() -> new AssertionError("no alarm on ConnectionNeedsConsent"));
        assertThat(alarm.get("Namespace")).isEqualTo(io.creditguard.metrics.Emf.NAMESPACE);
        assertThat(Json.write(alarm.get("Dimensions"))).contains("connections");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBucketIsEncryptedWithItsOwnKeyAndOnlyConnectionsAndTheRunReadTheTokens() {
        Map<String, Object> key = properties(resources().get("ReceivablesKey"));
        assertThat(resources().get("ReceivablesKey").get("Type")).isEqualTo("AWS::KMS::Key");
        assertThat(key.get("EnableKeyRotation")).isEqualTo(true);
        String encryption = Json.write(properties(resources().get("ReceivablesBucket")).get("BucketEncryption"));
        assertThat(encryption).contains("\"SSEAlgorithm\":\"aws:kms\"").contains("{\"Fn::GetAtt\":[\"ReceivablesKey\",\"Arn\"]}")
                .contains("\"BucketKeyEnabled\":true");
        // Every function that reads the bucket may decrypt with the key; none but those that touch the bucket.
        lambdasByExport().forEach((export, names) -> {
            String statements = Json.write(statements(names.get(0)));
            assertThat(statements.contains("ReceivablesKey")).as(export).isEqualTo(statements.contains("ReceivablesBucket"));
        });
        // In IAM, only the connections function names book/connections/; the run's book/* covers it.
        lambdasByExport().forEach((export, names) -> {
            String statements = Json.write(statements(names.get(0)));
            boolean tokens = statements.contains("/book/connections/*") || statements.contains("/book/*\"");
            assertThat(tokens).as(export + " reaches the tokens").isEqualTo(export.equals("connections")
                    || export.equals("reminders-run"));
        });
        // And the bucket policy denies everyone else, whatever their policies say.
        Map<String, Object> deny = ((List<Map<String, Object>>) ((Map<String, Object>) properties(resources()
                .get("ReceivablesBucketPolicy")).get("PolicyDocument")).get("Statement")).stream()
                .filter(st -> Json.write(st.get("Resource")).contains("/book/connections/*")).findFirst().orElseThrow();
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(Json.write(deny.get("Action"))).contains("s3:GetObject").contains("s3:PutObject");
        assertThat(Json.write(deny.get("Condition"))).contains("ArnNotEquals").contains("ConnectionsFunctionRole")
                .contains("RemindersRunFunctionRole");
    }

    private static Class<?> userClass(Class<?> type) {
        // CDI client proxies subclass the bean class; the @Funq methods are declared on the bean class.
        return type.getName().contains("_ClientProxy") || type.getName().contains("_Subclass") ? type.getSuperclass() : type;
    }
}
