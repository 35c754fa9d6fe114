package org.initlab.serve;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-Sent Events (the {@code text/event-stream} of the HTML standard) to the pages open on
 * the live view. A connection gets the study's snapshot first, then each change as the folder
 * shows it:
 * <pre>
 * event: snapshot   the summary and every run's state (first, and again when the grid changed)
 * event: run        one run's new state (status, epoch, latest numbers)
 * event: study      the summary: runs by status, ETA, the report
 * </pre>
 * and a comment every {@value #KEEP_ALIVE_SECONDS} s, which keeps the connection open and finds
 * closed ones. Each connection has its own queue and writer (a virtual thread), so a slow page
 * delays only itself; one that falls {@value #QUEUE} events behind is closed, and its
 * EventSource reconnects and gets a new snapshot.
 */
final class EventStream implements AutoCloseable {
    static final int MAX_CONNECTIONS = 32, QUEUE = 512;
    static final long KEEP_ALIVE_SECONDS = 15, WRITE_TIMEOUT_SECONDS = 10;
    private static final String END = new String("end"); // compared by identity

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean closed;

    /** Starts the stream on this response, the snapshot first; false when too many are open (the caller refuses it). */
    boolean open(Response response, Callback callback, String snapshotJson) {
        if (closed || open.size() >= MAX_CONNECTIONS) return false;
        Connection c = new Connection(response, callback);
        c.queue.add("retry: 2000\n" + frame("snapshot", snapshotJson));
        open.add(c);
        Thread.ofVirtual().name("initlab-events").start(c::run);
        return true;
    }

    /** Sends an event to every open connection. */
    void publish(String event, String json) {
        String f = frame(event, json);
        for (Connection c : open) {
            if (!c.queue.offer(f)) c.end();
        }
    }

    int connections() { return open.size(); }

    private String frame(String event, String json) {
        // JSON as Jackson writes it holds no line break (those in strings are escaped): one data line
        return "id: " + ids.incrementAndGet() + "\nevent: " + event + "\ndata: " + json + "\n\n";
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c : open) c.end();
    }

    private final class Connection {
        final Response response;
        final Callback callback;
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>(QUEUE);

        Connection(Response response, Callback callback) {
            this.response = response;
            this.callback = callback;
        }

        void end() {
            queue.clear();
            queue.offer(END);
        }

        void run() {
            try {
                while (true) {
                    String f = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                    if (f == END) break;
                    write(f == null ? ": keep-alive\n\n" : f);
                }
                callback.succeeded();
            } catch (Throwable t) {
                // the page went away, or stopped reading
                callback.failed(t);
            } finally {
                open.remove(this);
            }
        }

        private void write(String s) throws Exception {
            FutureCallback done = new FutureCallback();
            response.write(false, ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)), done);
            done.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
