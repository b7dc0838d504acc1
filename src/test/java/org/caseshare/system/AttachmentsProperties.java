package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a downloaded file was called, Windows can save it under its name, and the header carries
 * an ASCII name for old clients and the real one in {@code filename*} (RFC 6266, RFC 8187).
 */
class AttachmentsProperties {

    private static final Pattern HEADER = Pattern.compile("attachment; filename=\"([^\"]*)\"; filename\\*=UTF-8''(\\S*)");
    private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(\\..*)?");
    private static final String HOSTILE = "CONPRNAUXNULcomlpt19.  \"\\/%;*'\u00e9\u202e\u0000\r\n\u00b9";

    @Property(tries = 2000)
    void theNameIsNeverAWindowsDeviceNorEndsInADotOrSpace(@ForAll("names") String anything) {
        String name = Attachments.fileName(anything);

        assertThat(name).isNotEmpty().doesNotEndWith(".").doesNotEndWith(" ");
        assertThat(DEVICE.matcher(name).matches()).as(name).isFalse();
        assertThat(name.chars()).noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    @Property(tries = 2000)
    void theHeaderHasAnAsciiFallbackAndTheRealNameEncoded(@ForAll("names") String anything) {
        String header = Attachments.header(anything);

        Matcher parts = HEADER.matcher(header);
        assertThat(parts.matches()).as(header).isTrue();
        String fallback = parts.group(1);
        assertThat(fallback).isNotEmpty().matches("[\\x20-\\x7e]+").doesNotContain("\"", "\\", "%").doesNotEndWith(".").doesNotEndWith(" ");
        assertThat(DEVICE.matcher(fallback).matches()).as(fallback).isFalse();
        assertThat(parts.group(2)).matches("[A-Za-z0-9!#$&+.^_`|~%-]+");
        assertThat(URLDecoder.decode(parts.group(2).replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(Attachments.fileName(anything));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> hostile = Arbitraries.strings().withChars(HOSTILE.toCharArray()).ofMaxLength(12);
        Arbitrary<String> devices = Arbitraries.of("CON", "prn", "Aux", "nul", "COM1", "com9", "LPT1", "lpt9", "COM\u00b9")
                .flatMap(d -> Arbitraries.of("", ".txt", ".pdf", ".tar.gz", " .txt", ".", " . ").map(e -> d + e));
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(100), hostile, devices);
    }

    @Example
    void examples() {
        assertThat(Attachments.fileName("NUL.txt")).isEqualTo("_NUL.txt");
        assertThat(Attachments.fileName("lpt9.pdf")).isEqualTo("_lpt9.pdf");
        assertThat(Attachments.fileName("CON")).isEqualTo("_CON");
        assertThat(Attachments.fileName("report. .")).isEqualTo("report");
        assertThat(Attachments.fileName("CONTRACT.pdf")).isEqualTo("CONTRACT.pdf");
        assertThat(Attachments.fileName("Zoë’s report.pdf")).isEqualTo("Zoë’s report.pdf");
        assertThat(Attachments.header("Zoë’s report.pdf"))
                .isEqualTo("attachment; filename=\"Zoe_s report.pdf\"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20report.pdf");
    }
}
