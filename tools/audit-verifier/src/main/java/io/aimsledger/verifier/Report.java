package io.aimsledger.verifier;

import java.io.PrintStream;

/** What the verifier found, line by line, in words an auditor can put in a working paper. */
final class Report {

    private final PrintStream out;
    private String firstFailure;

    Report(PrintStream out) {
        this.out = out;
    }

    void holds(String what) {
        out.println("OK    " + what);
    }

    void fails(String what) {
        out.println("FAIL  " + what);
        if (firstFailure == null) {
            firstFailure = what;
        }
    }

    void note(String what) {
        out.println("NOTE  " + what);
    }

    void check(boolean holds, String ifHolds, String ifNot) {
        if (holds) {
            holds(ifHolds);
        } else {
            fails(ifNot);
        }
    }

    boolean passed() {
        return firstFailure == null;
    }

    String firstFailure() {
        return firstFailure;
    }
}
