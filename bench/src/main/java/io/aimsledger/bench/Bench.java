package io.aimsledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The performance harness: starts the platform with durable servers, measures the ceilings of its own
 * PostgreSQL and Kafka and the platform against them in the same run, prints a Markdown table and writes
 * JSON under {@code bench/results/}. Goals are reported as pass or short, never asserted.
 */
public final class Bench {

    private static final int START_UP_PORT = 28095;

    private final BenchOptions options;
    private final ResultReport report = new ResultReport();
    private double commandCeiling = Double.NaN;

    private Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("aims.repository", ".")).toAbsolutePath().normalize();
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(repository, Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new Bench(options).run();
    }

    private interface Stage {
        void run() throws Exception;
    }

    private void run() throws Exception {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        say("Starting the platform (durable PostgreSQL, Kafka, Keycloak, the services) ...");
        Map<String, Object> machine;
        try (LaunchedPlatform platform = LaunchedPlatform.start(options.repository(), Duration.ofMinutes(10))) {
            machine = MachineFacts.collect(platform, options);
            double[] ceiling = {Double.NaN};
            stage("1 PostgreSQL ceiling", () -> ceiling[0] = postgresCeiling(platform));
            stage("2 inventory commands", () -> inventoryCommands(platform, ceiling[0]));
            stage("2 risk commands", () -> riskCommands(platform));
            stage("2 control commands", () -> controlCommands(platform));
            stage("3 end to end", () -> endToEnd(platform));
            stage("4-6 audit at scale", () -> auditAtScale(platform));
            stage("7 services", () -> footprints(platform));
        }
        System.out.println();
        System.out.println(report.markdown());
        Path written = report.write(options.results(), machine, startedAt);
        say("Written " + written);
    }

    private void stage(String name, Stage stage) {
        say("Stage " + name + " ...");
        try {
            stage.run();
        } catch (Exception e) {
            e.printStackTrace();
            report.add(new Result(name, "the stage failed", Double.NaN, "", Double.NaN, "", false, e.toString()));
        }
    }

    private double postgresCeiling(LaunchedPlatform platform) throws Exception {
        Load.Outcome ceiling = PostgresCeiling.measure(platform, options);
        report.add(Result.of("1", "PostgreSQL ceiling: single-row INSERT transactions, C=" + options.concurrency(),
                ceiling.perSecond(), "tx/s").note(latencyNote(ceiling.latencies()) + failures(ceiling)));
        Load.Outcome notifying = PostgresCeiling.measureWithNotify(platform, options);
        report.add(Result.of("1", "the same with the NOTIFY-at-commit trigger the event store had until V0_2 (for comparison)",
                notifying.perSecond(), "tx/s").ratio(ceiling.perSecond())
                .note(latencyNote(notifying.latencies()) + failures(notifying)));
        Load.Outcome commandShaped = CommandCeiling.measure(platform, options);
        commandCeiling = commandShaped.perSecond();
        report.add(Result.of("1", "command-shaped ceiling: a registration's statements as raw SQL in one transaction "
                        + "(key lookup, read stream, append, upsert read model, remember answer), C=" + options.concurrency(),
                commandShaped.perSecond(), "tx/s").ratio(ceiling.perSecond())
                .note(latencyNote(commandShaped.latencies()) + failures(commandShaped)));
        return ceiling.perSecond();
    }

    private void inventoryCommands(LaunchedPlatform platform, double ceiling) throws Exception {
        long pid = ServiceFootprint.processOf("inventory-service").orElseThrow().pid();
        Profiles.start(pid, "commands");
        Load.Outcome commands;
        try (var waits = new WaitSampler(platform, "inventory")) {
            commands = InventoryCommands.measure(platform, options);
            report.put("commandsDatabaseSessions", waits.averageSessions());
        }
        Path recording = options.repository().resolve("bench/target/inventory-commands.jfr");
        Profiles.stop(pid, "commands", recording);
        report.put("commandsProfile", Profiles.hotMethods(recording, 30));
        say("  inventory's database sessions, on average: " + report.get("commandsDatabaseSessions"));
        report.add(Result.of("2", "inventory registrations over HTTP (with Idempotency-Key), C=" + options.concurrency()
                        + ", to the single-INSERT ceiling", commands.perSecond(),
                "commands/s").ratio(ceiling).ratioAtLeast(0.15, ">= 0.15 of (1)").note(failures(commands)));
        report.add(Result.of("2", "the same, to the command-shaped ceiling", commands.perSecond(), "commands/s")
                .ratio(commandCeiling).ratioAtLeast(0.5, ">= 0.50 of (1, command-shaped)"));
        percentiles("2", "registration latency", commands.latencies(), 50, "p99 <= 50 ms");
    }

    private void riskCommands(LaunchedPlatform platform) throws Exception {
        Load.Outcome operations = RiskCommands.measure(platform, options);
        double commands = 2 * operations.perSecond();
        report.add(Result.of("2", "risk-service: risks identified and assessed over HTTP (two commands each), C="
                        + options.concurrency() + ", to the command-shaped ceiling", commands, "commands/s")
                .ratio(commandCeiling).ratioAtLeast(0.5, ">= 0.50 of (1, command-shaped)").note(failures(operations)));
        percentiles("2", "risk identified and assessed (two requests)", operations.latencies(), 100, "p99 <= 100 ms");
    }

    private void controlCommands(LaunchedPlatform platform) throws Exception {
        Load.Outcome operations = ControlCommands.measure(platform, options);
        report.add(Result.of("2", "controls-service: custom controls catalogued, decided applicable and implemented "
                        + "over HTTP (three commands each), C=" + options.concurrency() + ", to the command-shaped ceiling",
                3 * operations.perSecond(), "commands/s").ratio(commandCeiling)
                .ratioAtLeast(0.5, ">= 0.50 of (1, command-shaped)").note(failures(operations)));
        Latencies soa = ControlCommands.auditSoa(platform, 50);
        report.add(Result.of("2", "the audit's Statement of Applicability of 38 Annex A and >= "
                + ControlCommands.AT_LEAST + " custom controls as of an instant, p99", soa.millis(99), "ms")
                .note(soa.count() + " samples, p50 " + String.format(Locale.ROOT, "%.1f", soa.millis(50)) + " ms"));
    }

    private void endToEnd(LaunchedPlatform platform) throws Exception {
        Duration backlog = EndToEndLatency.awaitAuditCaughtUp(platform);
        say(String.format(Locale.ROOT, "  the audit projection caught up with the earlier stages in %.1f s",
                backlog.toMillis() / 1000.0));
        Instant stageStarted = Instant.now();
        EndToEndLatency.Outcome e2e = EndToEndLatency.measure(platform, options);
        Latencies relayLag = RelayLag.measure(platform, stageStarted, Instant.now());
        String note = String.format(Locale.ROOT, "%d commands at %.0f/s; %d failed, %d not seen within 60 s after the "
                        + "last, %d not confirmed by the as-of answer; trail tailed every %d ms", e2e.sent(),
                e2e.achievedRate(), e2e.failed(), e2e.notSeen(), e2e.notConfirmed(), EndToEndLatency.POLL_MILLIS);
        report.add(Result.of("3", "response -> visible in the audit's as-of answer, p50", e2e.latencies().millis(50), "ms")
                .note(note));
        report.add(Result.of("3", "response -> visible, p95", e2e.latencies().millis(95), "ms"));
        report.add(Result.of("3", "response -> visible, p99", e2e.latencies().millis(99), "ms").atMost(250, "p99 <= 250 ms"));
        report.add(Result.of("3", "outbox relay lag (row written -> sent to Kafka), p50", relayLag.millis(50), "ms")
                .note(relayLag.count() + " events"));
        report.add(Result.of("3", "outbox relay lag, p99", relayLag.millis(99), "ms").atMost(50, "p99 <= 50 ms"));
    }

    private void auditAtScale(LaunchedPlatform platform) throws Exception {
        int entities = options.entities();
        int steps = options.events() / entities;
        Events events = new Events(entities);
        say("Pre-loading " + (long) entities * steps + " inventory events (" + entities + " AI systems x " + steps
                + ") on " + IngestTopic.TOPIC + " ...");
        long loaded = IngestTopic.preload(platform.kafka(), events, entities, steps);
        double raw = IngestTopic.rawConsumerRate(platform.kafka(), loaded);
        report.add(Result.of("4", "Kafka ceiling: raw consumer of the same topic", raw, "events/s"));
        double writes = AuditWriteCeiling.measure(platform, options);
        report.add(Result.of("4", "audit write ceiling: the rows the projection writes per changing event (log row, tree "
                + "nodes and leaf, version closed, two versions inserted), raw SQL in batches of " + AuditWriteCeiling.BATCH, writes, "events/s"));

        Path work = options.repository().resolve("bench/target/audit-bench");
        try (var audit = BenchAuditProjection.start(platform, work)) {
            audit.awaitReady(Duration.ofMinutes(2));
            long cpuBefore = cpuNanos(audit.pid());
            long started = System.nanoTime();
            long logged;
            try (var waits = new WaitSampler(platform, BenchAuditProjection.DATABASE)) {
                logged = awaitIngest(audit, loaded);
                report.put("ingestDatabaseSessions", waits.averageSessions());
            }
            say("  the audit database's sessions, on average: " + report.get("ingestDatabaseSessions"));
            double wall = (System.nanoTime() - started) / 1e9;
            double cores = (cpuNanos(audit.pid()) - cpuBefore) / 1e9 / wall;
            Path recording = work.resolve("ingest.jfr");
            audit.dumpRecording(recording);
            report.put("ingestProfile", Profiles.hotMethods(recording, 30));
            report.add(Result.of("4", "audit ingest: log + leaf hash + Merkle tree + history, " + logged + " events",
                    audit.ingestRate(), "events/s").ratio(writes)
                    .ratioAndValueAtLeast(0.5, 20_000, ">= 0.50 of the write ceiling and >= 20,000 events/s")
                    .note(String.format(Locale.ROOT, "the projection's JVM used %.2f cores%s", cores,
                            logged < loaded ? "; stopped at the time limit: " + logged + " of " + loaded : "")));

            String carol = Http.token(platform.tokenEndpoint(), "carol");
            var queries = new AuditQueries(audit, carol);
            int knownEntities = (int) Math.min(entities, Math.max(1, logged / steps));
            var one = queries.oneEntityAsOf(events, knownEntities, Math.max(1, (int) Math.min(steps, logged / entities)),
                    options.samples());
            percentiles("5", "one AI system as of an instant (" + logged + " events)", one.latencies(), 5,
                    "p99 <= 5 ms");
            var state = queries.wholeState(events, entities, steps, 3);
            report.add(Result.of("5", "whole state as of the end (" + knownEntities + " AI systems), median of 3",
                    state.latencies().millis(50), "ms").atMost(1000, "<= 1 s")
                    .note(state.failed() > 0 ? state.failed() + " of 4 answers were not 200" : ""));

            var proofs = queries.inclusionProofs(audit.eventIds(1000), options.samples());
            percentiles("6", "inclusion proof at " + logged + " leaves", proofs.latencies(), 5, "p99 <= 5 ms");
            double[] verify = queries.verify();
            report.add(Result.of("6", "full verification of " + (long) verify[1] + " entries", verify[1] / verify[0],
                    "entries/s").atLeast(200_000, ">= 200,000 entries/s")
                    .note(String.format(Locale.ROOT, "%.1f s", verify[0])));
            report.add(Result.of("7", "harness's audit projection after ingest: resident memory",
                    ServiceFootprint.residentMegabytes(audit.pid()), "MB"));
        }
    }

    private long awaitIngest(BenchAuditProjection audit, long expected) throws Exception {
        long deadline = System.nanoTime() + options.ingestTimeout().toNanos();
        long logged = 0;
        long lastReport = System.nanoTime();
        long lastLogged = 0;
        while (logged < expected && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            logged = audit.logged();
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                say(String.format(Locale.ROOT, "  logged %,d of %,d (%.0f/s lately)", logged, expected,
                        (logged - lastLogged) / ((System.nanoTime() - lastReport) / 1e9)));
                lastReport = System.nanoTime();
                lastLogged = logged;
            }
        }
        return logged;
    }

    /**
     * Resident memory of each of the platform's services after the run; start-up as the time from
     * process start to ready of one more instance started alone, with the platform idle.
     */
    private void footprints(LaunchedPlatform platform) throws Exception {
        for (String service : LaunchedPlatform.SERVICES) {
            boolean audit = service.equals("audit-projection");
            Map<String, String> env = audit ? Map.of("AIMS_AUDIT_CONSUMER_GROUP", "bench-start-up",
                    "AIMS_AUDIT_SIGNING_KEY_FILE", platform.data().resolve("keys/audit-signing-key.pem").toString())
                    : Map.of();
            try (var alone = ServiceInstance.start(platform, service, service.replace("-service", "").replace(
                    "-projection", ""), audit ? "aims_audit_app" : "aims_" + service.replace("-service", "") + "_app", START_UP_PORT, env, List.of(),
                    options.repository().resolve("bench/target/start-up"))) {
                Duration ready = alone.awaitReady(Duration.ofMinutes(2));
                report.add(Result.of("7", service + ": start-up to ready, alone", ready.toMillis() / 1000.0, "s")
                        .atMost(3, "<= 3 s"));
            }
            var process = ServiceFootprint.processOf(service);
            double resident = process.isEmpty() ? Double.NaN : ServiceFootprint.residentMegabytes(process.get().pid());
            report.add(Result.of("7", service + ": resident memory after the run", resident, "MB")
                    .atMost(250, "<= 250 MB").note(process.isEmpty() ? "not running" : ""));
        }
    }

    private void percentiles(String stage, String what, Latencies latencies, double p99Goal, String goal) {
        report.add(Result.of(stage, what + ", p50", latencies.millis(50), "ms").note(latencies.count() + " samples"));
        if (stage.equals("2")) {
            report.add(Result.of(stage, what + ", p95", latencies.millis(95), "ms"));
        }
        Result p99 = Result.of(stage, what + ", p99", latencies.millis(99), "ms");
        report.add(Double.isNaN(p99Goal) ? p99 : p99.atMost(p99Goal, goal));
    }

    private static String latencyNote(Latencies latencies) {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms", latencies.millis(50), latencies.millis(99));
    }

    private static String failures(Load.Outcome outcome) {
        return outcome.failed() == 0 ? "" : "; " + outcome.failed() + " failed, first: " + outcome.firstError();
    }

    private static long cpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
