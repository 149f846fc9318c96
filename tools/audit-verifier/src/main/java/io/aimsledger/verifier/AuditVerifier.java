package io.aimsledger.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar aims-audit-verifier.jar verify export.zip --public-key key.pem [--since checkpoint.json]}:
 * checks an AIMS Ledger audit export offline, and that its tree extends the one of a checkpoint kept from before. Exit status 0 when everything holds, 1 when something does not, 2 on bad usage.
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    private static final String USAGE = "usage: java -jar aims-audit-verifier.jar verify <export.zip> "
            + "[--public-key <key.pem>] [--since <checkpoint.json>] [--json]";
    private static final List<String> WITH_A_FILE = List.of("--public-key", "--since");

    public static int run(String[] args, PrintStream out) {
        if (args.length < 2 || !"verify".equals(args[0])) {
            out.println(USAGE);
            return 2;
        }
        Map<String, Path> options = new HashMap<>();
        boolean json = false;
        for (int i = 2; i < args.length; i++) {
            if ("--json".equals(args[i]) && !json) {
                json = true;
            } else if (!WITH_A_FILE.contains(args[i]) || i + 1 == args.length
                    || options.put(args[i], Path.of(args[++i])) != null) {
                out.println(USAGE);
                return 2;
            }
        }
        Path zip = Path.of(args[1]);
        Path key = options.get("--public-key");
        Path since = options.get("--since");
        for (Path file : java.util.Arrays.asList(zip, key, since)) {
            if (file != null && !Files.isRegularFile(file)) {
                out.println("no such file: " + file);
                return 2;
            }
        }
        if (!json) {
            out.println("AIMS Ledger audit export verifier: " + zip);
        }
        var report = new Report(json ? null : out);
        try (var export = new ExportArchive(zip)) {
            new ExportVerification(export, report).run(key, since);
        } catch (IOException | RuntimeException e) {
            report.fails("the export cannot be read: " + e.getMessage());
        }
        if (json) {
            try {
                out.println(ExportArchive.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                        report.asJson(zip.toString())));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            out.println();
            out.println(report.passed() ? "RESULT: VERIFIED. Every entry, the tree, the signatures, the proofs and the "
                    + "state hold." : "RESULT: NOT VERIFIED. First failure: " + report.firstFailure());
        }
        return report.passed() ? 0 : 1;
    }
}
