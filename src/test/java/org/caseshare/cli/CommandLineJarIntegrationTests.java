package org.caseshare.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a self-hoster runs it: {@code java -jar target/caseshare.jar admin …} in a
 * separate JVM, with the same configuration (data directory, key file) as the server would use.
 */
class CommandLineJarIntegrationTests {

    @TempDir
    Path home;

    @Test
    void theJarCreatesAnOrganisationAndAUserAndPrintsATokenAloneOnTheLastLine() throws Exception {
        Path jar = Path.of("target/caseshare.jar");
        assertThat(jar).as("the build packages target/caseshare.jar before the integration tests").exists();

        Result org = java(jar, "admin", "org", "create", "--name", "Jarrow Council", "--kind", "COUNCIL");
        assertThat(org.status()).as(org.output()).isZero();
        assertThat(org.output()).contains("Created organisation Jarrow Council");

        Result user = java(jar, "admin", "user", "create", "--org", "Jarrow Council", "--email", "dpo@jarrow.example.org", "--role", "dpo");
        assertThat(user.status()).as(user.output()).isZero();

        Result token = java(jar, "admin", "token", "create", "--email", "dpo@jarrow.example.org");
        assertThat(token.status()).as(token.output()).isZero();
        assertThat(token.lastLine()).matches("cs_pat_[A-Za-z0-9_-]{43}");

        Result again = java(jar, "admin", "org", "create", "--name", "Jarrow Council");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.output()).contains("already exists");
        assertThat(home.resolve("keys/keyset.json")).exists();
        assertThat(home.resolve("data")).isDirectory();
    }

    record Result(int status, String output) {
        String lastLine() {
            String[] lines = output.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    private Result java(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("CASESHARE_DATA_DIR", home.resolve("data").toString());
        builder.environment().put("CASESHARE_KEYSET_FILE", home.resolve("keys/keyset.json").toString());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
