package io.creditguard.filings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.creditguard.digest.Sha256;
import io.creditguard.filings.CompanyFilings.Gap;
import io.creditguard.filings.CompanyFilings.Missing;
import io.creditguard.json.Json;
import io.creditguard.outbound.HttpFetcher;
import io.creditguard.store.ObjectStore;

/**
 * A company's filed accounts from its registry: Bolagsverket for a Swedish company (register data, the
 * list of digitally filed reports, the latest one read), KvK's open data for a Dutch one. A filed
 * document never changes, so what was read from it is kept in the store, written once, at
 * {@code filed-accounts/<orgnr>/<documentId>.json}, and never fetched again; KvK's answer is kept for the
 * day it was fetched ({@code filed-accounts/<kvkNummer>/kvk-<date>.json}), KvK allowing one request a
 * minute. A registry that cannot be asked is a gap in the answer, never a failure.
 */
@ApplicationScoped
public class FiledAccounts {

    private static final Logger LOG = Logger.getLogger(FiledAccounts.class);

    /** What was read from one filed document: the accounts, or why it is not readable. */
    record StoredReading(String documentId, String sha256, Instant readAt, AnnualAccounts accounts,
            ReportException.Fault fault, String problem) {
    }

    /** KvK's answer of one day; {@code accounts} null when KvK has none. */
    record StoredKvk(Instant fetchedAt, AnnualAccounts accounts) {
    }

    private final Optional<Bolagsverket> bolagsverket;
    private final KvkOpenData kvk;
    private final ObjectStore store;
    private final Clock clock;
    private final ReadingRules rules;

    @Inject
    public FiledAccounts(ObjectStore store, Clock clock,
            @ConfigProperty(name = "creditguard.bolagsverket.api-url") URI api,
            @ConfigProperty(name = "creditguard.bolagsverket.token-url") URI tokenUrl,
            @ConfigProperty(name = "BOLAGSVERKET_CLIENT_ID") Optional<String> clientId,
            @ConfigProperty(name = "BOLAGSVERKET_CLIENT_SECRET") Optional<String> clientSecret,
            @ConfigProperty(name = "creditguard.bolagsverket.read-timeout", defaultValue = "5S") Duration readTimeout,
            @ConfigProperty(name = "creditguard.bolagsverket.attempts", defaultValue = "2") int attempts,
            @ConfigProperty(name = "creditguard.bolagsverket.backoff", defaultValue = "500MS") Duration backoff,
            @ConfigProperty(name = "creditguard.kvk.api-url") URI kvkApi,
            @ConfigProperty(name = "creditguard.kvk.read-timeout", defaultValue = "5S") Duration kvkReadTimeout) {
        this(clientId.filter(id -> !id.isBlank()).flatMap(id -> clientSecret.filter(s -> !s.isBlank())
                .map(secret -> new Bolagsverket(api, tokenUrl, id, secret, new HttpFetcher(new HttpFetcher.Limits(
                        Duration.ofSeconds(3), readTimeout, attempts, backoff, 32 << 20)), clock, Industries.shipped()))),
                // One request a minute: a 429 is reported at once, never retried within a request.
                new KvkOpenData(kvkApi, new HttpFetcher(new HttpFetcher.Limits(Duration.ofSeconds(3), kvkReadTimeout, 1,
                        Duration.ZERO, 8 << 20))), store, clock, ReadingRules.shipped());
    }

    /** @param bolagsverket empty where no client credentials are configured */
    public FiledAccounts(Optional<Bolagsverket> bolagsverket, KvkOpenData kvk, ObjectStore store, Clock clock,
            ReadingRules rules) {
        this.bolagsverket = bolagsverket;
        this.kvk = kvk;
        this.store = store;
        this.clock = clock;
        this.rules = rules;
    }

