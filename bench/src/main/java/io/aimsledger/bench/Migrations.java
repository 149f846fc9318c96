package io.aimsledger.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A service's own migration files, run on a ceiling's database as Flyway would run them. */
final class Migrations {

    private Migrations() {
    }

    /** Every {@code .sql} file of each folder (below the repository), in version order, placeholders filled in. */
    static void run(Connection connection, Path repository, List<String> folders, Map<String, String> placeholders)
            throws Exception {
        try (var statement = connection.createStatement()) {
            for (String folder : folders) {
                try (Stream<Path> files = Files.list(repository.resolve(folder))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted(Migrations::byVersion)
                            .toList()) {
                        String sql = Files.readString(file, StandardCharsets.UTF_8);
                        for (var placeholder : placeholders.entrySet()) {
                            sql = sql.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
                        }
                        statement.execute(sql);
                    }
                }
            }
        }
    }

    /** V0_1 before V0_2 before V1: Flyway's order, by the version in the file name. */
    private static int byVersion(Path a, Path b) {
        return version(a).compareTo(version(b));
    }

    private static String version(Path file) {
        String name = file.getFileName().toString();
        String version = name.substring(1, name.indexOf("__")).replace('_', '.');
        return String.format("%-12s", version.startsWith("0") ? version : "9." + version);
    }
}
