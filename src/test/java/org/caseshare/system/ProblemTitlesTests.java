package org.caseshare.system;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem's title is in the caller's language; its type, which clients switch on, never is. */
class ProblemTitlesTests {

    @Test
    void everyKindHasItsTitleInBothLanguagesAndTheEnglishIsTodays() {
        for (ProblemTypes.Kind kind : ProblemTypes.ALL) {
            assertThat(kind.title(Languages.ENGLISH)).as(kind.name()).isEqualTo(kind.title());
            assertThat(kind.title(Languages.WELSH)).as(kind.name()).isNotBlank().isNotEqualTo(kind.title());
        }
    }

    @Test
    void anEnglishTitleIsLeftExactlyAsWritten() {
        ProblemDetail spring = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        spring.setTitle("Not Found");
        ProblemTypes.titleIn(spring, Languages.ENGLISH);
        assertThat(spring.getTitle()).isEqualTo("Not Found");
    }

    @Test
    void aWelshTitleFollowsTheEnglishTitleElseTheType() {
        ProblemDetail ours = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        ours.setTitle("Not allowed now");
        ProblemTypes.typeByStatus(ours);
        ProblemTypes.titleIn(ours, Languages.WELSH);
        assertThat(ours.getTitle()).isEqualTo("Ddim yn cael ei ganiatáu nawr");
        assertThat(ours.getType()).isEqualTo(URI.create("https://caseshare.org/problems/conflict"));

        ProblemDetail spring = ProblemDetail.forStatus(HttpStatus.METHOD_NOT_ALLOWED);
        spring.setTitle("Method Not Allowed");
        ProblemTypes.titleIn(spring, Languages.WELSH);
        assertThat(spring.getTitle()).isEqualTo("Dull heb ei ganiatáu");

        ProblemDetail untitled = ProblemDetail.forStatus(HttpStatus.GONE);
        ProblemTypes.typeByStatus(untitled);
        untitled.setTitle("Something only this handler says");
        ProblemTypes.titleIn(untitled, Languages.WELSH);
        assertThat(untitled.getTitle()).isEqualTo("Ddim ar gael mwyach");
    }
}
