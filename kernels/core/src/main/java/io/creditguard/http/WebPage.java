package io.creditguard.http;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.creditguard.digest.Sha256;

/**
 * A self-contained page of ours (the credit-check form, the Connections page, the receivables page): its scripts and style
 * inline but allowed by hash in a strict Content-Security-Policy, so nothing else can run or load: no
 * CDN, no other origin, no inline handlers, no framing. Swedish or English by {@code Accept-Language}.
 *
 * <p>The page's HTML names its parts by placeholder: {@code __LANG__}, {@code __STYLE__},
 * {@code __SCRIPTS__} (each script its own {@code <script>} element, in order) and {@code __AUTH__}
 * (the sign-in's data attributes on the element the sign-in script reads). With a sign-in configured
 * ({@link SignIn}), the script signs in with the authorization code flow and PKCE, and the policy's
 * {@code connect-src} allows the provider's token endpoint, and nothing else beyond the page's own origin.
 */
public final class WebPage {

    /** Where a page signs in: the public client, the provider's two endpoints, the scopes it asks for. */
    public record SignIn(String clientId, URI authorizeUrl, URI tokenUrl, String scope) {

        /** The sign-in when all three settings are there; none when any is missing or blank (sign-in off). */
        public static Optional<SignIn> of(Optional<String> clientId, Optional<URI> authorizeUrl, Optional<URI> tokenUrl,
                String scope) {
            return clientId.filter(c -> !c.isBlank()).flatMap(c -> authorizeUrl.flatMap(a -> tokenUrl
                    .map(t -> new SignIn(c, a, t, scope))));
        }

        String origin() {
            return tokenUrl.getScheme() + "://" + tokenUrl.getAuthority();
        }
    }

    private final String swedish;
    private final String english;
    private final Map<String, String> headers;

    private WebPage(String html, List<String> scripts, String style, Optional<SignIn> signIn) {
        String attributes = signIn.map(s -> " data-auth-client=\"" + escape(s.clientId()) + "\" data-auth-authorize=\""
                + escape(s.authorizeUrl().toString()) + "\" data-auth-token=\"" + escape(s.tokenUrl().toString())
                + "\" data-auth-scope=\"" + escape(s.scope()) + "\"").orElse("");
        String page = html.replace("__STYLE__", style)
                .replace("__SCRIPTS__", scripts.stream().map(s -> "<script>" + s + "</script>").collect(Collectors.joining("\n")))
                .replace("__AUTH__", attributes);
        this.swedish = page.replace("__LANG__", "sv");
        this.english = page.replace("__LANG__", "en");
        this.headers = Map.of(
                "content-security-policy", "default-src 'none'; script-src " + (scripts.isEmpty() ? "'none'"
                        : scripts.stream().map(s -> "'" + sha256(s) + "'").collect(Collectors.joining(" "))) + "; style-src '"
                        + sha256(style) + "'; connect-src 'self'" + signIn.map(s -> " " + s.origin()).orElse("")
                        + "; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                "referrer-policy", "no-referrer",
                "x-frame-options", "DENY",
                "content-language", "sv, en");
    }

    /**
     * @param html the page with its placeholders
     * @param scripts the scripts, in the order the page runs them
     */
    public static WebPage of(String html, List<String> scripts, String style, Optional<SignIn> signIn) {
        return new WebPage(html, scripts, style, signIn);
    }

    /** The page in the browser's language. */
    public APIGatewayV2HTTPResponse serve(HttpRequest request) {
        return serve(request, 200, Map.of());
    }

    /**
     * The page in the browser's language with {@code __KEY__} placeholders filled with {@code values},
     * HTML-escaped: a page that says what happened (a connection made or refused).
     */
    public APIGatewayV2HTTPResponse serve(HttpRequest request, int status, Map<String, String> values) {
        String page = swedish(request) ? swedish : english;
        for (Map.Entry<String, String> value : values.entrySet()) {
            page = page.replace("__" + value.getKey() + "__", escape(value.getValue()));
        }
        return ApiGateway.html(status, page, headers);
    }

    /** Whether the request's browser prefers Swedish to English. */
    public static boolean swedish(HttpRequest request) {
        return prefersSwedish(request.header("accept-language").orElse(""));
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

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String sha256(String text) {
        return "sha256-" + Base64.getEncoder().encodeToString(Sha256.of(text));
    }
}
