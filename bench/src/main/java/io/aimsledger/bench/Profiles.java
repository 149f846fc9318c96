package io.aimsledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Flight recordings of a running JVM, by the JDK's {@code jcmd}, read with its {@code jfr} tool. */
final class Profiles {

    private Profiles() {
    }

    static void start(long pid, String name) throws IOException, InterruptedException {
        tool("jcmd", Long.toString(pid), "JFR.start", "name=" + name, "settings=profile");
    }

    /** Ends recording {@code name} of process {@code pid} and writes it to {@code file}. */
    static void stop(long pid, String name, Path file) throws IOException, InterruptedException {
        tool("jcmd", Long.toString(pid), "JFR.stop", "name=" + name, "filename=" + file);
    }

    /** The {@code lines} first lines of {@code jfr view hot-methods}: where the CPU went. */
    static List<String> hotMethods(Path recording, int lines) throws IOException, InterruptedException {
        return tool("jfr", "view", "--width", "160", "hot-methods", recording.toString()).lines().limit(lines).toList();
    }

    private static String tool(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", name).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
