package io.aimsledger.support.security;

/** The realm roles of the {@code aims} Keycloak realm, as they appear in tokens. */
public final class RealmRoles {
    public static final String VIEWER = "aims-viewer";
    public static final String EDITOR = "aims-editor";
    public static final String APPROVER = "aims-approver";
    public static final String AUDITOR = "auditor";
    public static final String INTEGRATION = "integration";
    public static final String ADMIN = "aims-admin";

    private RealmRoles() {
    }
}
