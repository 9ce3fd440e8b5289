package io.creditguard.credit;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.digest.Sha256;
import io.creditguard.http.ApiGateway;
import io.creditguard.http.HttpRequest;
import io.creditguard.reference.ClassPathResource;

/**
 * The credit-check web form ({@code GET /} and {@code GET /credit-check}): one self-contained page,
 * Swedish or English by {@code Accept-Language} and switchable, that posts to {@code /credit-checks}.
 * Its script and style are inline but allowed by hash in a strict Content-Security-Policy, so nothing
 * else can run or load: no CDN, no other origin, no inline handlers, no framing.
 *
 * <p>With a sign-in configured ({@link SignIn}), the page names the identity provider in data
 * attributes and its script signs in with the authorization code flow and PKCE; the policy's
 * {@code connect-src} then allows the provider's token endpoint, and nothing else beyond the page's own
 * origin.
 */
final class CreditCheckPage {

    /** Where the page signs in: the public client, the provider's two endpoints, the scopes it asks for. */
    record SignIn(String clientId, URI authorizeUrl, URI tokenUrl, String scope) {

        String origin() {
            return tokenUrl.getScheme() + "://" + tokenUrl.getAuthority();
        }
    }

    private final String swedish;
    private final String english;
    private final Map<String, String> headers;

    private CreditCheckPage(String html, String script, String style, Optional<SignIn> signIn) {
        String attributes = signIn.map(s -> " data-auth-client=\"" + attribute(s.clientId()) + "\" data-auth-authorize=\""
                + attribute(s.authorizeUrl().toString()) + "\" data-auth-token=\"" + attribute(s.tokenUrl().toString())
                + "\" data-auth-scope=\"" + attribute(s.scope()) + "\"").orElse("");
        String page = html.replace("__STYLE__", style).replace("__SCRIPT__", script).replace("__AUTH__", attributes);
        this.swedish = page.replace("__LANG__", "sv");
        this.english = page.replace("__LANG__", "en");
        this.headers = Map.of(
                "content-security-policy", "default-src 'none'; script-src '" + sha256(script) + "'; style-src '"
                        + sha256(style) + "'; connect-src 'self'" + signIn.map(s -> " " + s.origin()).orElse("")
                        + "; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                "referrer-policy", "no-referrer",
                "x-frame-options", "DENY",
                "content-language", "sv, en");
    }

    static CreditCheckPage load(Optional<SignIn> signIn) {
        return new CreditCheckPage(ClassPathResource.text("web/credit-check.html"), ClassPathResource.text("web/credit-check.js"),
                ClassPathResource.text("web/credit-check.css"), signIn);
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    APIGatewayV2HTTPResponse serve(HttpRequest request) {
        return ApiGateway.html(prefersSwedish(request.header("accept-language").orElse("")) ? swedish : english, headers);
    }

    /** Swedish when the browser ranks it above English (or English is absent); English otherwise. */
    static boolean prefersSwedish(String acceptLanguage) {
        double swedish = 0;
        double english = 0;
        for (String part : acceptLanguage.toLowerCase(Locale.ROOT).split(",")) {
            String[] tagAndParams = part.trim().split(";");
            String tag = tagAndParams[0].trim();
            double q = 1;
            for (int i = 1; i < tagAndParams.length; i++) {
                String param = tagAndParams[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (tag.equals("sv") || tag.startsWith("sv-")) {
                swedish = Math.max(swedish, q);
            } else if (tag.equals("en") || tag.startsWith("en-")) {
                english = Math.max(english, q);
            }
        }
        return swedish > 0 && swedish >= english;
    }

    private static String sha256(String text) {
        return "sha256-" + Base64.getEncoder().encodeToString(Sha256.of(text));
    }
}
