package io.aimsledger.systemtests;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How often accepted writes, known by their correlation ids, are in the platform's audit log. */
record AuditedWrites(int accepted, long lost, long duplicated) {

    /** Once every write is logged at least once (or {@code within} has passed), counts the lost and the twice logged. */
    static AuditedWrites of(List<String> correlationIds, Duration within) {
        Map<String, Long> logged = new HashMap<>();
        try {
            await().atMost(within).until(() -> {
                logged.clear();
                logged.putAll(timesLogged(correlationIds));
                return correlationIds.stream().allMatch(c -> logged.getOrDefault(c, 0L) >= 1);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // counted as lost below
        }
        return new AuditedWrites(correlationIds.size(),
                correlationIds.stream().filter(c -> logged.getOrDefault(c, 0L) == 0).count(),
                correlationIds.stream().filter(c -> logged.getOrDefault(c, 0L) > 1).count());
    }

    private static Map<String, Long> timesLogged(List<String> correlationIds) {
        Map<String, Long> times = new HashMap<>();
        try (Connection connection = LaunchedPlatform.database("audit");
             var statement = connection.prepareStatement("select correlation_id, count(*) from audit_log "
                     + "where correlation_id = any(?) group by correlation_id")) {
            statement.setArray(1, connection.createArrayOf("text", correlationIds.toArray()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    times.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            return Map.of(); // PostgreSQL is starting again
        }
        return times;
    }
}
