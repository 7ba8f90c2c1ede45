package org.touchpoints.register.query.rebuild;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The rebuild's processors read the same event stream, each through its own stream: with this each event's payload,
 * metadata and timestamp are deserialized once, by the stream that reads it first, and the other stream takes them
 * from here (the entry is then forgotten). What one stream read and the other has not yet is kept for the last
 * {@code capacity} events; an event further behind is deserialized again. It is done in the stream's reader (the
 * processor's coordinator), ahead of the worker that runs the handlers. An event that cannot be deserialized is passed
 * on as it came: its handler fails as before.
 */
final class SharedDeserialization {
    private record Shared(Message<?> message, Instant timestamp) {}

    private final int capacity;
    private final Map<String, Shared> pending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong deserialized = new AtomicLong();
    private final AtomicLong shared = new AtomicLong();

    SharedDeserialization(int capacity) {
        this.capacity = capacity;
    }

    /** Events deserialized, and of those taken by a second stream without deserializing again. */
    String figures() {
        return deserialized.get() + " deserialized, " + shared.get() + " of them shared";
    }

    StreamableMessageSource<TrackedEventMessage<?>> source(StreamableMessageSource<TrackedEventMessage<?>> events) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                return new Stream(events.openStream(token));
            }

            @Override
            public TrackingToken createTailToken() {
                return events.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return events.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(Instant dateTime) {
                return events.createTokenAt(dateTime);
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    TrackedEventMessage<?> once(TrackedEventMessage<?> event) {
        String id = event.getIdentifier();
        Shared known = pending.remove(id);
        if (known != null) {
            shared.incrementAndGet();
        } else {
            try {
                known = new Shared(
                        new GenericMessage(id, event.getPayloadType(), event.getPayload(), event.getMetaData()),
                        event.getTimestamp());
            } catch (RuntimeException e) {
                return event; // its handler meets the same failure, and the rebuild deals with it as before
            }
            deserialized.incrementAndGet();
            pending.put(id, known);
            order.add(id);
            if (queued.incrementAndGet() > capacity) {
                String oldest = order.poll();
                queued.decrementAndGet();
                if (oldest != null) {
                    pending.remove(oldest);
                }
            }
        }
        Instant at = known.timestamp();
        if (event instanceof DomainEventMessage<?> domain) {
            return new GenericTrackedDomainEventMessage(
                    event.trackingToken(),
                    domain.getType(),
                    domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(),
                    known.message(),
                    () -> at);
        }
        return new GenericTrackedEventMessage(event.trackingToken(), known.message(), () -> at);
    }

    /** A stream whose messages come deserialized (once for both streams). */
    private final class Stream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private TrackedEventMessage<?> peeked;
        private TrackedEventMessage<?> peekedAs;

        Stream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            Optional<TrackedEventMessage<?>> next = delegate.peek();
            if (next.isEmpty()) {
                return next;
            }
            if (next.get() != peeked) {
                peeked = next.get();
                peekedAs = once(peeked);
            }
            return Optional.of(peekedAs);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = delegate.nextAvailable();
            if (next == peeked) {
                peeked = null;
                return peekedAs;
            }
            return once(next);
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> message) {
            delegate.skipMessagesWithPayloadTypeOf(message);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return delegate.setOnAvailableCallback(callback);
        }
    }
}
