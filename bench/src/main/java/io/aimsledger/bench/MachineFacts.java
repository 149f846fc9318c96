package io.aimsledger.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.utils.AppInfoParser;

/** What a result depends on besides the code: the machine, the JDK and the servers' versions. */
final class MachineFacts {

    private MachineFacts() {
    }

    static Map<String, Object> collect(LaunchedPlatform platform, BenchOptions options) throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cores", Runtime.getRuntime().availableProcessors());
        facts.put("memoryMegabytes", memTotalMegabytes());
        facts.put("cpu", cpuModel());
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        Properties build = new Properties();
        try (InputStream in = MachineFacts.class.getResourceAsStream("/bench.properties")) {
            build.load(in);
        }
        facts.put("quarkus", build.getProperty("quarkus"));
        facts.put("keycloak", build.getProperty("keycloak"));
        facts.put("kafka", AppInfoParser.getVersion());
        try (var c = platform.connect("postgres"); var s = c.createStatement();
             var rows = s.executeQuery("select version(), current_setting('fsync'), current_setting('synchronous_commit'), "
                     + "current_setting('full_page_writes')")) {
            rows.next();
            facts.put("postgres", rows.getString(1));
            facts.put("postgresDurability", "fsync=" + rows.getString(2) + ", synchronous_commit=" + rows.getString(3)
                    + ", full_page_writes=" + rows.getString(4));
        }
        facts.put("commit", System.getenv().getOrDefault("AIMS_BENCH_COMMIT", "unknown"));
        facts.put("options", Map.of("concurrency", options.concurrency(), "measureSeconds", options.measure().toSeconds(),
                "rate", options.rate(), "endToEndSeconds", options.endToEnd().toSeconds(), "events", options.events(),
                "entities", options.entities(), "samples", options.samples()));
        return facts;
    }

    private static long memTotalMegabytes() throws IOException {
        Matcher m = Pattern.compile("MemTotal:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/meminfo")));
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    private static String cpuModel() throws IOException {
        Matcher m = Pattern.compile("model name\\s*:\\s*(.+)").matcher(Files.readString(Path.of("/proc/cpuinfo")));
        return m.find() ? m.group(1).trim() : "unknown";
    }
}
