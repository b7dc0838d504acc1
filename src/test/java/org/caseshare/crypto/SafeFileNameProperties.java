package org.caseshare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a name was, the sanitised one is safe, short, not empty and stable. */
class SafeFileNameProperties {

    private static final String HOSTILE = "/\\:*?\"<>|.. \t\n\r\u0000\u001b\u007f\u0085\u200b\u200e\u200f\u202a\u202b\u202c"
            + "\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u2215\u2044\uff0f\u00eb\u015c\ud83d\ude00";

    @Property(tries = 3000)
    void sanitisedNamesAreSafe(@ForAll("names") String anything) {
        String name = SafeFileName.sanitise(anything).value();

        assertThat(name).isNotEmpty().hasSizeLessThanOrEqualTo(SafeFileName.MAX_LENGTH);
        assertThat(name).matches("[A-Za-z0-9._-]+").doesNotContain("..").doesNotStartWith(".");
        assertThat(name.chars()).noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT);
    }

    @Property(tries = 1000)
    void sanitisingIsStable(@ForAll("names") String anything) {
        SafeFileName once = SafeFileName.sanitise(anything);
        assertThat(SafeFileName.sanitise(once.value())).isEqualTo(once);
    }

    @Property(tries = 1000)
    void windowsDeviceNamesInAnyCaseWithAnyExtensionAreRenamed(@ForAll("devices") String device) {
        String name = SafeFileName.sanitise(device).value();

        String base = (name.contains(".") ? name.substring(0, name.indexOf('.')) : name).toLowerCase(java.util.Locale.ROOT);
        assertThat(base).as(name).doesNotMatch("con|prn|aux|nul|com[0-9]|lpt[0-9]");
    }

    @Property(tries = 1000)
    void namesNeverEndInADotOrASpace(@ForAll("names") String anything, @ForAll("dotsAndSpaces") String tail) {
        String name = SafeFileName.sanitise(anything + tail).value();

        assertThat(name).doesNotEndWith(".").doesNotEndWith(" ");
    }

    @Provide
    Arbitrary<String> devices() {
        Arbitrary<String> device = Arbitraries.of("con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9", "com\u00b9", "lpt\u00b3")
                .flatMap(d -> Arbitraries.integers().between(0, (1 << d.length()) - 1).map(caps -> mixedCase(d, caps)));
        return Arbitraries.strings().withChars(". -_").ofMaxLength(3).flatMap(gap -> device.flatMap(d ->
                Arbitraries.of("", ".txt", ".pdf", ".tar.gz", ".").map(extension -> d + gap + extension)));
    }

    @Provide
    Arbitrary<String> dotsAndSpaces() {
        return Arbitraries.strings().withChars(". ").ofMinLength(1).ofMaxLength(5);
    }

    private static String mixedCase(String name, int caps) {
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            mixed.append((caps & (1 << i)) != 0 ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> hostile = Arbitraries.strings().withChars(HOSTILE.toCharArray()).withChars('a', 'z').ofMaxLength(300);
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300), hostile, Arbitraries.strings().ascii());
    }

    @Example
    void keepsWhatItSafelyCan() {
        assertThat(SafeFileName.sanitise("Referral summary 2026-0042.pdf").value()).isEqualTo("Referral-summary-2026-0042.pdf");
        assertThat(SafeFileName.sanitise("../../etc/passwd").value()).isEqualTo("etc-passwd");
        assertThat(SafeFileName.sanitise("C:\\Users\\x\\notes.txt").value()).isEqualTo("C-Users-x-notes.txt");
        assertThat(SafeFileName.sanitise("Zo\u00eb \u015c").value()).isEqualTo("Zoe-S");
        assertThat(SafeFileName.sanitise("invoice\u202Efdp.exe").value()).isEqualTo("invoice-fdp.exe");
        assertThat(SafeFileName.sanitise(".hidden").value()).isEqualTo("hidden");
        assertThat(SafeFileName.sanitise("CON.txt").value()).isEqualTo("file-CON.txt");
        assertThat(SafeFileName.sanitise("\ud83d\ude00").value()).isEqualTo("document");
        assertThat(SafeFileName.sanitise(null).value()).isEqualTo("document");
    }

    @Example
    void longNamesKeepTheirExtension() {
        String name = SafeFileName.sanitise("a".repeat(200) + ".pdf").value();
        assertThat(name).hasSize(SafeFileName.MAX_LENGTH).endsWith("aaa.pdf");
    }

    @Example
    void theConstructorRefusesWhatSanitiseWouldChange() {
        for (String unsafe : new String[] {"", "a/b", "..", ".x", "a..b", "x\u202E", "nul", "Zo\u00eb", "a".repeat(65), "a-"}) {
            assertThatThrownBy(() -> new SafeFileName(unsafe)).as(unsafe).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
