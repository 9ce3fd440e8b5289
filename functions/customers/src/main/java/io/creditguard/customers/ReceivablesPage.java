package io.creditguard.customers;

import java.util.List;
import java.util.Optional;

import io.creditguard.http.WebPage;
import io.creditguard.reference.ClassPathResource;

/**
 * The receivables page ({@code GET /receivables}): the book's totals, aging, trend, exposures, alerts and customers,
 * and a customer's own page as a hash route ({@code #customer/<id>}), Swedish or English, signed in as the
 * credit-check form is ({@code web/sign-in.js}). Its charts are uPlot's, read from the WebJar and inlined like our
 * own script, so the strict policy of {@link WebPage} holds: {@code 'self'} and hashes, nothing from elsewhere.
 */
final class ReceivablesPage {

    /** uPlot's release in the WebJar (the pom's {@code uplot.version}). */
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/";

    private ReceivablesPage() {
    }

    static WebPage load(Optional<WebPage.SignIn> signIn) {
        return WebPage.of(ClassPathResource.text("web/receivables.html"), List.of(ClassPathResource.text("web/sign-in.js"),
                ClassPathResource.text(UPLOT + "dist/uPlot.iife.min.js"), ClassPathResource.text("web/receivables.js")),
                ClassPathResource.text(UPLOT + "dist/uPlot.min.css") + "\n" + ClassPathResource.text("web/receivables.css"),
                signIn);
    }
}
