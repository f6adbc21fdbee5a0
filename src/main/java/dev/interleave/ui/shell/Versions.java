package dev.interleave.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Interleave's version, as the build wrote it into {@code dev/interleave/version.properties}. */
final class Versions {

    private Versions() {
    }

    /** "0.1.0", or "unknown" when the file is missing (a build that skipped resources). */
    static String interleave() {
        try (InputStream in = Versions.class.getResourceAsStream("/dev/interleave/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
