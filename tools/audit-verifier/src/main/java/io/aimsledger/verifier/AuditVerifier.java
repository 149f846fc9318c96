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

    private static final String USAGE =
            "usage: java -jar aims-audit-verifier.jar verify <export.zip> [--public-key <key.pem>] [--since <checkpoint.json>]";

    public static int run(String[] args, PrintStream out) {
        if (args.length < 2 || args.length % 2 != 0 || !"verify".equals(args[0])) {
            out.println(USAGE);
            return 2;
        }
        Map<String, Path> options = new HashMap<>();
        for (int i = 2; i < args.length; i += 2) {
            if (!List.of("--public-key", "--since").contains(args[i]) || options.put(args[i], Path.of(args[i + 1])) != null) {
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
        out.println("AIMS Ledger audit export verifier: " + zip);
        var report = new Report(out);
        try (var export = new ExportArchive(zip)) {
            new ExportVerification(export, report).run(key, since);
        } catch (IOException | RuntimeException e) {
            report.fails("the export cannot be read: " + e.getMessage());
        }
        out.println();
        if (report.passed()) {
            out.println("RESULT: VERIFIED. Every entry, the tree, the signatures and the proofs hold.");
            return 0;
        }
        out.println("RESULT: NOT VERIFIED. First failure: " + report.firstFailure());
        return 1;
    }
}
