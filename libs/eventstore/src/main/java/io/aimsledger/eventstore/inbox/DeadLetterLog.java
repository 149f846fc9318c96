package io.aimsledger.eventstore.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What this service's consumers set aside: counted per consumer and code, as the metric
 * {@code aims.consumer.dead.letters} and for the readiness check ({@link DeadLetterCheck}).
 */
@ApplicationScoped
public class DeadLetterLog {

    public static final String METRIC = "aims.consumer.dead.letters";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> byConsumer = new ConcurrentHashMap<>();
    private volatile Instant last;

    public DeadLetterLog(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String consumer, String code) {
        registry.counter(METRIC, "consumer", consumer, "code", code).increment();
        byConsumer.computeIfAbsent(consumer, k -> new AtomicLong()).incrementAndGet();
        last = Instant.now();
    }

    /** Records set aside since start, per consumer. */
    public Map<String, Long> byConsumer() {
        Map<String, Long> counts = new TreeMap<>();
        byConsumer.forEach((consumer, count) -> counts.put(consumer, count.get()));
        return counts;
    }

    public Optional<Instant> last() {
        return Optional.ofNullable(last);
    }
}
