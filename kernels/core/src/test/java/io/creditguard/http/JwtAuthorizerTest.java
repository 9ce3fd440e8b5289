package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpServer;

import io.creditguard.LocalHttp;

/**
 * The local gateway's token check on the times a token names (RFC 7519 §4.1.4 {@code exp}, §4.1.5 {@code nbf}, both
 * NumericDates: seconds since the epoch, §2), against an issuer on a loopback port that publishes its key as OpenID
 * discovery and a JWKS do. A signed token whose time no date can hold is refused or accepted by what it says, never
 * answered with a failure of the gateway.
 */
class JwtAuthorizerTest {

    /** 2026-12-07T12:00:00Z. */
    private static final long NOW = 1_796_644_800L;
    private static final String AUDIENCE = "creditguard-web-form";

    private static HttpServer issuer;
    private static KeyPair keys;

    @BeforeAll
    static void anIssuer() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        issuer.createContext("/.well-known/openid-configuration", x -> LocalHttp.send(x, 200, "application/json",
                "{\"issuer\":\"" + issuerUrl() + "\",\"jwks_uri\":\"" + issuerUrl() + "/jwks\"}"));
        issuer.createContext("/jwks", x -> LocalHttp.send(x, 200, "application/json",
                "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"alg\":\"RS256\",\"n\":\"" + unsigned(key.getModulus())
                        + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}"));
        issuer.start();
    }

    @AfterAll
    static void stop() {
        issuer.stop(0);
    }

    private static String issuerUrl() {
        return "http://127.0.0.1:" + issuer.getAddress().getPort();
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
    }

    private static String token(String times) throws GeneralSecurityException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + issuerUrl() + "\",\"aud\":\"" + AUDIENCE
                + "\",\"scope\":\"creditguard/read\"" + (times.isEmpty() ? "" : "," + times) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return "Bearer " + header + "." + payload + "." + b64.encodeToString(rsa.sign());
    }

    private static JwtAuthorizer authorizer() {
        return new JwtAuthorizer(issuerUrl(), AUDIENCE, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # the times the token names                          | its claim exp as API Gateway passes it
            "exp":1796648400                                      | 1796648400
            "exp":1796644750                                      | 1796644750
            "exp":9223372036854775807                             | 9223372036854775807
            "exp":1796648400,"nbf":1796644800                     | 1796648400
            "exp":1796648400,"nbf":1796644850                     | 1796648400
            "exp":1796648400,"nbf":-9223372036854775808           | 1796648400
            "exp":1796648400.5                                    | 1796648400.5
            """)
    void aTokenInItsTimeIsAccepted(String times, String exp) throws Exception {
        assertThat(authorizer().verify(token(times), "creditguard/read").claims()).containsEntry("exp", exp);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # the times the token names                          | why it is refused
            ''                                                    | the token has expired
            "exp":1796644739                                      | the token has expired
            "exp":-9223372036854775808                            | the token has expired
            "exp":"1796648400"                                    | the token has expired
            "exp":1e400                                           | the token has expired
            "exp":null                                            | the token has expired
            "exp":1796648400,"nbf":1796644861                     | the token is not valid yet
            "exp":1796648400,"nbf":9223372036854775807            | the token is not valid yet
            "exp":9223372036854775807,"nbf":9223372036854775807   | the token is not valid yet
            "exp":1796648400,"nbf":"1796644800"                   | the token is not valid yet
            "exp":1796648400,"nbf":1e400                          | the token is not valid yet
            """)
    void aTokenOutOfItsTimeOrWithATimeThatIsNoNumberIsRefused(String times, String why) {
        assertThatThrownBy(() -> authorizer().verify(token(times), "creditguard/read"))
                .isInstanceOfSatisfying(JwtAuthorizer.Refused.class, e -> {
                    assertThat(e).hasMessage(why);
                    assertThat(e.forbidden).isFalse();
                });
    }
}
