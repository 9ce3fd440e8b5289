package io.creditguard.http;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where our pages sign in: the public client ({@code creditguard.auth.client-id}) and the provider's
 * {@code creditguard.auth.authorize-url} and {@code .token-url}. With any of them missing, pages show no sign-in
 * (locally, where the gateway calls as a signed-in caller).
 */
@ApplicationScoped
public class SignInSettings {

    private final Optional<String> clientId;
    private final Optional<URI> authorizeUrl;
    private final Optional<URI> tokenUrl;

    SignInSettings(@ConfigProperty(name = "creditguard.auth.client-id") Optional<String> clientId,
            @ConfigProperty(name = "creditguard.auth.authorize-url") Optional<URI> authorizeUrl,
            @ConfigProperty(name = "creditguard.auth.token-url") Optional<URI> tokenUrl) {
        this.clientId = clientId;
        this.authorizeUrl = authorizeUrl;
        this.tokenUrl = tokenUrl;
    }

    /** A page's sign-in, asking for OpenID and the one scope its calls need. */
    public Optional<WebPage.SignIn> forScope(String scope) {
        return WebPage.SignIn.of(clientId, authorizeUrl, tokenUrl, "openid " + scope);
    }
}
