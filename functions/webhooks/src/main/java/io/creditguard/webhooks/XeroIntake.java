package io.creditguard.webhooks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.ApiGateway;
import io.creditguard.http.HttpRequest;
import io.creditguard.validation.InputReader;

/**
 * Xero webhooks ({@code POST /webhooks/xero}). {@code x-xero-signature} is the base64 HMAC-SHA256
 * of the raw body with the webhook key (XERO_WEBHOOK_KEY). Xero checks an endpoint by sending
 * events it signs right and wrong ("intent to receive"): 200 with an empty body for the first, 401
 * for the second. Xero's events name an invoice but do not carry it, and intake makes no outbound
 * calls, so each INVOICE event is queued ({@code webhooks/pending/xero/…}, newest event wins) for a
 * fetch through Xero's API.
 */
@ApplicationScoped
class XeroIntake {

    static final String SOURCE = "xero";

    private final Secrets secrets;
    private final IntakeStore store;
    private final InputReader inputs;

    XeroIntake(Secrets secrets, IntakeStore store, InputReader inputs) {
        this.secrets = secrets;
        this.store = store;
        this.inputs = inputs;
    }

    APIGatewayV2HTTPResponse handle(HttpRequest request) {
        byte[] key = Signatures.utf8(secrets.require("XERO_WEBHOOK_KEY"));
        byte[] given = request.header("x-xero-signature").map(Signatures::base64).orElse(null);
        if (!Signatures.same(Signatures.hmacSha256(key, request.body()), given)) {
            throw Signatures.unauthorized("x-xero-signature is missing or does not match this body and the webhook key.");
        }
        JsonNode payload = inputs.tree(request.bodyText());
        JsonNode events = Payloads.array(payload, "events", "$.events");
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (!"INVOICE".equals(event.path("eventCategory").asText())) {
                continue;
            }
            String path = "$.events[" + i + "]";
            String tenant = Payloads.text(event, "tenantId", path + ".tenantId");
            String resource = Payloads.text(event, "resourceId", path + ".resourceId");
            Instant time = instant(Payloads.text(event, "eventDateUtc", path + ".eventDateUtc"), path + ".eventDateUtc");
            Map<String, Object> notification = new LinkedHashMap<>();
            notification.put("tenantId", tenant);
            notification.put("resourceId", resource);
            notification.put("resourceUrl", event.path("resourceUrl").asText(null));
            notification.put("eventType", event.path("eventType").asText(null));
            store.queue(SOURCE, tenant + "/" + resource, time, notification);
        }
        return ApiGateway.emptyOk();
    }

    /** Xero writes UTC times without a zone ({@code 2026-11-28T09:12:41.123}); an explicit zone is honoured too. */
    private static Instant instant(String text, String path) {
        try {
            return text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$") ? java.time.OffsetDateTime.parse(text).toInstant()
                    : java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw Payloads.invalid(path, "must be an ISO date-time such as 2026-11-28T09:12:41.123");
        }
    }
}
