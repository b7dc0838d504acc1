package org.caseshare.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.caseshare.audit.ReceiptDocument;
import org.caseshare.audit.ReceiptVerifier;
import org.caseshare.crypto.AuditVerifyingKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code caseshare verify-receipt FILE --key KEY}: checks a partner's saved receipt offline, with no
 * database or configuration, so a partner can run it anywhere. Exit status 0 only when every step
 * passed; 1 when the receipt does not verify; 2 when the file or the key cannot be read.
 */
@Command(name = "verify-receipt", mixinStandardHelpOptions = true,
        description = "Verify a saved receipt (JSON) offline: the checkpoint's signature and the entry's inclusion proof.")
final class VerifyReceiptCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The receipt, as downloaded from the receipt page or the API.")
    Path file;

    @Option(names = "--key", required = true, paramLabel = "KEY",
            description = "A C2SP verifier key (name+keyid+base64), or a file of them one a line as published at /.well-known/caseshare-audit-keys.")
    String key;

    @Override
    public Integer call() {
        ReceiptDocument receipt;
        List<AuditVerifyingKey> keys;
        try {
            receipt = JSON.readValue(Files.readString(file), ReceiptDocument.class);
            keys = keys(key);
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return 2;
        }
        // A receipt from before a key rotation verifies with an older key: the first that signed it decides.
        ReceiptVerifier.Verdict verdict = null;
        for (AuditVerifyingKey candidate : keys) {
            verdict = ReceiptVerifier.verify(receipt, candidate);
            if (verdict.ok()) {
                break;
            }
        }
        verdict.passed().forEach(step -> spec.commandLine().getOut().println("ok: " + step));
        if (verdict.ok()) {
            spec.commandLine().getOut().println("VERIFIED: entry " + receipt.seq() + " (" + receipt.action()
                    + ") is in the log of " + receipt.treeSize() + " entries that the key signed.");
            spec.commandLine().getOut().flush();
            return 0;
        }
        spec.commandLine().getOut().println("NOT VERIFIED: " + verdict.failure());
        spec.commandLine().getOut().flush();
        return 1;
    }

    private static List<AuditVerifyingKey> keys(String value) throws IOException {
        Path path = Path.of(value);
        List<String> lines = Files.isRegularFile(path) ? Files.readAllLines(path) : List.of(value);
        List<AuditVerifyingKey> keys = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                keys.add(AuditVerifyingKey.parse(line.strip()));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("'" + line.strip() + "' is not a verifier key: " + e.getMessage());
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no verifier key given");
        }
        return keys;
    }
}