    /**
     * @param id the company's number, checked and normalised ({@code 556036-0793}, {@code 12345678})
     * @param soleTrader a Swedish number shaped as a personal number: never sent anywhere
     * @param readAccounts whether the latest report is wanted too, or only the register and the list of filings
     */
    public CompanyFilings lookup(String country, String id, boolean soleTrader, boolean readAccounts) {
        return switch (country) {
            case "SE" -> soleTrader ? gap(country, id, new Missing(Gap.SOLE_TRADER, Map.of()))
                    : swedish(id.replace("-", ""), readAccounts);
            case "NL" -> readAccounts ? dutch(id) : gap(country, id, new Missing(Gap.KVK_NO_REGISTER_DATA, Map.of()));
            default -> gap(country, id, new Missing(Gap.COUNTRY_NOT_COVERED, Map.of("country", country)));
        };
    }

    /**
     * An annual report handed over by the user: a zip as Bolagsverket delivers it, or one XHTML.
     *
     * @throws ReportException naming what is wrong with it
     */
    public AnnualAccounts read(String fileName, byte[] bytes) throws ReportException {
        return AccountsReader.read(ReportPackage.open(fileName, bytes, ReportPackage.Limits.DEFAULT), rules);
    }

    private static CompanyFilings gap(String country, String id, Missing missing) {
        return new CompanyFilings(country, id, null, null, null, List.of(), List.of(missing));
    }

