package io.creditguard.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.creditguard.Events;
import io.creditguard.json.Json;

/**
 * The webhook events of events/, signed the way each platform signs them, written here from the
 * platforms' published schemes rather than with the code under test.
 */
public final class SignedEvents {

    static final String STRIPE_SECRET = "whsec_test_stripe_endpoint_secret";
    static final String STANDARD_SECRET = "whsec_" + Base64.getEncoder().encodeToString("standard-webhooks-test-key-32byt".getBytes(StandardCharsets.UTF_8));
    public static final String ACME_SECRET = "whsec_" + Base64.getEncoder().encodeToString("acme-billing-own-key-32-bytes-ok".getBytes(StandardCharsets.UTF_8));
    static final String XERO_KEY = "xero-webhook-key-for-tests";
    static final String MONEYBIRD_TOKEN = "moneybird-token-for-tests";
    static final String API_KEY = "intake-api-key-for-tests";
    /** The secret {@code events/webhooks-exact.json}'s HashCode is computed with. */
    static final String EXACT_SECRET = "exact-webhook-secret";

    private SignedEvents() {
    }

    static ObjectNode event(String name) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(Events.read(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String body(ObjectNode event) {
        return event.get("body").asText();
    }

    static ObjectNode withBody(ObjectNode event, String body) {
        event.put("body", body);
        return event;
    }

    public static ObjectNode header(ObjectNode event, String name, String value) {
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return event;
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stripe: t=<unix>,v1=hex(HMAC(secret, "<t>.<body>")). */
    static ObjectNode stripe(ObjectNode event, String secret, Instant at) {
        long t = at.getEpochSecond();
        String v1 = HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), t + "." + body(event)));
        return header(event, "stripe-signature", "t=" + t + ",v1=" + v1);
    }

    /** Standard Webhooks: v1,base64(HMAC(base64-decoded key, "<id>.<timestamp>.<body>")). */
    public static ObjectNode standard(ObjectNode event, String secret, Instant at) {
        long t = at.getEpochSecond();
        String id = event.get("headers").get("webhook-id").asText();
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        header(event, "webhook-timestamp", Long.toString(t));
        return header(event, "webhook-signature", "v1," + Base64.getEncoder().encodeToString(hmac(key, id + "." + t + "." + body(event))));
    }

    /** Xero: base64(HMAC(key, body)). */
    static ObjectNode xero(ObjectNode event, String key) {
        return header(event, "x-xero-signature", Base64.getEncoder().encodeToString(hmac(key.getBytes(StandardCharsets.UTF_8), body(event))));
    }

    static JsonNode stripeObject(ObjectNode event) {
        try {
            return Json.MAPPER.readTree(body(event));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
