package io.creditguard.store;

import java.net.URI;

import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: S3Proxy over an in-memory blob store, on a free loopback
 * port, checking AWS Signature V4 with a test key pair, so a mis-signed request fails as on AWS, and
 * refusing a conditional PUT whose precondition fails with 412, as S3 does.
 */
public final class S3ProxyServer {

    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String BUCKET = "creditguard-test";

    private S3Proxy proxy;

    private S3ProxyServer() {
    }

    /** Starts a server and creates {@link #BUCKET}; {@link #stop()} stops it. */
    public static S3ProxyServer started() throws Exception {
        S3ProxyServer server = new S3ProxyServer();
        server.boot();
        return server;
    }

    private void boot() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", "identity");
        properties.setProperty("jclouds.credential", "credential");
        // The in-memory store that resolves If-None-Match atomically and If-Match under a lock.
        proxy = S3Proxy.builder().blobStore(BlobStores.create("transient-nio2", properties))
                .endpoint(URI.create("http://127.0.0.1:0")).awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.onSpinWait();
        }
        // The SDK's default chain reads these system properties, as it reads the Lambda environment on AWS.
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.setProperty("aws.region", "us-east-1");
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(BUCKET));
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** A client as an operator would configure one for an S3-compatible endpoint. */
    public S3Client client() {
        return client(endpoint());
    }

    /** {@link #client()} for the server at {@code endpoint}, as a test that knows only the application's setting makes it. */
    public static S3Client client(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping S3Proxy", e);
        }
    }
}
