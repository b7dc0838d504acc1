package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.caseshare.support.JarHome;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #17 item 1: the Debian package the build makes installs with {@code dpkg -i}, runs as its
 * own user with the unit's environment, keeps the data when removed, and on purge removes what it
 * made and no more. systemd is not running in this container, so the test starts the unit's
 * {@code ExecStart} itself, as its {@code User=}, in its {@code WorkingDirectory=}, with its
 * {@code EnvironmentFile=} (only the port changed). Needs root and dpkg: skipped loudly without them,
 * a failure under CI.
 */
class DebianPackageIntegrationTests {

    private static final Path DATA = Path.of("/var/lib/caseshare");
    private static final Path CONFIG = Path.of("/etc/caseshare");
    private static final Path ENV_FILE = CONFIG.resolve("caseshare.env");
    private static final Path KEYS = CONFIG.resolve("keys");
    private static final Path UNIT = Path.of("/lib/systemd/system/caseshare.service");
    private static final Path DOCS = Path.of("/usr/share/doc/caseshare");

    @TempDir
    Path scratch;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void installsRunsAsTheServiceUserAndKeepsTheDataWhenRemoved() throws Exception {
        Path deb = theBuildsPackage();
        mayInstallPackagesHere();
        Process service = null;
        try {
            String installed = run("dpkg", "-i", deb.toString());
            assertThat(installed).as("the post-install message").contains("not started", "journalctl -u caseshare", "/setup/");

            assertInstalledFiles();
            ServiceUnit unit = ServiceUnit.read(UNIT);
            assertHardened(unit);

            int port = JarHome.freePort();
            service = start(unit, port);
            String base = "http://localhost:" + port;
            awaitHealthy(service, base);
            assertThat(ProcessHandle.of(service.pid()).orElseThrow().info().user()).as("the process's user").contains("caseshare");
            assertThat(log()).as("the first-admin setup link is in the service's log").containsPattern("/setup/[A-Za-z0-9_-]{20,}");
            assertThat(get(base + "/actuator/info").body()).contains("\"version\"");
            assertThat(get(base + "/.well-known/security.txt").body()).contains("Contact: ", "Expires: ");
            assertThat(owner(KEYS.resolve("master-keyset.json"))).as("the keyset the service wrote on first start").isEqualTo("caseshare:caseshare");
            assertThat(DATA.resolve("db")).as("the H2 database in the data folder").isDirectory();
            stop(service);
            service = null;

            run("dpkg", "-r", "caseshare");
            assertThat(Path.of("/usr/share/caseshare/caseshare.jar")).doesNotExist();
            assertThat(DATA.resolve("db")).as("remove keeps the data").isDirectory();
            assertThat(KEYS.resolve("master-keyset.json")).as("remove keeps the keyset").exists();
            assertThat(ENV_FILE).as("remove keeps the configuration").exists();
            assertThat(run("getent", "passwd", "caseshare")).as("remove keeps the user").contains("caseshare");

            String purged = run("dpkg", "--purge", "caseshare");
            assertThat(ENV_FILE).as("purge removes the configuration").doesNotExist();
            assertThat(attempt("getent", "passwd", "caseshare").exitCode()).as("purge removes the user").isEqualTo(2);
            assertThat(attempt("getent", "group", "caseshare").exitCode()).as("purge removes the group").isEqualTo(2);
            // What the service wrote is the council's records, not the package's: kept, and nobody's but root's.
            assertThat(purged).contains("kept " + DATA, "kept " + KEYS);
            assertThat(DATA.resolve("db")).as("purge keeps the data the service made").isDirectory();
            assertThat(owner(DATA) + " " + mode(DATA)).isEqualTo("root:root rwx------");
            assertThat(owner(KEYS) + " " + mode(KEYS)).isEqualTo("root:root rwx------");
        } finally {
            if (service != null) {
                stop(service);
            }
            attempt("dpkg", "--purge", "caseshare");
            deleteRecursively(DATA);
            deleteRecursively(CONFIG);
        }
    }

