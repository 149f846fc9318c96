package io.aimsledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;

/** What the harness is asked to do: {@code --name value} pairs, every one with a default. */
record BenchOptions(Path repository, int concurrency, Duration measure, Duration warmUp, int rate, Duration endToEnd,
                    int events, int entities, Duration ingestTimeout, int samples, Path results) {

    static final String USAGE = """
            usage: bench/run [--concurrency 16] [--seconds 20] [--rate 200] [--e2e-seconds 30]
                             [--events 1000000] [--entities 100000] [--ingest-timeout-minutes 60]
                             [--samples 2000] [--results bench/results]
            """;

    static BenchOptions parse(Path repository, List<String> args) {
        int concurrency = 16;
        int seconds = 20;
        int rate = 200;
        int e2eSeconds = 30;
        int events = 1_000_000;
        int entities = -1;
        int ingestMinutes = 60;
        int samples = 2000;
        Path results = repository.resolve("bench/results");
        for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
            String name = it.next();
            if (!it.hasNext()) {
                throw new IllegalArgumentException("no value after " + name + "\n" + USAGE);
            }
            String value = it.next();
            switch (name) {
                case "--concurrency" -> concurrency = positive(name, value);
                case "--seconds" -> seconds = positive(name, value);
                case "--rate" -> rate = positive(name, value);
                case "--e2e-seconds" -> e2eSeconds = positive(name, value);
                case "--events" -> events = positive(name, value);
                case "--entities" -> entities = positive(name, value);
                case "--ingest-timeout-minutes" -> ingestMinutes = positive(name, value);
                case "--samples" -> samples = positive(name, value);
                case "--results" -> results = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (entities < 0) {
            entities = Math.max(1, events / 10);
        }
        if (entities > events) {
            throw new IllegalArgumentException("--entities must not exceed --events: each entity is registered once");
        }
        return new BenchOptions(repository, concurrency, Duration.ofSeconds(seconds), Duration.ofSeconds(5), rate,
                Duration.ofSeconds(e2eSeconds), events, entities, Duration.ofMinutes(ingestMinutes), samples, results);
    }

    private static int positive(String name, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " needs a positive whole number, not " + value);
    }
}
