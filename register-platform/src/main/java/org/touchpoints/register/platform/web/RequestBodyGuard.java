package org.touchpoints.register.platform.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slow request bodies cannot take the service's threads. Tomcat hands a request to a worker thread once its headers
 * are in, and that thread then waits for the body; 250 clients dripping a body byte by byte would hold every thread.
 * This valve, in front of the application:
 * <ul>
 *   <li>admits at most {@code maxBodies} requests with a body at a time, and {@code maxBodiesPerAddress} from one
 *       address; others get 503 with {@code Retry-After} at once, their body unread (requests without a body, the
 *       reading of the register, are never held back);</li>
 *   <li>requires a body to arrive at {@code minBytesPerSecond} after a grace of {@code graceMillis}: a slower one is
 *       cut off (the read fails, the connection closes) — together with the connector's read timeout, which bounds
 *       each wait for the next bytes;</li>
 *   <li>reads the rest of a body the application did not read (a refused upload) under the same rate and up to a
 *       limit, so a slow or huge rest closes the connection instead of keeping a thread until a client has sent it
 *       all.</li>
 * </ul>
 */
public class RequestBodyGuard extends ValveBase {
    private static final Logger log = LoggerFactory.getLogger(RequestBodyGuard.class);

    private final int maxBodies;
    private final int maxBodiesPerAddress;
    private final long minBytesPerSecond;
    private final long graceMillis;
    private final long maxDrainBytes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong lastRefusalLogged =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - 20_000_000_000L);
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    public RequestBodyGuard(
            int maxBodies, int maxBodiesPerAddress, long minBytesPerSecond, long graceMillis, long maxDrainBytes) {
        super(true);
        this.maxDrainBytes = maxDrainBytes;
        this.maxBodies = maxBodies;
        this.maxBodiesPerAddress = maxBodiesPerAddress;
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceMillis = graceMillis;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!hasBody(request)) {
            getNext().invoke(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        AtomicInteger fromAddress = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        if (fromAddress.incrementAndGet() > maxBodiesPerAddress | inFlight.incrementAndGet() > maxBodies) {
            try {
                long refusedNow = refused.incrementAndGet();
                long now = System.nanoTime();
                long last = lastRefusalLogged.get();
                if (now - last > 10_000_000_000L && lastRefusalLogged.compareAndSet(last, now)) {
                    log.warn(
                            "Requests with a body refused, too many at once: {} so far; last from address={}",
                            refusedNow,
                            address);
                }
                refuse(request, response);
            } finally {
                release(address, fromAddress);
            }
            return;
        }
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        InputBuffer original = coyote.getInputBuffer();
        coyote.setInputBuffer(new MinimumRate(original, address));
        try {
            getNext().invoke(request, response);
            if (!request.isAsync()) {
                drainUnread(coyote, response);
            }
        } catch (IOException e) {
            closeAfter(coyote, response);
            throw e;
        } finally {
            coyote.setInputBuffer(original);
            release(address, fromAddress);
        }
    }

    /**
     * What the application left of a body (a refused request) is read here, under the minimum rate and up to
     * {@code maxDrainBytes}, rather than by Tomcat afterwards without either: so the client still gets its answer
     * (413, 401…) on an open connection, and a slow or huge rest closes the connection instead of holding a thread.
     */
    private void drainUnread(org.apache.coyote.Request coyote, Response response) {
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        coyote.action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        if (fullyRead.get()) {
            return;
        }
        long length = coyote.getContentLengthLong();
        if (response.isError() || (length > 0 && length - coyote.getBytesRead() > maxDrainBytes)) {
            closeAfter(coyote, response);
            return;
        }
        try {
            response.flushBuffer();
            Discard discard = new Discard();
            long drained = 0;
            for (int n; (n = coyote.doRead(discard)) >= 0; ) {
                drained += n;
                if (drained > maxDrainBytes) {
                    closeAfter(coyote, response);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            closeAfter(coyote, response);
        }
    }

    /**
     * The connection closes after this response, the rest of the body unread. Tomcat takes that for an error; when the
     * application had answered without one, its answer stands (no error page is rendered over it).
     */
    private static void closeAfter(org.apache.coyote.Request coyote, Response response) {
        boolean applicationError = response.isError();
        coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        if (!applicationError) {
            response.setErrorReported();
        }
    }

    private static final class Discard implements ApplicationBufferHandler {
        private ByteBuffer buffer = ByteBuffer.allocate(0);

        @Override
        public void setByteBuffer(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer getByteBuffer() {
            return buffer;
        }

        @Override
        public void expand(int size) {}
    }

    private static boolean hasBody(Request request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private void release(String address, AtomicInteger fromAddress) {
        inFlight.decrementAndGet();
        if (fromAddress.decrementAndGet() <= 0) {
            perAddress.remove(address, fromAddress);
        }
    }

    private static void refuse(Request request, Response response) throws IOException {
        closeAfter(request.getCoyoteRequest(), response);
        response.setStatus(503);
        response.setHeader("Retry-After", "5");
        response.setHeader("Connection", "close");
        SecurityHeaders.apply(response);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(
                        "{\"type\":\"about:blank\",\"title\":\"Сервис временно недоступен\",\"status\":503,"
                                + "\"detail\":\"Слишком много одновременных запросов с данными; повторите через несколько секунд\"}");
        response.finishResponse();
    }

    /**
     * Reads the body through Tomcat's own buffer (so form parameters and multipart parts are covered too), failing
     * once the time spent waiting for the client exceeds the grace plus what the bytes received so far allow.
     */
    private final class MinimumRate implements InputBuffer {
        private final InputBuffer delegate;
        private final String address;
        private long read;
        private long waitedNanos;

        MinimumRate(InputBuffer delegate, String address) {
            this.delegate = delegate;
            this.address = address;
        }

        @Override
        public int doRead(ApplicationBufferHandler handler) throws IOException {
            long before = System.nanoTime();
            int n = delegate.doRead(handler);
            waitedNanos += System.nanoTime() - before;
            if (n > 0) {
                read += n;
            }
            long waitedMillis = waitedNanos / 1_000_000;
            if (waitedMillis > graceMillis + read * 1000 / Math.max(1, minBytesPerSecond)) {
                log.warn(
                        "Request body too slow, cut off: address={} bytes={} after {} ms", address, read, waitedMillis);
                throw new IOException("Request body slower than " + minBytesPerSecond + " bytes/s");
            }
            return n;
        }

        @Override
        public int available() {
            return delegate.available();
        }
    }
}
