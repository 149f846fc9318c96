package io.aimsledger.support.problem;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Describes why a body could not be read as JSON of the expected shape. The messages never echo
 * the input: a hostile body must not come back in the response or the logs.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static Problem describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return Problem.invalid(ProblemCodes.MALFORMED_BODY, "The request body has a field that cannot be read.",
                    List.of(new Violation(field, message(mapping))));
        }
        if (e instanceof MismatchedInputException) {
            return Problem.invalid(ProblemCodes.MALFORMED_BODY, "The request body does not have the expected shape.",
                    List.of(new Violation("", "must be a JSON object of the documented shape")));
        }
        var location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return Problem.invalid(ProblemCodes.MALFORMED_BODY, "The request body is not valid JSON" + where + ".", List.of());
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        if (e instanceof ValueInstantiationException) {
            return "has an invalid value";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return "has an invalid value";
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a value of type " + type.getSimpleName();
    }

    private static String path(JsonMappingException e) {
        var out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
