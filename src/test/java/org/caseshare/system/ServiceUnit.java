package org.caseshare.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a systemd unit and its EnvironmentFile that a test needs to start the service as
 * systemd would, where systemd itself is not running (a container): the [Service] section's
 * settings, and the variables the environment file sets.
 */
record ServiceUnit(Map<String, List<String>> service) {

    static ServiceUnit read(Path unit) throws IOException {
        Map<String, List<String>> service = new LinkedHashMap<>();
        String section = "";
        for (String line : Files.readAllLines(unit)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                section = trimmed;
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (section.equals("[Service]") && equals > 0) {
                service.computeIfAbsent(trimmed.substring(0, equals).strip(), key -> new ArrayList<>())
                        .add(trimmed.substring(equals + 1).strip());
            }
        }
        return new ServiceUnit(service);
    }

    /** The one value of a setting, or "" when the unit does not set it. */
    String one(String key) {
        List<String> values = service.getOrDefault(key, List.of());
        if (values.size() > 1) {
            throw new IllegalStateException(key + " is set " + values.size() + " times");
        }
        return values.isEmpty() ? "" : values.get(0);
    }

    /** ExecStart as a command line (the unit quotes nothing and uses no prefixes such as '-'). */
    List<String> execStart() {
        return List.of(one("ExecStart").split("\\s+"));
    }

    /** KEY=value lines of an environment file as systemd reads them: comments and blank lines skipped. */
    static Map<String, String> environment(Path file) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("not KEY=value: " + trimmed);
            }
            String value = trimmed.substring(equals + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            variables.put(trimmed.substring(0, equals).strip(), value);
        }
        return variables;
    }
}
