package io.aimsledger.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar aims-audit-verifier.jar verify export.zip --public-key key.pem}: checks an AIMS Ledger
 * audit export offline. Exit status 0 when everything holds, 1 when something does not, 2 on bad usage.
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length < 2 || !"verify".equals(args[0]) || (args.length != 2 && args.length != 4)
                || (args.length == 4 && !"--public-key".equals(args[2]))) {
            out.println("usage: java -jar aims-audit-verifier.jar verify <export.zip> [--public-key <key.pem>]");
            return 2;
        }
        Path zip = Path.of(args[1]);
        Path key = args.length == 4 ? Path.of(args[3]) : null;
        if (!Files.isRegularFile(zip) || (key != null && !Files.isRegularFile(key))) {
            out.println("no such file: " + (Files.isRegularFile(zip) ? key : zip));
            return 2;
        }
        out.println("AIMS Ledger audit export verifier: " + zip);
        var report = new Report(out);
        try (var export = new ExportArchive(zip)) {
            new ExportVerification(export, report).run(key);
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
