package org.caseshare.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * In the {@code production} profile, refuses settings that are fine on one laptop and wrong for a
 * service with several nodes: a node that would generate a key-encryption keyset of its own (files
 * it writes could not be read by the others), an in-process database, a blob folder nobody has said
 * is shared, and a base URL without HTTPS (the session cookie is Secure and passkeys need it).
 *
 * <p>It runs when the configuration has been read and before any bean exists, so a refused node
 * has written nothing: no keyset, no database file, no blob folder. Every problem is named at once,
 * with the setting (and its environment variable) that puts it right.
 */
public class ProductionSettings implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "production";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeProductionSettingsException(problems);
        }
    }

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        String keyset = environment.getProperty("caseshare.crypto.keyset", "");
        String keysetFile = environment.getProperty("caseshare.crypto.keyset-file", "");
        if (keyset.isBlank() && (keysetFile.isBlank() || !Files.isRegularFile(Path.of(keysetFile)))) {
            problems.add("No key-encryption keyset: set caseshare.crypto.keyset (CASESHARE_CRYPTO_KEYSET) to the keyset's JSON, or"
                    + " caseshare.crypto.keyset-file (CASESHARE_KEYSET_FILE) to a keyset file that exists"
                    + (keysetFile.isBlank() ? "" : " (" + keysetFile + " does not)")
                    + ". A node never generates one in production: every node must open what the others encrypted, so all"
                    + " of them use the same keyset (create it once, e.g. by starting one node without the production profile,"
                    + " and keep it outside the data directory).");
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            problems.add("The database is not PostgreSQL: set spring.datasource.url (SPRING_DATASOURCE_URL) to a jdbc:postgresql: URL,"
                    + " with spring.datasource.username and spring.datasource.password. The embedded H2 database lives in one"
                    + " node's folder and cannot be shared.");
        }
        String storage = environment.getProperty("caseshare.storage.type", "filesystem");
        boolean shared = environment.getProperty("caseshare.storage.filesystem-shared", Boolean.class, false);
        if (storage.equals("filesystem") && !shared) {
            problems.add("Files are stored in a local folder (caseshare.storage.type=filesystem): set caseshare.storage.type=s3"
                    + " (CASESHARE_STORAGE_TYPE) with the caseshare.storage.s3 settings, or, if "
                    + environment.getProperty("caseshare.data-dir", "./data") + "/blobs is on storage that every node mounts,"
                    + " say so with caseshare.storage.filesystem-shared=true (CASESHARE_STORAGE_FILESYSTEM_SHARED).");
        }
        String baseUrl = environment.getProperty("caseshare.base-url", "");
        if (!baseUrl.startsWith("https://")) {
            problems.add("caseshare.base-url (CASESHARE_BASE_URL) is '" + baseUrl + "': in production it must be the https:// address"
                    + " people use. The session cookie is sent over HTTPS only, and passkeys work only on a secure origin.");
        }
        return problems;
    }

    /** After Boot has read application.yml, the profile files and the environment. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
