package org.caseshare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The search fold: accents and case never matter, how a name was typed never matters, and it is stable. */
class FoldingProperties {

    @Example
    void namesAreFoundWithoutTheirAccents() {
        assertThat(Folding.fold("Siân Llŷr")).isEqualTo(Folding.fold("Sian Llyr")).isEqualTo("sian llyr");
        assertThat(Folding.fold("Łukasz Żółć")).isEqualTo("lukasz zolc");
        assertThat(Folding.fold("Ștefan Țăranu")).isEqualTo("stefan taranu");
        assertThat(Folding.fold("Nguyễn Thị Minh Khai")).isEqualTo("nguyen thi minh khai");
        assertThat(Folding.fold("Søren Æbelø Straße Đorđe")).isEqualTo("soren aebelo strasse dorde");
        assertThat(Folding.fold("Γιώργος")).isEqualTo(Folding.fold("ΓΙΩΡΓΟΣ")).isEqualTo("γιωργοσ");
        assertThat(Folding.fold("مُحَمَّد")).isEqualTo("محمد");
        assertThat(Folding.fold("अनीता शर्मा")).as("Indic vowel signs are letters, kept").isEqualTo("अनीता शर्मा");
        assertThat(Folding.fold("  ")).isNull();
        assertThat(Folding.fold("\u0301\u0308")).as("marks alone fold to nothing").isNull();
    }

    @Property(tries = 1000)
    void composedAndDecomposedTextFoldAlike(@ForAll("names") String name) {
        assertThat(Folding.fold(Normalizer.normalize(name, Normalizer.Form.NFD)))
                .isEqualTo(Folding.fold(Normalizer.normalize(name, Normalizer.Form.NFC)));
    }

    @Property(tries = 1000)
    void foldingIsIdempotentAndLeavesNoAccentOrCapital(@ForAll("names") String name) {
        String folded = Folding.fold(name);
        if (folded == null) {
            assertThat(name.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.ENCLOSING_MARK))
                    .as("only blank text or marks alone fold to nothing: %s", name).isTrue();
            return;
        }
        assertThat(Folding.fold(folded)).isEqualTo(folded);
        assertThat(Normalizer.normalize(folded, Normalizer.Form.NFD).codePoints()).noneMatch(c -> c >= 0x0300 && c <= 0x036F);
        assertThat(folded).isEqualTo(folded.strip()).doesNotContain("  ");
    }

    @Provide
    Arbitrary<String> names() {
        String letters = "aeiouAEIOUâŵŷÂŴŶłŁżŻóÓćĆșȘțȚăĂễỄịỊđĐøØßæÆœŒγΓώΏςσΣдДйЙمحد\u0301\u0308\u0323 ";
        return Arbitraries.oneOf(Arbitraries.strings().withChars(letters.toCharArray()).ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40));
    }
}
