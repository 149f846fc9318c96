package io.aimsledger.local;

import java.util.List;

/** The five services, in the order of their ports. */
enum Service {
    INVENTORY("inventory-service", "inventory"),
    RISK("risk-service", "risk"),
    CONTROLS("controls-service", "controls"),
    EVIDENCE("evidence-service", "evidence"),
    AUDIT("audit-projection", "audit");

    static final List<Service> ALL = List.of(values());

    private final String module;
    private final String database;

    Service(String module, String database) {
        this.module = module;
        this.database = database;
    }

    String module() {
        return module;
    }

    String database() {
        return database;
    }

    int port(int base) {
        return base + ordinal();
    }
}
