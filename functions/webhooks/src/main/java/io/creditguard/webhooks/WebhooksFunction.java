package io.creditguard.webhooks;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.creditguard.http.HttpFunction;
import io.creditguard.http.Route;
import io.quarkus.funqy.Funq;

/**
 * Lambda {@code webhooks}: invoice events from invoicing platforms into the receivables book.
 * Every route verifies its caller before reading the payload, stores and answers at once (no
 * outbound calls), and answers a repeated event with 200 and no second effect.
 */
@ApplicationScoped
public class WebhooksFunction extends HttpFunction {

    @Inject
    StripeIntake stripe;
    @Inject
    StandardWebhooksIntake standard;
    @Inject
    XeroIntake xero;
    @Inject
    MoneybirdIntake moneybird;
    @Inject
    PeppolIntake peppol;
    @Inject
    ExactIntake exact;

    @Override
    public String exportName() {
        return "webhooks";
    }

    @Override
    protected List<Route<?>> declareRoutes() {
        return List.of(Route.postRaw("/webhooks/stripe", r -> stripe.handle(r)),
                Route.postRaw("/webhooks/standard/{source}", r -> standard.handle(r)),
                Route.postRaw("/webhooks/xero", r -> xero.handle(r)),
                Route.postRaw("/webhooks/moneybird", r -> moneybird.handle(r)),
                Route.postRaw("/webhooks/exact", r -> exact.handle(r)),
                Route.postRaw("/invoices/peppol", r -> peppol.handle(r)));
    }

    @Funq("webhooks")
    public JsonNode webhooks(JsonNode event) {
        return handle(event);
    }
}
