package io.creditguard.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Makes the one {@link ObjectStore} from {@code creditguard.store} (env {@code CREDITGUARD_STORE}):
 * {@code file:<dir>} (default {@code file:./data}) or {@code s3://<bucket>/<prefix>}. On AWS the S3
 * client takes region and credentials from the Lambda environment; {@code creditguard.s3.endpoint}
 * points it at another S3-compatible server.
 */
@ApplicationScoped
public class StoreProducer {

    @ConfigProperty(name = "creditguard.store", defaultValue = "file:./data")
    String location;

    @ConfigProperty(name = "creditguard.s3.endpoint")
    Optional<URI> endpoint;

    @Produces
    @ApplicationScoped
    ObjectStore store() {
        return open(location, endpoint);
    }

    /**
     * @throws IllegalStateException when the location is neither form, naming the setting to fix
     */
    public static ObjectStore open(String location, Optional<URI> endpoint) {
        if (location.startsWith("file:")) {
            String dir = location.substring("file:".length());
            if (!dir.isBlank()) {
                return new FileObjectStore(Path.of(dir));
            }
        } else if (location.startsWith("s3://")) {
            String rest = location.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1);
            if (!bucket.isBlank()) {
                var builder = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
                // S3-compatible servers often lack the SDK's newer default trailing checksums.
                endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
                return new S3ObjectStore(builder.build(), bucket, prefix);
            }
        }
        throw new IllegalStateException("creditguard.store (CREDITGUARD_STORE) is '" + location
                + "'; expected file:<dir> or s3://<bucket>/<prefix>");
    }
}
