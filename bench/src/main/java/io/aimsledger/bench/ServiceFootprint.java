package io.aimsledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stage 7: the process of a service, and its resident memory now, from /proc. */
final class ServiceFootprint {

    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private ServiceFootprint() {
    }

    /** The process running {@code module}'s application jar, among this machine's processes. */
    static Optional<ProcessHandle> processOf(String module) {
        String jar = module + "/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar) && !c.contains("StartFlightRecording"))
                        .orElse(false))
                .findFirst();
    }

    static double residentMegabytes(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        Matcher rss = RSS.matcher(Files.readString(status));
        return rss.find() ? Long.parseLong(rss.group(1)) / 1024.0 : Double.NaN;
    }
}
