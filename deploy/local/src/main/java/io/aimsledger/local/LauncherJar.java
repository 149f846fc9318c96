package io.aimsledger.local;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where this launcher runs from, and so where the repository it launches is. */
final class LauncherJar {

    private LauncherJar() {
    }

    /** The jar (or classes folder) holding the launcher, or null if that cannot be told. */
    static Path location() {
        try {
            var source = LauncherJar.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The repository: the launcher is {@code <repository>/deploy/local/target/aims-local.jar}. */
    static Path repository() {
        String configured = System.getProperty("aims.repository");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path location = location();
        if (location == null) {
            return Path.of("").toAbsolutePath();
        }
        return location.getParent().getParent().getParent().getParent();
    }

    /** Under {@code java -jar} the class path property names only the jar; its libraries sit beside it. */
    static String classPath() {
        Path jar = location();
        if (jar != null && jar.toString().endsWith(".jar")) {
            return jar + java.io.File.pathSeparator + jar.resolveSibling("lib").resolve("*");
        }
        return System.getProperty("java.class.path");
    }
}
