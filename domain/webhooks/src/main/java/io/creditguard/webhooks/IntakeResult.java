package io.creditguard.webhooks;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import jakarta.validation.constraints.NotNull;

/** What intake did with one event: its {@link Status}, the invoice it concerns (when known) and why, in words. */
public record IntakeResult(@NotNull Status status, String invoiceId, String detail) {

    /** The outcomes of one event, written in lower case in the answer and the event's marker. */
    public enum Status {
        /** Stored. */
        ACCEPTED,
        /** Seen before; nothing changed. */
        DUPLICATE,
        /** Older than the state already stored; kept out. */
        STALE,
        /** Not an invoice event. */
        IGNORED,
        /** Noted for a later fetch. */
        QUEUED,
        /** A payment or credit kept until its invoice arrives. */
        PENDING;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static IntakeResult of(Status status, String invoiceId, String detail) {
        return new IntakeResult(status, invoiceId, detail);
    }
}
