package io.aimsledger.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.aimsledger.support.json.StorableText;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.problem.ProblemResponses;
import io.aimsledger.support.problem.Violation;

/** Query values and path segments are {@link StorableText}, or the request is a 400 naming them, for every endpoint. */
public class QueryTextGuard {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseUnstorableText(ContainerRequestContext request) {
        List<Violation> violations = new ArrayList<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            String problem = StorableText.problem(name);
            for (int i = 0; problem == null && i < values.size(); i++) {
                problem = StorableText.problem(values.get(i));
            }
            if (problem != null) {
                violations.add(new Violation(name, problem));
            }
        });
        String pathProblem = StorableText.problem(request.getUriInfo().getPath());
        if (pathProblem != null) {
            violations.add(new Violation("path", pathProblem));
        }
        return violations.isEmpty() ? Optional.empty()
                : Optional.of(ProblemResponses.of(new InvalidRequest(violations).problem()));
    }
}
