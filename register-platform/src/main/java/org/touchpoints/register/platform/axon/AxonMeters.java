package org.touchpoints.register.platform.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Axon's message monitors, each component's meters registered once. Replaces the module of Axon's Micrometer
 * auto-configuration (which backs off when this bean exists), whose capacity and latency monitors register their
 * gauge again on every message: Micrometer refuses all but the first («This Gauge has been already registered
 * (commandBus.capacity)», «… (history.latency)»), and the latency gauge kept the last event's latency while a
 * processor was idle.
 * <ul>
 *   <li>Buses keep Axon's names: {@code commandBus.successCounter}, {@code commandBus.allTimer}, … and
 *       {@code commandBus.capacity} (busy handler time per second over the last 10 s).</li>
 *   <li>Event processors are one family labelled by processor: {@code eventProcessor.processedCounter{processor}},
 *       the timers, {@code eventProcessor.capacity{processor}}. Their lag, by processor and segment, is
 *       {@link ProcessorProgress}'s ({@code register_processor_lag_seconds}): 0 when a segment is at the head of the
 *       stream, never the last value of a busy minute.</li>
 * </ul>
 * A component asked for twice under one name (the command bus of Axon Server and its local segment) shares one
 * monitor.
 */
public class AxonMeters extends MetricsConfigurerModule {
    static final String PROCESSORS = "eventProcessor";
    static final Duration CAPACITY_WINDOW = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final Map<String, MessageMonitor<Message<?>>> monitors = new ConcurrentHashMap<>();

    public AxonMeters(MeterRegistry registry) {
        super(new GlobalMetricRegistry(registry));
        this.registry = registry;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> this::monitor);
    }

    /** The monitor of a component: made, and its meters registered, the first time the name is asked for. */
    public MessageMonitor<Message<?>> monitor(Class<?> type, String name) {
        if (EventProcessor.class.isAssignableFrom(type)) {
            return monitors.computeIfAbsent("processor:" + name, key -> processor(name));
        }
        boolean handlers = CommandBus.class.isAssignableFrom(type)
                || QueryBus.class.isAssignableFrom(type)
                || QueryUpdateEmitter.class.isAssignableFrom(type);
        if (handlers || EventBus.class.isAssignableFrom(type)) {
            return monitors.computeIfAbsent("component:" + name, key -> component(name, handlers));
        }
        return NoOpMessageMonitor.instance();
    }

    private MessageMonitor<Message<?>> processor(String name) {
        Tags tags = Tags.of("processor", name);
        return new MultiMessageMonitor<>(
                List.of(new FixedMeters(PROCESSORS, tags, registry), new Capacity(PROCESSORS, tags, registry)));
    }

    private MessageMonitor<Message<?>> component(String name, boolean handlers) {
        if (!handlers) {
            return new FixedMeters(name, Tags.empty(), registry);
        }
        return new MultiMessageMonitor<>(
                List.of(new FixedMeters(name, Tags.empty(), registry), new Capacity(name, Tags.empty(), registry)));
    }

    /**
     * The meters of Axon's {@link MessageTimerMonitor} and {@link MessageCountingMonitor} (same names, tags, percentiles
     * and expiry), registered once: Axon's monitors look each of their nine meters up in the registry on every
     * message (a command is ~10 messages: the command, its events on the bus and in each subscribing processor),
     * JFR at K = 8: ~2 % of the request threads' samples in {@code MeterRegistry.getOrCreateMeter}.
     */
    static final class FixedMeters implements MessageMonitor<Message<?>> {
        private final Timer all;
        private final Timer success;
        private final Timer failure;
        private final Timer ignored;
        private final Counter ingestedCount;
        private final Counter successCount;
        private final Counter failureCount;
        private final Counter processedCount;
        private final Counter ignoredCount;

        FixedMeters(String prefix, Tags tags, MeterRegistry registry) {
            all = timer(prefix, "allTimer", tags, registry);
            success = timer(prefix, "successTimer", tags, registry);
            failure = timer(prefix, "failureTimer", tags, registry);
            ignored = timer(prefix, "ignoredTimer", tags, registry);
            ingestedCount = registry.counter(prefix + ".ingestedCounter", tags);
            successCount = registry.counter(prefix + ".successCounter", tags);
            failureCount = registry.counter(prefix + ".failureCounter", tags);
            processedCount = registry.counter(prefix + ".processedCounter", tags);
            ignoredCount = registry.counter(prefix + ".ignoredCounter", tags);
        }

        /** As {@code MessageTimerMonitor.buildTimer} makes them. */
        private static Timer timer(String prefix, String name, Tags tags, MeterRegistry registry) {
            return Timer.builder(prefix + "." + name)
                    .distributionStatisticExpiry(Duration.ofMinutes(10))
                    .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                    .tags(tags)
                    .register(registry);
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            ingestedCount.increment();
            long start = System.nanoTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    done(start, success, successCount, true);
                }

                @Override
                public void reportFailure(Throwable cause) {
                    done(start, failure, failureCount, true);
                }

                @Override
                public void reportIgnored() {
                    done(start, ignored, ignoredCount, false);
                }
            };
        }

        /** As Axon's monitors record an outcome: both timers, the outcome's counter, processed unless ignored. */
        private void done(long start, Timer outcome, Counter outcomeCount, boolean processed) {
            long took = System.nanoTime() - start;
            all.record(took, TimeUnit.NANOSECONDS);
            outcome.record(took, TimeUnit.NANOSECONDS);
            if (processed) {
                processedCount.increment();
            }
            outcomeCount.increment();
        }
    }

    /**
     * How many handler threads were busy on average over the last {@link #CAPACITY_WINDOW} (Axon's capacity: 1 = one
     * thread busy all the time), a gauge registered once.
     */
    static final class Capacity implements MessageMonitor<Message<?>> {
        private final long window = CAPACITY_WINDOW.toNanos();
        private final Deque<long[]> handled = new ArrayDeque<>();

        Capacity(String prefix, Tags tags, MeterRegistry registry) {
            Gauge.builder(prefix + ".capacity", this, Capacity::value)
                    .tags(tags)
                    .description("Busy handler threads, on average over the last 10 s")
                    .register(registry);
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            long start = System.nanoTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    handled(start, System.nanoTime());
                }

                @Override
                public void reportFailure(Throwable cause) {
                    handled(start, System.nanoTime());
                }

                @Override
                public void reportIgnored() {
                    handled(start, System.nanoTime());
                }
            };
        }

        synchronized void handled(long start, long end) {
            handled.addLast(new long[] {start, end});
            forget(end);
        }

        synchronized double value() {
            long now = System.nanoTime();
            forget(now);
            long busy = 0;
            for (long[] h : handled) {
                busy += Math.min(h[1], now) - Math.max(h[0], now - window);
            }
            return Math.max(0, busy) / (double) window;
        }

        private void forget(long now) {
            while (!handled.isEmpty() && handled.peekFirst()[1] < now - window) {
                handled.removeFirst();
            }
            while (handled.size() > 100_000) {
                handled.removeFirst();
            }
        }
    }
}