    private static Path theBuildsPackage() throws IOException {
        assertThat(JarHome.JAR).as("the build packages target/caseshare.jar before the integration tests").exists();
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> debs = files.filter(file -> file.getFileName().toString().matches("caseshare_.+_all\\.deb")).toList();
            assertThat(debs).as("the build makes target/caseshare_<version>_all.deb (jdeb, package phase)").hasSize(1);
            return debs.get(0);
        }
    }

    /** Root and dpkg, and no Caseshare already installed here, whose data this test must not touch. */
    private static void mayInstallPackagesHere() throws Exception {
        String missing = null;
        if (!new File("/usr/bin/dpkg").canExecute()) {
            missing = "dpkg is not installed";
        } else if (!"root".equals(System.getProperty("user.name"))) {
            missing = "the tests do not run as root";
        } else if (Files.exists(DATA) || Files.exists(CONFIG) || attempt("dpkg-query", "-W", "caseshare").exitCode() == 0) {
            missing = "Caseshare is already installed here (or " + DATA + " or " + CONFIG + " exists); the test will not touch it";
        }
        if (missing == null) {
            return;
        }
        String message = missing + ": the Debian package install test did NOT run";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; CI runs as root on Debian");
        }
        System.err.println("\n*** SKIPPING " + message + " ***\n");
        Assumptions.abort(message);
    }

    private static void assertInstalledFiles() throws Exception {
        assertThat(owner(Path.of("/usr/share/caseshare/caseshare.jar"))).isEqualTo("root:root");
        assertThat(owner(ENV_FILE) + " " + mode(ENV_FILE)).isEqualTo("root:caseshare rw-r-----");
        assertThat(owner(DATA) + " " + mode(DATA)).isEqualTo("caseshare:caseshare rwxr-x---");
        assertThat(owner(KEYS) + " " + mode(KEYS)).isEqualTo("caseshare:caseshare rwx------");
        assertThat(run("dpkg-query", "-W", "-f=${Conffiles}", "caseshare")).contains(ENV_FILE.toString());
        String[] user = run("getent", "passwd", "caseshare").strip().split(":");
        assertThat(Integer.parseInt(user[2])).as("a system user's uid").isLessThan(1000);
        assertThat(user[5]).isEqualTo(DATA.toString());
        assertThat(user[6]).isIn("/usr/sbin/nologin", "/bin/false");
        for (String document : List.of("LICENSE", "SECURITY.md", "CHANGELOG.md")) {
            assertThat(DOCS.resolve(document)).exists();
        }
        assertThat(DOCS.resolve("bom.json")).as("the SBOM (cyclonedx-maven-plugin skips it when Maven is offline)").exists();
        JsonNode bom = JsonMapper.builder().build().readTree(DOCS.resolve("bom.json").toFile());
        assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(bom.path("components").findValuesAsString("name")).contains("spring-boot", "tink", "h2");
        Map<String, String> environment = ServiceUnit.environment(ENV_FILE);
        assertThat(environment).containsEntry("CASESHARE_DATA_DIR", DATA.toString())
                .containsEntry("CASESHARE_KEYSET_FILE", KEYS.resolve("master-keyset.json").toString());
    }

    private static void assertHardened(ServiceUnit unit) throws Exception {
        assertThat(unit.one("User")).isEqualTo("caseshare");
        assertThat(unit.one("EnvironmentFile")).isEqualTo(ENV_FILE.toString());
        assertThat(unit.one("WorkingDirectory")).isEqualTo(DATA.toString());
        assertThat(unit.one("NoNewPrivileges")).isEqualTo("yes");
        assertThat(unit.one("ProtectSystem")).isEqualTo("strict");
        assertThat(unit.one("ProtectHome")).isEqualTo("yes");
        assertThat(unit.one("PrivateTmp")).isEqualTo("yes");
        assertThat(unit.one("ProtectKernelTunables")).isEqualTo("yes");
        assertThat(unit.one("CapabilityBoundingSet")).isEmpty();
        assertThat(unit.one("RestrictAddressFamilies")).isNotEmpty();
        assertThat(unit.one("MemoryMax")).matches("\\d+[KMG]");
        assertThat(unit.one("ReadWritePaths").split("\\s+")).as("written: the data and keyset folders only")
                .containsExactlyInAnyOrder(DATA.toString(), KEYS.toString());
        if (new File("/usr/bin/systemd-analyze").canExecute()) {
            Outcome verify = attempt("/usr/bin/systemd-analyze", "verify", UNIT.toString());
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.output()).as("systemd-analyze's warnings about the unit").doesNotContain("caseshare.service:");
        }
    }

    /** ExecStart as the unit's user, in its working directory, with its environment file and nothing else. */
    private Process start(ServiceUnit unit, int port) throws IOException {
        Map<String, String> environment = ServiceUnit.environment(Path.of(unit.one("EnvironmentFile")));
        environment.put("PORT", Integer.toString(port));
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + unit.one("User"),
                "--regid=" + unit.one("User"), "--init-groups", "--no-new-privs", "--", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin"));
        environment.forEach((key, value) -> command.add(key + "=" + value));
        command.addAll(unit.execStart());
        return new ProcessBuilder(command).directory(new File(unit.one("WorkingDirectory"))).redirectErrorStream(true)
                .redirectOutput(scratch.resolve("service.log").toFile()).start();
    }

    private void awaitHealthy(Process service, String base) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(until)) {
            assertThat(service.isAlive()).as("the service stopped:\n%s", log()).isTrue();
            try {
                HttpResponse<String> health = get(base + "/actuator/health");
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service was not healthy in 4 minutes:\n" + log());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String log() throws IOException {
        Path log = scratch.resolve("service.log");
        String all = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return all.substring(Math.max(0, all.length() - 8000));
    }

    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(60, TimeUnit.SECONDS)) {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String owner(Path path) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return attributes.owner().getName() + ":" + attributes.group().getName();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Outcome outcome = attempt(command);
        assertThat(outcome.exitCode()).as("%s:\n%s", String.join(" ", command), outcome.output()).isZero();
        return outcome.output();
    }

    private static Outcome attempt(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish:\n" + output);
        }
        return new Outcome(process.exitValue(), output);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private record Outcome(int exitCode, String output) {
    }
}
