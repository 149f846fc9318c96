package io.aimsledger.support.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The user a request acts as: the token's {@code preferred_username}. Events record this name,
 * never one taken from a request body.
 */
@ApplicationScoped
public class ActingUser {

    private final SecurityIdentity identity;

    public ActingUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        if (identity.isAnonymous()) {
            throw new IllegalStateException("no authenticated user on this request");
        }
        return identity.getPrincipal().getName();
    }

    public boolean hasRealmRole(String role) {
        return identity.hasRole(role);
    }
}
