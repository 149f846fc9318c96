package io.aimsledger.local;

import java.util.List;

/** The five services, in the order of their ports. */
enum Service {
    INVENTORY("inventory-service", "inventory", "aims_inventory_app"),
    RISK("risk-service", "risk", "aims_risk_app"),
    CONTROLS("controls-service", "controls", "aims_controls_app"),
    EVIDENCE("evidence-service", "evidence", "aims_evidence_app"),
    // The audit log may only be read and appended to: the service runs as a role that can do no more.
    AUDIT("audit-projection", "audit", "aims_audit_app"),
    // A second audit projection on the next port (--audit-standby): it answers queries and takes over the
    // ingest when the first stops holding the lease.
    AUDIT_STANDBY("audit-projection", "audit", "aims_audit_app");

    /** The five services, one instance each. */
    static final List<Service> ALL = List.of(INVENTORY, RISK, CONTROLS, EVIDENCE, AUDIT);

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

    /** The name of this instance: its log, its messages, and {@code -Daims.instance} on its command line. */
    String instance() {
        return this == AUDIT_STANDBY ? module + "-standby" : module;
    }

    boolean isAudit() {
        return this == AUDIT || this == AUDIT_STANDBY;
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
        return isAudit();
    }

    int port(int base) {
        return base + ordinal();
    }
}
