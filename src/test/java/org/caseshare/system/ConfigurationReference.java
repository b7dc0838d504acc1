package org.caseshare.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which environment variables the application reads, and which README's Configuration table
 * documents. The application reads a variable when application*.yml names it in a placeholder
 * ({@code ${CASESHARE_DATA_DIR:./data}}), or when Spring Boot's relaxed binding maps it onto a
 * property that the configuration metadata lists (ours from the configuration processor, Boot's from
 * its jars): {@code caseshare.jobs.node-name} is {@code CASESHARE_JOBS_NODENAME} or
 * {@code CASESHARE_JOBS_NODE_NAME}.
 */
final class ConfigurationReference {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern README_VARIABLE = Pattern.compile("`(…)?([A-Z0-9_]+)`");

    private final Set<String> placeholders = new HashSet<>();
    private final Set<String> properties = new HashSet<>();
    private final Set<String> mapPrefixes = new HashSet<>();

    static ConfigurationReference load(Path resources) throws IOException {
        ConfigurationReference reference = new ConfigurationReference();
        try (Stream<Path> files = Files.list(resources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.(yml|yaml|properties)")).toList()) {
                Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
                while (matcher.find()) {
                    reference.placeholders.add(matcher.group(1));
                }
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        ClassLoader loader = ConfigurationReference.class.getClassLoader();
        for (String name : List.of("META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json")) {
            Enumeration<URL> urls = loader.getResources(name);
            for (URL url : Collections.list(urls)) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        for (String form : environmentForms(property.path("name").asString())) {
                            reference.properties.add(form);
                            if (property.path("type").asString("").startsWith("java.util.Map")) {
                                reference.mapPrefixes.add(form + "_");
                            }
                        }
                    }
                }
            }
        }
        return reference;
    }

    int propertyCount() {
        return properties.size();
    }

    /** Whether the application reads the variable: by a placeholder, or by relaxed binding. */
    boolean exists(String variable) {
        return placeholders.contains(variable) || properties.contains(variable) || mapPrefixes.stream().anyMatch(variable::startsWith);
    }

    /**
     * The environment variables Boot's relaxed binding maps onto a property (SystemEnvironmentPropertyMapper):
     * dots to underscores, upper case, and each dash either dropped or an underscore.
     */
    static List<String> environmentForms(String property) {
        String plain = property.replace('.', '_').replace("[", "").replace("]", "").toUpperCase();
        return List.of(plain.replace("-", ""), plain.replace('-', '_'));
    }

    /**
     * The variables named in the environment-variable column of README's {@code ## Configuration}
     * table. {@code `…_USERNAME`} after {@code `SPRING_DATASOURCE_URL`} in the same cell is
     * {@code SPRING_DATASOURCE_USERNAME}: the first variable's name up to its last underscore, then the rest.
     */
    static Set<String> documented(Path readme) throws IOException {
        Set<String> documented = new LinkedHashSet<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals("## Configuration");
                continue;
            }
            if (!inSection || !line.startsWith("|")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 3) {
                continue;
            }
            String first = null;
            Matcher matcher = README_VARIABLE.matcher(cells[2]);
            while (matcher.find()) {
                String name = matcher.group(2);
                if (matcher.group(1) == null) {
                    first = first == null ? name : first;
                    documented.add(name);
                } else if (first != null && first.contains("_")) {
                    documented.add(first.substring(0, first.lastIndexOf('_')) + name);
                }
            }
        }
        return documented;
    }

    /** KEY=value lines of an environment file, commented-out ones too (they are offered to the operator). */
    static Set<String> environmentFileVariables(Path file) throws IOException {
        Set<String> variables = new LinkedHashSet<>();
        Pattern assignment = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=");
        for (String line : Files.readAllLines(file)) {
            Matcher matcher = assignment.matcher(line);
            if (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        return variables;
    }

    /** The variables a Dockerfile's ENV instructions set (with their continuation lines). */
    static Set<String> dockerfileVariables(Path dockerfile) throws IOException {
        Set<String> variables = new LinkedHashSet<>();
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        Pattern pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=");
        for (String instruction : instructions) {
            if (instruction.startsWith("ENV ")) {
                Matcher matcher = pair.matcher(instruction.substring(4));
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
            }
        }
        return variables;
    }

    /** Environment variables of the compose services that run Caseshare (built from this repository). */
    @SuppressWarnings("unchecked")
    static Set<String> composeVariables(Map<String, Object> compose) {
        Set<String> variables = new LinkedHashSet<>();
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        for (Object value : services.values()) {
            Map<String, Object> service = (Map<String, Object>) value;
            if (!service.containsKey("build")) {
                continue;
            }
            Object environment = service.get("environment");
            if (environment instanceof Map<?, ?> map) {
                map.keySet().forEach(key -> variables.add(key.toString()));
            } else if (environment instanceof List<?> list) {
                list.forEach(entry -> variables.add(entry.toString().split("=", 2)[0]));
            }
        }
        return variables;
    }
}
