package io.aimsledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The last system test class: stopping the shared platform leaves nothing behind, and its export verifies offline. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE)
class PlatformStopIT {

    private static Process launcher;

    @BeforeAll
    static void theLauncher() throws Exception {
        launcher = LaunchedPlatform.launcher();
    }

    @Test
    @Order(1)
    void stoppingTheLauncherLeavesNoProcessBehind() throws Exception {
        Set<ProcessHandle> started = new HashSet<>(launcher.descendants().toList());
        started.addAll(processesUsing(LaunchedPlatform.DATA));
        assertThat(started).as("the servers and services the launcher started").hasSizeGreaterThanOrEqualTo(8);

        launcher.destroy(); // SIGTERM, as Ctrl-C would
        assertThat(launcher.waitFor(2, TimeUnit.MINUTES)).as("the launcher stops").isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(started.stream().filter(ProcessHandle::isAlive).map(PlatformStopIT::describe).toList())
                .as("processes still running after the launcher stopped").isEmpty();
        assertThat(processesUsing(LaunchedPlatform.DATA)).as("processes still using " + LaunchedPlatform.DATA).isEmpty();
        assertThat(LaunchedPlatform.output()).contains("Stopped.");
    }

    @Test
    @Order(2)
    void theExportVerifiesOfflineWithNoServerRunning() throws Exception {
        assertThat(launcher.isAlive()).isFalse();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process verifier = new ProcessBuilder(java, "-jar", System.getProperty("aims.verifier.jar"), "verify",
                LaunchedPlatform.auditorFolder().resolve("export.zip").toString(),
                "--public-key", LaunchedPlatform.auditorFolder().resolve("key.pem").toString(),
                "--since", LaunchedPlatform.auditorFolder().resolve("kept-checkpoint.json").toString())
                .redirectErrorStream(true).start();
        String report = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verifier.waitFor(2, TimeUnit.MINUTES)).isTrue();
        System.out.println(report);
        assertThat(verifier.exitValue()).as(report).isZero();
        assertThat(report).contains("RESULT: VERIFIED.").contains("extends it (consistency proof)").containsPattern("state.json is what the entries imply .*: [1-9]"
                + "[0-9]* entities derived again with the published folds, equal field by field");
    }

    private static List<ProcessHandle> processesUsing(Path folder) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(folder.toString())).orElse(false))
                .toList();
    }

    private static String describe(ProcessHandle p) {
        return p.pid() + " " + p.info().commandLine().orElse("?");
    }

}
