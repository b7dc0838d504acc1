package org.caseshare.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Run by the build after the tests (exec-maven-plugin, verify phase): reads what every test wrote
 * (surefire and failsafe put each class's output in target/*-reports/*-output.txt) and fails, listing
 * file:line, if any line holds the test data's secrets or personal data: every password, secret or
 * token constant in the test sources, the people and addresses of the fixtures and the demo data, and
 * anything shaped like an API or management token. The logs of the whole suite must carry none.
 */
public final class LogLeakCheck {

    /** A constant in a test source whose name says it is secret: {@code static final String PASSWORD = "…"}. */
    private static final Pattern SECRET_CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+\\w*(?:PASSWORD|SECRET|TOKEN)\\w*\\s*=\\s*\"([^\"]{8,})\"");
    /** Names and other personal data the fixtures and the demo data use. */
    private static final List<String> PEOPLE = List.of("Robin Pupil", "Jo Teacher", "C-7001", "Pat Practitioner", "Morgan Manager",
            "Dana Protection", "Ari Admin", "Parker Partner", "Alex Admin");
    private static final List<Rule> SHAPES = List.of(
            new Rule("an email address of the test data", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.(?:example\\.org|demo\\.caseshare\\.org)")),
            new Rule("an API token", Pattern.compile("cs_pat_[A-Za-z0-9_-]{16,}")),
            new Rule("the test management token", Pattern.compile(Pattern.quote(Management.TOKEN))));

    /** What a finding is called in the report, and what finds it. */
    record Rule(String what, Pattern pattern) {
    }

    private LogLeakCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path base = Path.of(args.length > 0 ? args[0] : ".");
        List<Rule> patterns = rules(base.resolve("src/test/java"));
        List<String> findings = new ArrayList<>();
        int files = 0;
        for (String reports : List.of("target/surefire-reports", "target/failsafe-reports")) {
            Path folder = base.resolve(reports);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> outputs = Files.list(folder)) {
                for (Path output : outputs.filter(p -> p.getFileName().toString().endsWith("-output.txt")).sorted().toList()) {
                    files++;
                    findings.addAll(scan(base.relativize(output), Files.readAllLines(output, StandardCharsets.ISO_8859_1), patterns));
                }
            }
        }
        if (!findings.isEmpty()) {
            findings.forEach(finding -> System.err.println(finding));
            throw new IllegalStateException(findings.size() + " log lines of the tests hold secrets or personal data (listed above)");
        }
        System.out.println("Log check: " + files + " test output files, " + patterns.size() + " patterns, nothing found.");
    }

    /** Every rule: the shapes, each secret constant of the test sources, each person of the test data. */
    static List<Rule> rules(Path testSources) throws IOException {
        List<Rule> rules = new ArrayList<>(SHAPES);
        for (String secret : secretConstants(testSources)) {
            rules.add(new Rule("a secret of the test sources", Pattern.compile(Pattern.quote(secret))));
        }
        for (String person : PEOPLE) {
            rules.add(new Rule("a person of the test data", Pattern.compile(Pattern.quote(person))));
        }
        return rules;
    }

    static List<String> scan(Path file, List<String> lines, List<Rule> rules) {
        List<String> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (Rule rule : rules) {
                if (rule.pattern().matcher(lines.get(i)).find()) {
                    // Says what was found and where, not the secret itself: this output is a log too.
                    findings.add(file + ":" + (i + 1) + ": " + rule.what());
                }
            }
        }
        return findings;
    }

    static List<String> secretConstants(Path sources) throws IOException {
        List<String> secrets = new ArrayList<>();
        if (!Files.isDirectory(sources)) {
            return secrets;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher constant = SECRET_CONSTANT.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (constant.find()) {
                    secrets.add(constant.group(1));
                }
            }
        }
        return secrets;
    }
}
