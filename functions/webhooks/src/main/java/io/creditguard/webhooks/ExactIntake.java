package io.creditguard.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.ApiGateway;
import io.creditguard.http.HttpRequest;
import io.creditguard.json.Json;
import io.creditguard.validation.InputReader;

/**
 * Exact Online's webhooks ({@code POST /webhooks/exact}). The signature is in the body, not a header:
 * {@code {"Content":{…},"HashCode":"…"}}, where {@code HashCode} is the upper-case hex HMAC-SHA256 of the
 * {@code Content} value's text exactly as it was sent, keyed with the webhook secret (EXACT_WEBHOOK_SECRET)
 * (public client picqer/exact-php-client, {@code Webhook/Authenticatable.php}; confirmed against a live
 * delivery by hookdeck/webhook-skills#152). It is compared in constant time; anything else is 401 and
 * stores nothing. When a subscription is created, Exact validates the callback URL with an empty POST
 * (hookdeck/webhook-skills#152): answered 200, nothing stored.
 *
 * <p>A notification names a record ({@code Topic}, {@code Division}, {@code Action}, {@code Key}) but does not
 * carry it, and intake makes no outbound calls, so it is queued ({@code webhooks/pending/exact/…}, newest
 * wins) for the connections' sync, which fetches it with the connection's token.
 */
@ApplicationScoped
class ExactIntake {

    static final String SOURCE = "exact";
    private static final Pattern NET_DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");

    private final Secrets secrets;
    private final IntakeStore store;
    private final InputReader inputs;
    private final Clock clock;

    ExactIntake(Secrets secrets, IntakeStore store, InputReader inputs, Clock clock) {
        this.secrets = secrets;
        this.store = store;
        this.inputs = inputs;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse handle(HttpRequest request) {
        if (request.body().length == 0) {
            return ApiGateway.emptyOk();
        }
        byte[] key = Signatures.utf8(secrets.require("EXACT_WEBHOOK_SECRET"));
        String body = request.bodyText();
        Optional<Signed> signed = signed(body);
        byte[] expected = HexFormat.of().withUpperCase().formatHex(Signatures.hmacSha256(key,
                signed.map(Signed::content).orElse("").getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
        if (signed.isEmpty() || !Signatures.same(expected, signed.get().given().getBytes(StandardCharsets.US_ASCII))) {
            throw Signatures.unauthorized("HashCode is missing or is not the HMAC-SHA256 of this Content with the webhook secret.");
        }
        JsonNode c = inputs.tree(body).path("Content");
        String topic = Payloads.text(c, "Topic", "$.Content.Topic");
        String division = c.path("Division").asText("");
        String recordKey = Payloads.text(c, "Key", "$.Content.Key");
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("Topic", topic);
        notification.put("Division", division);
        notification.put("Action", c.path("Action").asText(null));
        notification.put("Key", recordKey);
        Instant time = eventTime(c.path("EventCreatedOn").asText(""));
        store.queue(SOURCE, division + "/" + topic.toLowerCase(Locale.ROOT) + "/" + recordKey, time, notification);
        return ApiGateway.emptyOk();
    }

    /** What a notification signs: the {@code Content} value's text, and the {@code HashCode} given for it. */
    private record Signed(String content, String given) {
    }

    /**
     * The text of the top-level {@code Content} object exactly as it was sent, found by the parser's character
     * offsets rather than re-serialised, so whitespace and key order count as Exact signed them; and the
     * {@code HashCode}. Empty when the body is no such JSON object.
     */
    private static Optional<Signed> signed(String body) {
        String content = null;
        String hashCode = null;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("Content".equals(name) && value == JsonToken.START_OBJECT) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    content = body.substring(start, (int) parser.currentTokenLocation().getCharOffset() + 1);
                } else if ("HashCode".equals(name) && value == JsonToken.VALUE_STRING) {
                    hashCode = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return content == null || hashCode == null ? Optional.empty() : Optional.of(new Signed(content, hashCode));
    }

    /** {@code EventCreatedOn} as Exact writes dates ({@code /Date(ms)/}) or ISO (UTC without an offset); else the arrival time. */
    private Instant eventTime(String text) {
        Matcher m = NET_DATE.matcher(text);
        if (m.matches()) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
            } catch (NumberFormatException e) {
                return clock.instant(); // more milliseconds than 64 bits hold: no time at all
            }
        }
        try {
            return text.matches(".*(Z|[+-]\\d{2}:\\d{2})$") ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }
}
