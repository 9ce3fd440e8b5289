package io.creditguard.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The store in an S3 bucket under a key prefix. A PUT replaces an object atomically, so readers
 * never see half an object; streamed replacements are spooled to a temporary file (Lambda's /tmp)
 * and uploaded on commit, which keeps the heap flat for files of any size.
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** @param prefix prepended to every key; empty or ending in {@code /} */
    public S3ObjectStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /**
     * Asks for the names URL-encoded ({@code encoding-type=url}; the SDK decodes them): S3 writes a name as it is
     * otherwise, and one holding a character XML 1.0 cannot carry (a control character) made every listing of its
     * prefix unreadable.
     */
    @Override
    public List<String> list(String keyPrefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + keyPrefix).encodingType(EncodingType.URL))
                .contents().stream().map(S3Object::key).map(k -> k.substring(prefix.length()))
                .filter(k -> Listing.readable(k, this)).sorted().toList();
    }

    @Override
    public Optional<InputStream> read(String key) {
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(objectKey(key))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(objectKey(key)).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<Versioned> readVersioned(String key) {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(objectKey(key)));
            return Optional.of(new Versioned(in, in.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code If-Match} on the ETag read, or {@code If-None-Match: *} for {@link #ABSENT}: S3 answers 412
     * when the precondition fails, 409 when a concurrent write won the race while this one was in
     * flight, 404 when an object that was to be matched is gone; all three are a {@link VersionConflict}.
     *
     * <p>Except where the client tried more than once and the object now holds exactly these bytes: an
     * earlier attempt wrote them and its answer was lost (a connection closed as the answer came), so the
     * retry found its own write in place. The bytes are compared, not the ETag: under SSE-KMS, as the
     * template's bucket is, an ETag is not the content's MD5.
     */
    @Override
    public Replacement replaceIf(String key, String contentType, String expectedVersion) throws IOException {
        String objectKey = objectKey(key);
        Path spool = Files.createTempFile("creditguard-", ".upload");
        OutputStream out = Files.newOutputStream(spool);
        return new Replacement() {
            @Override
            public OutputStream stream() {
                return out;
            }

            @Override
            public void commit() throws IOException {
                out.close();
                PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(objectKey)
                        .contentType(contentType);
                if (ABSENT.equals(expectedVersion)) {
                    request.ifNoneMatch("*");
                } else if (expectedVersion != null) {
                    request.ifMatch(expectedVersion);
                }
                try {
                    s3.putObject(request.build(), RequestBody.fromFile(spool));
                } catch (S3Exception e) {
                    if (expectedVersion != null && (e.statusCode() == 412 || e.statusCode() == 409 || e.statusCode() == 404)) {
                        if (e.numAttempts() > 1 && holds(objectKey, spool)) {
                            return;
                        }
                        throw new VersionConflict(key);
                    }
                    throw e;
                }
            }

            @Override
            public void close() throws IOException {
                out.close();
                Files.deleteIfExists(spool);
            }
        };
    }

    /** Whether the object at {@code objectKey} holds exactly {@code content}'s bytes. */
    private boolean holds(String objectKey, Path content) throws IOException {
        try (InputStream stored = s3.getObject(b -> b.bucket(bucket).key(objectKey));
                InputStream sent = Files.newInputStream(content)) {
            byte[] storedChunk = new byte[8192];
            byte[] sentChunk = new byte[8192];
            while (true) {
                int n = stored.readNBytes(storedChunk, 0, storedChunk.length);
                int m = sent.readNBytes(sentChunk, 0, sentChunk.length);
                if (n != m || !Arrays.equals(storedChunk, 0, n, sentChunk, 0, m)) {
                    return false;
                }
                if (n < storedChunk.length) {
                    return true;
                }
            }
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Override
    public boolean delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
        return true;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    private String objectKey(String key) {
        return prefix + ObjectStore.checkKey(key);
    }
}
