package io.aimsledger.evidence.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.support.json.JsonBodies;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.problem.JsonProblems;
import io.aimsledger.support.problem.Violation;

/**
 * The {@code metadata} part of an upload, read as strictly as a JSON body: the same byte checks
 * ({@link JsonBodies}), the same mapper, the same validation, and the same problems.
 */
@ApplicationScoped
public class UploadMetadata {

    private final ObjectMapper json;
    private final Validator validator;

    public UploadMetadata(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public SubmitEvidenceRequest read(String part, boolean withFile) {
        List<Violation> missing = new ArrayList<>();
        if (part == null) {
            missing.add(new Violation("metadata", "is required: a JSON part with the evidence's fields"));
        }
        if (!withFile) {
            missing.add(new Violation("file", "is required in an upload (evidence held elsewhere is submitted as JSON)"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequest(missing);
        }
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        JsonBodies.check(bytes);
        SubmitEvidenceRequest request;
        try {
            request = json.readValue(bytes, SubmitEvidenceRequest.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRequest(JsonProblems.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (request == null) {
            throw InvalidRequest.of("metadata", "must be a JSON object");
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (request.externalUri() != null) {
            throw InvalidRequest.of("externalUri", "must not be given with a file");
        }
        return request;
    }
}
