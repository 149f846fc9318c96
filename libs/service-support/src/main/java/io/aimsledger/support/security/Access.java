package io.aimsledger.support.security;

import java.util.Map;
import java.util.Set;

/**
 * What a caller may do, derived from realm roles by {@link AccessRolesAugmentor}. Resources name
 * these in {@code @RolesAllowed}, so the mapping of API.md lives once, here.
 */
public final class Access {
    /** Read any domain resource. */
    public static final String READ = "access:read";
    /** Change a domain resource. */
    public static final String WRITE = "access:write";
    /** Approve or accept: four-eyes decisions. */
    public static final String APPROVE = "access:approve";
    /** Push CloudEvents to an ingest endpoint. */
    public static final String INGEST = "access:ingest";
    /** Read the audit trail and historical state. */
    public static final String AUDIT = "access:audit";
    /** Operate the platform (rebuilds and the like). */
    public static final String ADMINISTER = "access:administer";

    static final Map<String, Set<String>> GRANTED_BY_REALM_ROLE = Map.of(
            RealmRoles.VIEWER, Set.of(READ, AUDIT),
            RealmRoles.EDITOR, Set.of(READ, WRITE),
            RealmRoles.APPROVER, Set.of(READ, APPROVE),
            RealmRoles.AUDITOR, Set.of(READ, AUDIT),
            RealmRoles.INTEGRATION, Set.of(INGEST),
            RealmRoles.ADMIN, Set.of(READ, WRITE, INGEST, AUDIT, ADMINISTER));

    private Access() {
    }
}
