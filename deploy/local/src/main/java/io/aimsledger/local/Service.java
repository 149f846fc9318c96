package io.aimsledger.local;

import java.util.List;

/** The five services, in the order of their ports. */
enum Service {
    INVENTORY("inventory-service", "inventory", "postgres"),
    RISK("risk-service", "risk", "postgres"),
    CONTROLS("controls-service", "controls", "postgres"),
    EVIDENCE("evidence-service", "evidence", "postgres"),
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

    /** Who the service connects as; its migrations run as the database owner. */
    String databaseUser() {
        return databaseUser;
    }

    int port(int base) {
        return base + ordinal();
    }
}
