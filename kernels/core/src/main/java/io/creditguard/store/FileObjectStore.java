package io.creditguard.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.creditguard.digest.Sha256;

/**
 * The store on a local folder: each key a file under the root. Writes go to a temporary file in
 * the same folder and are renamed into place, which is atomic on every local file system.
 *
 * <p>A file's version is its identity (inode), size and modification time: every write renames a new
 * file into place, so every write makes a new version. A commit holds the key's lock (a lock within
 * this process, and an OS file lock on {@code .locks/<key hash>} for other processes) while it checks
 * the version and renames, so a conditional write and any other write never interleave.
 */
public final class FileObjectStore implements ObjectStore {

    private static final String TEMP_SUFFIX = ".partial";
    private static final String LOCKS = ".locks";
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path root;

    public FileObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Reads only the folder the prefix names (its part up to the last {@code /}) and tolerates what other
     * writers do meanwhile: a temporary file renamed onto its key, or a key deleted, between the folder's
     * listing and the look at the file is passed over, as a key that changed a moment later would be.
     */
    @Override
    public List<String> list(String prefix) throws IOException {
        int slash = prefix.lastIndexOf('/');
        Path folder = slash < 0 ? root : root.resolve(prefix.substring(0, slash)).normalize();
        if (!folder.startsWith(root) || !Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String key = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (attributes.isRegularFile() && key.startsWith(prefix) && !key.endsWith(TEMP_SUFFIX)
                        && !key.startsWith(LOCKS + "/") && Listing.readable(key, FileObjectStore.this)) {
                    keys.add(key);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        keys.sort(null);
        return keys;
    }

    @Override
    public Optional<InputStream> read(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String key, byte[] content, String contentType) throws IOException {
        try (Replacement replacement = replace(key, contentType)) {
            replacement.stream().write(content);
            replacement.commit();
        }
    }

    @Override
    public Optional<Versioned> readVersioned(String key) throws IOException {
        Path file = path(key);
        // The version read before and after opening agree only if the file opened is the one versioned:
        // a rename in between gives a new identity, and the read is tried again.
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<String> before = version(file);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            InputStream in;
            try {
                in = Files.newInputStream(file);
            } catch (NoSuchFileException e) {
                continue;
            }
            if (before.equals(version(file))) {
                return Optional.of(new Versioned(in, before.get()));
            }
            in.close();
        }
        throw new VersionConflict(key);
    }

    @Override
    public Replacement replaceIf(String key, String contentType, String expectedVersion) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), TEMP_SUFFIX);
        OutputStream out = Files.newOutputStream(temp);
        return new Replacement() {
            private boolean committed;

            @Override
            public OutputStream stream() {
                return out;
            }

            @Override
            public void commit() throws IOException {
                out.close();
                ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(target, t -> new ReentrantLock());
                inProcess.lock();
                try (FileChannel channel = FileChannel.open(lockFile(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = channel.lock()) {
                    if (expectedVersion != null && !version(target).orElse(ABSENT).equals(expectedVersion)) {
                        throw new VersionConflict(key);
                    }
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    committed = true;
                } finally {
                    inProcess.unlock();
                }
            }

            @Override
            public void close() throws IOException {
                if (!committed) {
                    out.close();
                    Files.deleteIfExists(temp);
                }
            }
        };
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    @Override
    public String describe() {
        return "file:" + root;
    }

    private Path lockFile(String key) throws IOException {
        Path locks = root.resolve(LOCKS);
        Files.createDirectories(locks);
        return locks.resolve(Sha256.hex(key.getBytes(StandardCharsets.UTF_8)) + ".lock");
    }

    /** The file's identity, size and modification time; empty when there is no file. */
    private static Optional<String> version(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object identity = attributes.fileKey();
            return Optional.of((identity == null ? "" : identity + ":") + attributes.size() + ":"
                    + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Path path(String key) {
        Path path = root.resolve(ObjectStore.checkKey(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not a valid store key: " + key);
        }
        return path;
    }
}
