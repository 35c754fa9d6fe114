package org.initlab.data;

import org.initlab.UserError;
import org.initlab.io.FileProblem;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Downloads catalogue files: each file from the first mirror that serves it intact, written to a
 * temporary file in the target directory, checked (size, then SHA-256 or MD5 against the
 * catalogue) and only then renamed into place atomically. A failed attempt deletes its temporary
 * file and moves on to the next mirror, so the target directory never holds a partial or
 * unverified file under a dataset file's name.
 */
public final class Downloader {
    private static final String PART = ".part";

    private final HttpClient client;
    private final Duration stallTimeout;
    private final Progress progress;

    /**
     * @param client       the HTTP client (its connect timeout applies)
     * @param stallTimeout a transfer that receives nothing for this long is abandoned
     * @param progress     hears about each transfer
     */
    public Downloader(HttpClient client, Duration stallTimeout, Progress progress) {
        this.client = client;
        this.stallTimeout = stallTimeout;
        this.progress = progress;
    }

    /** A client with a 15 s connect timeout that follows redirects; transfers stalled for 60 s are abandoned. */
    public static Downloader standard(Progress progress) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new Downloader(client, Duration.ofSeconds(60), progress);
    }

    /** The URL of {@code file} under a mirror base. */
    static URI url(URI base, String file) {
        String b = base.toString();
        return URI.create(b.endsWith("/") ? b + file : b + "/" + file);
    }

    /**
     * Fetches every file of {@code spec} that {@code dir} lacks or holds unverified, trying
     * {@code bases} in order for each; returns the paths of all files, in catalogue order.
     */
    public List<Path> fetch(DatasetSpec spec, Path dir, List<URI> bases) {
        boolean created = !Files.isDirectory(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot create the download folder: " + FileProblem.describe(e));
        }
        removeStaleParts(dir);
        List<Path> out = new ArrayList<>();
        try {
            for (DatasetFile file : spec.files()) {
                Path target = dir.resolve(file.name());
                if (Files.isRegularFile(target) && FileVerifier.check(file, target).verified()) {
                    out.add(target);
                    continue;
                }
                out.add(fetchFile(spec, file, dir, bases));
            }
        } catch (UserError e) {
            if (created) deleteIfEmpty(dir);
            throw e;
        }
        return out;
    }

    private static void deleteIfEmpty(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (!entries.iterator().hasNext()) Files.delete(dir);
        } catch (IOException ignored) {
            // an empty directory left behind is harmless
        }
    }

    private Path fetchFile(DatasetSpec spec, DatasetFile file, Path dir, List<URI> bases) {
        Path target = dir.resolve(file.name());
        List<String> failures = new ArrayList<>();
        for (URI base : bases) {
            URI url = url(base, file.name());
            Path part = dir.resolve("." + file.name() + "." + UUID.randomUUID() + PART);
            try {
                String problem = download(file, url, part);
                if (problem == null) {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    progress.finished(file.name(), true, "verified, saved to " + target);
                    return target;
                }
                failures.add(url + ": " + problem);
                progress.finished(file.name(), false, url + ": " + problem);
            } catch (IOException e) {
                String problem = describe(e);
                failures.add(url + ": " + problem);
                progress.finished(file.name(), false, url + ": " + problem);
            } finally {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a leftover .part file is removed by the next fetch
                }
            }
        }
        throw new UserError("could not download " + spec.name() + "'s " + file.name() + ": " + String.join("; ", failures)
                + ". Offline? Put " + spec.fileNames() + " into " + dir + " (from " + spec.mirrors().getFirst() + ")");
    }

    /** Downloads {@code url} into {@code part}; returns null when it verified, else the problem. */
    private String download(DatasetFile file, URI url, Path part) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofPublisher());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        Body body = new Body();
        response.body().subscribe(body);
        try {
            if (response.statusCode() != 200) return "HTTP " + response.statusCode();
            long expected = file.officialSize();
            long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            List<Long> sizes = file.digests().stream().map(Digest::size).filter(s -> s >= 0).toList();
            if (announced >= 0 && !sizes.isEmpty() && !sizes.contains(announced)) {
                return "the mirror serves " + String.format("%,d", announced) + " bytes, expected " + String.format("%,d", expected);
            }
            long total = announced >= 0 ? announced : expected;
            progress.started(file.name(), url, total);
            MessageDigest sha = FileVerifier.sha256();
            MessageDigest md5 = FileVerifier.md5();
            long limit = sizes.isEmpty() ? Long.MAX_VALUE : sizes.stream().mapToLong(Long::longValue).max().orElseThrow();
            long received = 0;
            try (OutputStream out = Files.newOutputStream(part)) {
                List<ByteBuffer> chunk;
                while ((chunk = body.next(stallTimeout)) != END) {
                    if (chunk == null) {
                        return "the transfer stalled for " + stallTimeout.toMillis() / 1000.0 + " s after " + String.format("%,d", received) + " bytes";
                    }
                    for (ByteBuffer b : chunk) {
                        byte[] bytes = new byte[b.remaining()];
                        b.get(bytes);
                        out.write(bytes);
                        sha.update(bytes);
                        md5.update(bytes);
                        received += bytes.length;
                    }
                    if (received > limit) return "the mirror sent more than the expected " + String.format("%,d", limit) + " bytes";
                    progress.advanced(file.name(), received, total);
                }
            }
            if (announced >= 0 && received != announced) {
                return "the transfer ended after " + String.format("%,d", received) + " of " + String.format("%,d", announced) + " bytes";
            }
            String shaHex = HexFormat.of().formatHex(sha.digest());
            String md5Hex = HexFormat.of().formatHex(md5.digest());
            for (Digest d : file.digests()) {
                String actual = d.algorithm().equals(Digest.SHA256) ? shaHex : md5Hex;
                if ((d.size() < 0 || d.size() == received) && d.hex().equals(actual)) return null;
            }
            return "checksum mismatch (got " + String.format("%,d", received) + " bytes, SHA-256 " + FileVerifier.shortHex(shaHex) + ")";
        } finally {
            body.cancel();
        }
    }

    private static final List<ByteBuffer> END = List.of();

    /**
     * A response body read one chunk at a time with a deadline: the HTTP client pushes chunks into
     * a queue, the downloading thread waits for each at most the stall timeout, and cancelling
     * the subscription aborts the transfer.
     */
    private static final class Body implements Flow.Subscriber<List<ByteBuffer>> {
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            queue.add(item);
        }

        @Override
        public void onError(Throwable t) {
            queue.add(t);
        }

        @Override
        public void onComplete() {
            queue.add(END);
        }

        /** The next chunk, {@link #END} at the end, or null when none came within {@code timeout}. */
        @SuppressWarnings("unchecked")
        List<ByteBuffer> next(Duration timeout) throws IOException {
            Object item;
            try {
                item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (item instanceof Throwable t) throw t instanceof IOException io ? io : new IOException(t);
            if (item != null && item != END) subscription.request(1);
            return (List<ByteBuffer>) item;
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) s.cancel();
        }
    }

    /** A failed transfer in words: no exception class names. */
    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException) return "cannot connect" + (message == null ? "" : " (" + message + ")");
        if (e instanceof java.net.http.HttpTimeoutException) return "timed out";
        if (e instanceof java.net.UnknownHostException) return "unknown host" + (message == null ? "" : " " + message);
        if (e instanceof javax.net.ssl.SSLException) return "secure connection failed" + (message == null ? "" : " (" + message + ")");
        if (e instanceof java.io.EOFException) return "the connection closed before the file was complete";
        if (e instanceof java.nio.file.FileSystemException) return FileProblem.describe(e);
        return message == null || message.isBlank() ? "input/output error" : message;
    }

    /** Removes temporary files an interrupted download left behind more than an hour ago. */
    private static void removeStaleParts(Path dir) {
        FileTime cutoff = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, ".*" + PART)) {
            for (Path p : parts) {
                if (Files.getLastModifiedTime(p).compareTo(cutoff) < 0) Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort: stale temporary files are harmless
        }
    }
}
