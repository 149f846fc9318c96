package io.aimsledger.support.problem;

/** One thing wrong with one field of a request; {@code field} is a path such as {@code models[0].name}. */
public record Violation(String field, String message) {
}
