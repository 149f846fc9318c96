package io.aimsledger.localservers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server started as a child process that cannot outlive us: it runs under a small shell
 * watchdog that ends it (and its own children) when this JVM goes away, even by {@code kill -9}.
 */
public final class ChildProcess {

    // Ends the command's process tree once the parent JVM is gone; exits with the command's status.
    private static final String WATCHDOG = """
            parent=$1; shift
            "$@" &
            child=$!
            while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
            if kill -0 "$child" 2>/dev/null; then
              pkill -TERM -P "$child" 2>/dev/null; kill -TERM "$child" 2>/dev/null
              sleep 10
              pkill -KILL -P "$child" 2>/dev/null; kill -KILL "$child" 2>/dev/null
            fi
            wait "$child"
            """;

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDirectory, Path log) throws IOException {
        List<String> wrapped = new ArrayList<>(List.of("bash", "-c", WATCHDOG, "watchdog",
                Long.toString(ProcessHandle.current().pid())));
        wrapped.addAll(command);
        var builder = new ProcessBuilder(wrapped)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), log);
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status, once the process has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    /** Asks the whole tree to stop, deepest first, and kills what is still there after the grace period. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.sort((a, b) -> Long.compare(b.pid(), a.pid()));
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
