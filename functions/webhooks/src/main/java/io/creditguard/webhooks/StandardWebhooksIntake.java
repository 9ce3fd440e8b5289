package io.creditguard.webhooks;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.HttpRequest;
import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;
import io.creditguard.receivables.Invoice;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.SingleLine;

/**
 * Any sender of Standard Webhooks (standardwebhooks.com), {@code POST /webhooks/standard/{source}}.
 * Headers {@code webhook-id}, {@code webhook-timestamp} (unix seconds, in digits) and {@code webhook-signature}
 * (space-separated {@code v1,<base64>}); the signature is HMAC-SHA256 over
 * {@code "<id>.<timestamp>.<body>"}, the timestamp as the header carries it, with the base64 key after {@code whsec_} in
 * STANDARD_WEBHOOK_SECRET_<SOURCE> or, failing that, STANDARD_WEBHOOK_SECRET. Five minutes' tolerance.
 * The payload is {@code {"type":"invoice.…","timestamp":…,"data":<a creditguard invoice>}}, whose
 * {@code payments[]} lists every payment; or {@code {"type":"invoice.payment","data":{"invoiceId":…,
 * "payment":<a creditguard payment>}}} for a payment on its own (idempotent by the payment's id).
 */
@ApplicationScoped
class StandardWebhooksIntake {

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final Secrets secrets;
    private final IntakeStore store;
    private final InputReader inputs;
    private final Clock clock;

    StandardWebhooksIntake(Secrets secrets, IntakeStore store, InputReader inputs, Clock clock) {
        this.secrets = secrets;
        this.store = store;
        this.inputs = inputs;
        this.clock = clock;
    }

    IntakeResult handle(HttpRequest request) {
        String source = request.pathParameter("source").orElse("");
        if (!SOURCE.matcher(source).matches()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The source in /webhooks/standard/{source} must be 1-40 "
                    + "lower-case letters, digits or dashes.");
        }
        String variable = "STANDARD_WEBHOOK_SECRET_" + source.toUpperCase(Locale.ROOT).replace('-', '_');
        String secret = secrets.find(variable).orElseGet(() -> secrets.require("STANDARD_WEBHOOK_SECRET"));
        String id = request.header("webhook-id").orElseThrow(() -> Signatures.unauthorized("The webhook-id header is missing."));
        Instant sent = verify(request, secret, id);
        JsonNode payload = inputs.tree(request.bodyText());
        String type = Payloads.text(payload, "type", "$.type");
        if (!type.startsWith("invoice.")) {
            return IntakeResult.of(IntakeResult.Status.IGNORED, null, type + " is not an invoice event");
        }
        if (store.seen(source, id)) {
            return IntakeResult.of(IntakeResult.Status.DUPLICATE, null, "message " + id + " was processed before");
        }
        if (type.equals("invoice.payment")) {
            PaymentEvent event = inputs.read(payload.path("data"), PaymentEvent.class, "$.data");
            Invoice.Payment payment = event.payment();
            // checked again under its source's name space, which makes the id longer: the book must still read it
            Invoice.Payment scoped = inputs.check(new Invoice.Payment(source + ":" + payment.id(), payment.date(),
                    payment.amount(), payment.currency(), payment.reference()), "$.data.payment");
            return store.addPayment(source, id, source + ":" + event.invoiceId(), scoped, "$.data.payment");
        }
        Invoice data = inputs.read(payload.path("data"), Invoice.class, "$.data");
        // The sender's invoice, under its source's name space; what creditguard records while dunning is
        // creditguard's own, so a sender cannot claim levels as sent.
        // Its payments too, as invoice.payment's are, so one payment sent both ways has one id and counts once.
        java.util.List<Invoice.Payment> payments = data.payments().stream().map(p -> p.id() == null ? p
                : new Invoice.Payment(source + ":" + p.id(), p.date(), p.amount(), p.currency(), p.reference())).toList();
        Invoice scoped = new Invoice(source + ":" + data.invoiceId(), data.invoiceNumber(), data.currency(),
                data.issueDate(), data.dueDate(), data.amount(), data.openAmount(), data.customer(), data.terms(),
                payments, data.credits(), new Invoice.Dunning(data.disputed(), data.dunning().pausedUntil(),
                        java.util.List.of(), null), source, sent);
        return store.upsert(source, id, inputs.check(scoped, "$.data"), true);
    }

    /** A payment on its own: the sender's invoice id and the payment, which must carry its id. */
    record PaymentEvent(@NotBlank @Size(max = 100) @SingleLine String invoiceId,
            @NotNull @Valid @PaymentEvent.Identified Invoice.Payment payment) {

        /** The payment's id is what makes a repeated message change nothing. */
        @Documented
        @Target(FIELD)
        @Retention(RUNTIME)
        @Constraint(validatedBy = Identified.Validator.class)
        @interface Identified {
            String message() default "{io.creditguard.webhooks.StandardWebhooksIntake.PaymentEvent.Identified.message}";

            Class<?>[] groups() default {};

            Class<? extends Payload>[] payload() default {};

            final class Validator implements ConstraintValidator<Identified, Invoice.Payment> {
                @Override
                public boolean isValid(Invoice.Payment payment, ConstraintValidatorContext context) {
                    return payment == null || payment.id() != null && !payment.id().isBlank();
                }
            }
        }
    }

    private Instant verify(HttpRequest request, String secret, String id) {
        if (!secret.startsWith("whsec_")) {
            throw new ProblemException(ProblemType.NOT_CONFIGURED, "The Standard Webhooks secret must start with whsec_.");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_CONFIGURED, "The Standard Webhooks secret is not base64 after whsec_.");
        }
        String timestamp = request.header("webhook-timestamp")
                .orElseThrow(() -> Signatures.unauthorized("The webhook-timestamp header is missing."));
        // The spec's integer unix timestamp, which it signs as the header carries it: digits only, so no sign, no
        // fraction and no '.' that could move where the signed id ends.
        if (!DIGITS.matcher(timestamp).matches()) {
            throw Signatures.unauthorized("The webhook-timestamp header must be unix seconds in digits only (0-9), "
                    + "without a sign or a fraction.");
        }
        long seconds = Signatures.seconds(timestamp);
        if (!Signatures.fresh(clock, seconds)) {
            throw Signatures.unauthorized("The webhook-timestamp is more than five minutes from now; refused as a possible replay.");
        }
        String header = request.header("webhook-signature")
                .orElseThrow(() -> Signatures.unauthorized("The webhook-signature header is missing."));
        // the timestamp as sent, leading zeros and all: the sender signed that text, not the number it reads as
        byte[] expected = Signatures.hmacSha256(key, Signatures.utf8(id + "." + timestamp + "."), request.body());
        for (String entry : header.trim().split(" +")) {
            String[] versionAndSignature = entry.split(",", 2);
            if (versionAndSignature.length == 2 && versionAndSignature[0].equals("v1")
                    && Signatures.same(expected, Signatures.base64(versionAndSignature[1]))) {
                return Instant.ofEpochSecond(seconds);
            }
        }
        throw Signatures.unauthorized("No v1 signature in webhook-signature matches this message and the secret.");
    }
}
