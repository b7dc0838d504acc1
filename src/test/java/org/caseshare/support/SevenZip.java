package org.caseshare.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's real 7-Zip (p7zip-full), run as a recipient would run it, to prove archives open outside
 * this code. Where it is missing the test is skipped with a loud notice, except under CI (CI=true),
 * where its absence is a failure — the same policy as {@link Browser}.
 */
public final class SevenZip {

    private static final String SEVEN_ZIP = "/usr/bin/7z";

    private SevenZip() {
    }

    /** Skips or fails the calling test when 7z is not installed. */
    public static void require() {
        if (new File(SEVEN_ZIP).canExecute()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("7-Zip is required under CI: apt-get install -y p7zip-full");
        }
        System.err.println("\n*** SKIPPING 7-ZIP CHECK: Debian's p7zip-full is not installed (apt-get install -y p7zip-full) ***\n");
        Assumptions.abort("7-Zip is not installed");
    }

    /** Runs 7z with the arguments; never waits for a password on the terminal. */
    public static Result run(String... arguments) throws Exception {
        require();
        List<String> command = new ArrayList<>(List.of(SEVEN_ZIP));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("7z did not finish: " + command);
        }
        return new Result(process.exitValue(), output);
    }

    public static Result test(Path archive, String password) throws Exception {
        return run("t", "-p" + password, archive.toString());
    }

    public static Result extract(Path archive, String password, Path directory) throws Exception {
        return run("x", "-y", "-p" + password, "-o" + directory, archive.toString());
    }

    /** The technical listing: one block of "Key = value" lines per entry. */
    public static Result list(Path archive, String password) throws Exception {
        return run("l", "-slt", "-p" + password, archive.toString());
    }

    public record Result(int exitCode, String output) {
    }
}
