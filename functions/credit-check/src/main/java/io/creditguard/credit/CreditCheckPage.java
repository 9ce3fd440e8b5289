package io.creditguard.credit;

import java.util.List;
import java.util.Optional;

import io.creditguard.http.WebPage;
import io.creditguard.reference.ClassPathResource;

/**
 * The credit-check web form ({@code GET /} and {@code GET /credit-check}): one self-contained page,
 * Swedish or English by {@code Accept-Language} and switchable, that posts to {@code /credit-checks};
 * served as {@link WebPage} serves every page of ours (strict CSP by hash, no framing). With a sign-in
 * configured, the shared sign-in script ({@code web/sign-in.js}) signs in before anything is checked.
 */
final class CreditCheckPage {

    private CreditCheckPage() {
    }

    static WebPage load(Optional<WebPage.SignIn> signIn) {
        return WebPage.of(ClassPathResource.text("web/credit-check.html"), List.of(ClassPathResource.text("web/sign-in.js"),
                ClassPathResource.text("web/credit-check.js")), ClassPathResource.text("web/credit-check.css"), signIn);
    }
}