    private CompanyFilings swedish(String orgnr, boolean readAccounts) {
        if (bolagsverket.isEmpty()) {
            return gap("SE", orgnr, new Missing(Gap.REGISTRY_NOT_CONFIGURED, Map.of("registry", "Bolagsverket")));
        }
        Bolagsverket registry = bolagsverket.get();
        Register register;
        List<Bolagsverket.FiledDocument> filed;
        try {
            register = registry.organisation(orgnr);
            if (register == null) {
                return gap("SE", orgnr, new Missing(Gap.COMPANY_NOT_FOUND, Map.of("registry", "Bolagsverket")));
            }
            filed = new ArrayList<>(registry.documents(orgnr));
        } catch (RegistryException e) {
            return gap("SE", orgnr, unreachable("Bolagsverket", e));
        }
        filed.sort(Comparator.comparing(Bolagsverket.FiledDocument::periodEnd, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Bolagsverket.FiledDocument::registeredOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed());
        List<Missing> missing = new ArrayList<>();
        if (filed.isEmpty()) {
            missing.add(new Missing(Gap.NO_DIGITAL_REPORT, Map.of("registry", "Bolagsverket")));
            return new CompanyFilings("SE", orgnr, register, null, null, filed, missing);
        }
        Bolagsverket.FiledDocument latest = filed.get(0);
        if (!readAccounts) {
            return new CompanyFilings("SE", orgnr, register, null, null, filed, missing);
        }
        StoredReading reading;
        try {
            reading = reading(registry, orgnr, latest);
        } catch (RegistryException e) {
            missing.add(unreachable("Bolagsverket", e));
            return new CompanyFilings("SE", orgnr, register, null, latest, filed, missing);
        }
        if (reading.accounts() == null) {
            missing.add(new Missing(Gap.UNSUPPORTED_DOCUMENT, Map.of("documentId", latest.documentId(),
                    "fault", reading.fault().name())));
        }
        return new CompanyFilings("SE", orgnr, register, reading.accounts(), latest, filed, missing);
    }

    /** What was read from the document before, or the document fetched, read and kept. */
    private StoredReading reading(Bolagsverket registry, String orgnr, Bolagsverket.FiledDocument document)
            throws RegistryException {
        String key = "filed-accounts/" + orgnr + "/" + document.documentId() + ".json";
        Optional<StoredReading> kept = stored(key, StoredReading.class);
        if (kept.isPresent()) {
            return kept.get();
        }
        byte[] bytes = registry.document(document.documentId());
        StoredReading reading;
        if (bytes == null) {
            reading = new StoredReading(document.documentId(), null, clock.instant(), null, ReportException.Fault.NOT_A_REPORT,
                    "Bolagsverket listed the document but answers 404 for it");
        } else {
            try {
                AnnualAccounts accounts = read(document.documentId(), bytes);
                if (accounts.organisationNumber() != null && !accounts.organisationNumber().equals(orgnr)) {
                    throw new ReportException(ReportException.Fault.OTHER_COMPANY, "the report is about "
                            + accounts.organisationNumber() + ", not " + orgnr);
                }
                reading = new StoredReading(document.documentId(), Sha256.hex(bytes), clock.instant(), accounts, null, null);
            } catch (ReportException e) {
                LOG.warnf("Bolagsverket document %s of %s is not readable: %s", document.documentId(), orgnr, e.getMessage());
                reading = new StoredReading(document.documentId(), Sha256.hex(bytes), clock.instant(), null, e.fault(),
                        e.getMessage());
            }
        }
        keep(key, reading);
        return reading;
    }

    private CompanyFilings dutch(String kvkNummer) {
        String key = "filed-accounts/" + kvkNummer + "/kvk-" + LocalDate.now(clock) + ".json";
        Optional<StoredKvk> kept = stored(key, StoredKvk.class);
        AnnualAccounts accounts;
        if (kept.isPresent()) {
            accounts = kept.get().accounts();
        } else {
            try {
                accounts = kvk.accounts(kvkNummer).orElse(null);
            } catch (RegistryException e) {
                return gap("NL", kvkNummer, unreachable("KvK", e));
            }
            keep(key, new StoredKvk(clock.instant(), accounts));
        }
        List<Missing> missing = new ArrayList<>(List.of(new Missing(Gap.KVK_NO_REGISTER_DATA, Map.of())));
        if (accounts == null) {
            missing.add(new Missing(Gap.NO_DIGITAL_REPORT, Map.of("registry", "KvK")));
        } else {
            missing.add(new Missing(Gap.KVK_YEAR_ONLY, Map.of()));
            for (AnnualAccounts.Year year : accounts.years()) {
                List<String> absent = List.of(AnnualAccounts.Figure.REVENUE, AnnualAccounts.Figure.EBIT,
                        AnnualAccounts.Figure.CURRENT_ASSETS, AnnualAccounts.Figure.CURRENT_LIABILITIES,
                        AnnualAccounts.Figure.RETAINED_EARNINGS).stream().filter(f -> year.filed(f).isEmpty())
                        .map(Enum::name).toList();
                if (!absent.isEmpty()) {
                    missing.add(new Missing(Gap.FIGURES_NOT_FILED, Map.of("year", String.valueOf(year.end().getYear()),
                            "figures", String.join(",", absent))));
                }
            }
        }
        return new CompanyFilings("NL", kvkNummer, null, accounts, null, List.of(), missing);
    }

    private static Missing unreachable(String registry, RegistryException e) {
        LOG.warnf("%s: %s", registry, e.getMessage());
        Gap gap = switch (e.kind()) {
            case UNAVAILABLE -> Gap.REGISTRY_UNAVAILABLE;
            case REFUSED -> Gap.REGISTRY_REFUSED;
            case BAD_ANSWER -> Gap.REGISTRY_BAD_ANSWER;
        };
        return new Missing(gap, Map.of("registry", registry));
    }

    private <T> Optional<T> stored(String key, Class<T> type) {
        try {
            Optional<InputStream> in = store.read(key);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream stream = in.get()) {
                return Optional.of(Json.MAPPER.readValue(stream, type));
            }
        } catch (IOException e) {
            // A kept reading that cannot be read is read anew: the registry's document is the source.
            LOG.warnf("%s could not be read from the store (%s); asking the registry", key, e.getMessage());
            return Optional.empty();
        }
    }

    private void keep(String key, Object value) {
        try {
            store.create(key, Json.write(value).getBytes(StandardCharsets.UTF_8), "application/json");
        } catch (IOException | RuntimeException e) {
            LOG.warnf("%s could not be kept in the store (%s); it will be read again next time", key, e.getMessage());
        }
    }
}
