package io.creditguard.rates;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code creditguard.rates.*}: where the publishers answer and how patiently they are asked. Each base
 * URL is configuration (env {@code CREDITGUARD_RATES_<SOURCE>_URL}), so tests and air-gapped
 * deployments point elsewhere; application.properties has the official ones.
 */
@ConfigMapping(prefix = "creditguard.rates")
public interface RatesConfig {

    Source riksbank();

    Source ecb();

    Source bundesbank();

    Source statbank();

    /** The currencies whose euro reference rates are kept (ISO 4217 codes). */
    @WithDefault("SEK,NOK,DKK,PLN,GBP,USD,CHF")
    List<String> currencies();

    @WithDefault("5S")
    Duration connectTimeout();

    /** For the whole answer, from sending the request. */
    @WithDefault("20S")
    Duration readTimeout();

    @WithDefault("3")
    int attempts();

    /** Before the second attempt; doubled for each further one. */
    @WithDefault("2S")
    Duration backoff();

    @WithDefault("2097152")
    int maxBytes();

    /** How long a function instance keeps the merged table before reading the store again. */
    @WithDefault("5M")
    Duration cache();

    interface Source {
        URI url();
    }
}
