package org.caseshare.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form that posts carries the CSRF token. Thymeleaf adds it only to forms written with
 * {@code th:action}; a plain {@code action} needs the hidden field by hand. Tests through MockMvc add
 * a token themselves, so a form without one passes them and fails every real browser with 403 (the
 * retention page did, until its browser test).
 */
class FormsCarryCsrfTokenTests {

    private static final Pattern POST_FORM = Pattern.compile("<form[^>]*method=\"post\"[^>]*>", Pattern.CASE_INSENSITIVE);

    @Test
    void everyPostedFormHasTheToken() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template);
                Matcher form = POST_FORM.matcher(html);
                while (form.find()) {
                    int end = html.indexOf("</form>", form.end());
                    String body = html.substring(form.end(), end < 0 ? html.length() : end);
                    if (!form.group().contains("th:action") && !body.contains("_csrf")) {
                        missing.add(template + " line " + (html.substring(0, form.start()).split("\n", -1).length));
                    }
                }
            }
        }
        assertThat(missing).as("forms that post without a CSRF token").isEmpty();
    }
}
