package io.aimsledger.local;

import java.util.List;

/** The five services, in the order of their ports. */
enum Service {
    INVENTORY("inventory-service", "inventory", "aims_inventory_app"),
    RISK("risk-service", "risk", "aims_risk_app"),
    CONTROLS("controls-service", "controls", "aims_controls_app"),
    EVIDENCE("evidence-service", "evidence", "aims_evidence_app"),
    // The audit log may only be read and appended to: the service runs as a role that can do no more.
    AUDIT("audit-projection", "audit", "aims_audit_app");

    static final List<Service> ALL = List.of(values());

    private final String module;
    private final String database;
    private final String databaseUser;

    Service(String module, String database, String databaseUser) {
        this.module = module;
        this.database = database;
        this.databaseUser = databaseUser;
    }

    String module() {
        return module;
    }

    String database() {
        return database;
    }

    /** Who the service connects as (a least-privilege role of its own); its migrations run as the superuser. */
    String databaseUser() {
        return databaseUser;
    }

    /** Whether the launcher grants the role row access, or the service's own migrations grant what it may do. */
    boolean grantsItsOwnAccess() {
        return this == AUDIT;
    }

    int port(int base) {
        return base + ordinal();
    }
}
