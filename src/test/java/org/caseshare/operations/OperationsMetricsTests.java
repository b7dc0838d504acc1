package org.caseshare.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.directory.Organisation;
import org.caseshare.identity.Account;
import org.caseshare.identity.Role;
import org.caseshare.support.Fixtures;
import org.caseshare.support.Management;
import org.caseshare.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * /actuator/prometheus with the management token: domain meters that move when people act, labels
 * only from enums and fixed words, and the alert rules and dashboard in ops/ naming only what it exports.
 */
@SuppressWarnings("unchecked")
abstract class OperationsMetricsTests extends OperationsEndpoints {

    /** A sample line: the name, its labels (if any), the value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;

    Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", Management.TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Double> samples = new TreeMap<>();
        for (String line : response.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)), Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    private static double value(Map<String, Double> samples, String series) {
        assertThat(samples).as("exported: " + series).containsKey(series);
        return samples.get(series);
    }

    @Test
    void domainMetersMoveWhenPeopleActAndTheScrapeNeedsTheToken() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        String shares = "caseshare_shares_recorded_total{channel=\"SECURE_HUB\",marking=\"OFFICIAL\"}";
        String failedPasswords = "caseshare_signin_failures_total{step=\"password\"}";
        String probes = "caseshare_blobstore_seconds_count{operation=\"probe\",outcome=\"success\"}";
        Map<String, Double> before = scrape();

        Organisation council = fixtures.organisation("Council");
        Account practitioner = fixtures.person(council, Role.PRACTITIONER);
        fixtures.hubShare(practitioner, null, "jo.teacher@" + Fixtures.unique("school") + ".example.org");
        new Visitor(mvc).post("/login", "email", practitioner.email(), "password", "not the password at all");
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

        Map<String, Double> after = scrape();
        assertThat(value(after, shares) - value(before, shares)).isEqualTo(1.0);
        assertThat(value(after, failedPasswords) - value(before, failedPasswords)).isEqualTo(1.0);
        assertThat(value(after, probes)).isGreaterThan(value(before, probes));
        assertThat(value(after, "caseshare_audit_append_seconds_count")).isGreaterThan(value(before, "caseshare_audit_append_seconds_count"));
        for (String gauge : new String[] {"caseshare_audit_pending", "caseshare_audit_integration_delay_seconds", "caseshare_mail_unsent",
                "caseshare_keyset_age_days", "caseshare_packages_sent_total", "caseshare_downloads_total",
                "caseshare_receipts_total{via=\"secure-hub\"}", "caseshare_throttled_total{what=\"sign-in\"}",
                "caseshare_integrity_failures_total{kind=\"content\"}", "caseshare_integrity_failures_total{kind=\"audit-verify\"}"}) {
            assertThat(value(after, gauge)).as(gauge).isNotNaN().isGreaterThanOrEqualTo(0.0);
        }
    }

    /** Names a PromQL expression uses that look like ours or the platform's (functions and keywords do not). */
    private static final Pattern METRIC = Pattern.compile("\\b(?:caseshare|jvm|http_server|process|hikaricp|tomcat|system|executor|logback)_[a-z0-9_]+");

    /**
     * ops/ holds the alert rules and the dashboard: the rules parse as Prometheus rule groups, and both
     * name only metrics this application exports (a renamed meter would otherwise leave an alert that
     * can never fire).
     */
    @Test
    void theAlertRulesAndTheDashboardNameOnlyExportedMetrics() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200); // so the HTTP server's meters exist
        Set<String> exported = new TreeSet<>();
        for (String series : scrape().keySet()) {
            exported.add(series.replaceAll("\\{.*", ""));
        }
        Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("ops/prometheus/caseshare-alerts.yml")));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        List<String> expressions = new ArrayList<>();
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(rule).containsKeys("alert", "expr");
                alerts.add((String) rule.get("alert"));
                expressions.add(rule.get("expr").toString());
            }
        }
        assertThat(alerts).contains("CaseshareAuditSequencerStalled", "CaseshareMailFailing", "CaseshareIntegrityFailure",
                "CaseshareKeysetDueForRotation");
        JsonNode dashboard = JSON.readTree(Files.readString(Path.of("ops/grafana/caseshare-dashboard.json")));
        int panels = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            panels++;
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asString());
            }
        }
        assertThat(panels).isGreaterThanOrEqualTo(10);
        Set<String> named = new TreeSet<>();
        for (String expression : expressions) {
            Matcher metric = METRIC.matcher(expression);
            while (metric.find()) {
                named.add(metric.group());
            }
        }
        assertThat(named).as("metrics named in ops/").contains("caseshare_audit_integration_delay_seconds", "caseshare_shares_recorded_total",
                "jvm_memory_used_bytes", "http_server_requests_seconds_count");
        assertThat(exported).as("exported metrics").containsAll(named);
    }

    /** No name, address or free text can reach a label: every label value of ours is an enum's name or a fixed word. */
    @Test
    void everyLabelOfTheDomainMetersIsAnEnumNameOrAFixedWord() throws Exception {
        fixtures.hubShare(fixtures.person(fixtures.organisation("Council"), Role.PRACTITIONER), null, "someone@" + Fixtures.unique("s") + ".example.org");
        for (String series : scrape().keySet()) {
            if (series.startsWith("caseshare_")) {
                Matcher label = LABEL.matcher(series);
                while (label.find()) {
                    assertThat(label.group(2)).as(series).matches("[A-Z_]+|[a-z-]+|[0-9.+Inf]+");
                }
            }
        }
    }
}
