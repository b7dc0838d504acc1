package org.caseshare.system;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of error the API answers with, each a stable problem {@code type} (RFC 9457 §3.1.1) that
 * clients may switch on. Every problem the API writes has one of these types: a handler names its
 * own, and any left as {@code about:blank} gets the type of its status ({@link #forStatus}). The
 * OpenAPI document lists them all (components/schemas/Problem), and the tests check every problem
 * they meet against that list.
 *
 * <p>A problem's {@code title} is read by people, so it is in the caller's language
 * ({@code Accept-Language}, English by default): the catalogue {@code i18n/problems*.properties} holds
 * each kind's title as {@code problems.<name>.title}, the English exactly {@link Kind#title()}. The
 * {@code type} never changes with the language: clients switch on it.
 */
public final class ProblemTypes {

    /** One kind of error: its type URI, the status it comes with, its English title, and what it means. */
    public record Kind(String name, int status, String title, String meaning) {
        public URI type() {
            return URI.create(BASE + name);
        }

        /** The catalogue code of its title. */
        public String titleCode() {
            return "problems." + name + ".title";
        }

        /** Its title in the given language. */
        public String title(Locale language) {
            return Catalogue.text(language, titleCode());
        }
    }

    static final String BASE = "https://caseshare.org/problems/";

    public static final Kind BAD_REQUEST = new Kind("bad-request", 400, "Bad request",
            "The request could not be read: malformed JSON, a missing or unreadable parameter.");
    public static final Kind UNAUTHORIZED = new Kind("unauthorized", 401, "Unauthorized",
            "No valid personal access token was presented, or it has expired.");
    public static final Kind FORBIDDEN = new Kind("forbidden", 403, "Forbidden", "The caller's roles do not allow this.");
    public static final Kind NOT_FOUND = new Kind("not-found", 404, "Not found",
            "Nothing at this address, or it belongs to another organisation (which is never told apart).");
    public static final Kind METHOD_NOT_ALLOWED = new Kind("method-not-allowed", 405, "Method not allowed",
            "The address does not take this method.");
    public static final Kind NOT_ACCEPTABLE = new Kind("not-acceptable", 406, "Not acceptable", "The API answers in JSON only.");
    public static final Kind CONFLICT = new Kind("conflict", 409, "Conflict", "The object's state does not allow this now.");
    public static final Kind STALE_RECORD = new Kind("stale-record", 409, "Changed by someone else",
            "The version given (If-Match or the body's version) is not the record's current one: read it again.");
    public static final Kind NOT_ALLOWED_NOW = new Kind("not-allowed-now", 409, "Not allowed now",
            "The record's lifecycle or policy does not allow this step yet; the detail says what is missing.");
    public static final Kind GONE = new Kind("gone", 410, "Gone",
            "No longer available: expired, revoked or its download limit reached.");
    public static final Kind FILE_DAMAGED = new Kind("file-damaged", 410, "File damaged",
            "A hub file's stored bytes failed authentication; the sender has been told to send it again.");
    public static final Kind PRECONDITION_FAILED = new Kind("precondition-failed", 412, "Precondition failed",
            "A precondition header did not hold.");
    public static final Kind TOO_LARGE = new Kind("too-large", 413, "Too large", "The body is larger than this address takes.");
    public static final Kind UNSUPPORTED_MEDIA_TYPE = new Kind("unsupported-media-type", 415, "Unsupported media type",
            "The body is not in a type this address reads.");
    public static final Kind INVALID_REQUEST = new Kind("invalid-request", 422, "Invalid request",
            "Well-formed but breaks a rule; 'errors' maps each field to a message to show.");
    public static final Kind TOO_MANY_REQUESTS = new Kind("too-many-requests", 429, "Too many requests",
            "Slow down: Retry-After says when to try again.");
    public static final Kind INTERNAL_ERROR = new Kind("internal-error", 500, "Internal error",
            "Something went wrong on the server; nothing was changed. Quote the requestId.");
    public static final Kind UNAVAILABLE = new Kind("unavailable", 503, "Unavailable",
            "A service this needs is not answering; try again later.");

    public static final List<Kind> ALL = List.of(BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED,
            NOT_ACCEPTABLE, CONFLICT, STALE_RECORD, NOT_ALLOWED_NOW, GONE, FILE_DAMAGED, PRECONDITION_FAILED, TOO_LARGE,
            UNSUPPORTED_MEDIA_TYPE, INVALID_REQUEST, TOO_MANY_REQUESTS, INTERNAL_ERROR, UNAVAILABLE);

    private ProblemTypes() {
    }

    /** The general kind for a status, for problems whose handler named none. */
    public static Kind forStatus(int status) {
        for (Kind kind : ALL) {
            if (kind.status() == status) {
                return kind; // the first of each status is its general kind
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }

    /**
     * One of the fixed sentences a problem's detail gives ({@code problems.detail.<name>}), in the
     * given language: the caller's, chosen as for the title; English when none is known.
     */
    public static String detail(Locale language, String name, Object... args) {
        return Catalogue.text(language == null ? Languages.ENGLISH : language, "problems.detail." + name, args);
    }

    /** The same, in the language of the request being served (its Accept-Language, for the API). */
    static String detail(String name, Object... args) {
        return detail(org.springframework.context.i18n.LocaleContextHolder.getLocale(), name, args);
    }

    /** A problem of this kind with its type and title set. */
    public static ProblemDetail problem(Kind kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatusCode.valueOf(kind.status()), detail);
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        return problem;
    }

    /**
     * Puts a problem's title into the caller's language. English titles are left exactly as their
     * handler wrote them; in another language the title is the catalogue's for the kind whose English
     * title it is (Spring's own, such as "Not Found", count too), or else for the kind its type names.
     */
    static void titleIn(ProblemDetail problem, Locale language) {
        if (language == null || Languages.ENGLISH.getLanguage().equals(language.getLanguage())) {
            return;
        }
        byTitle(problem.getTitle(), problem.getStatus()).or(() -> byType(problem.getType()))
                .ifPresent(kind -> problem.setTitle(kind.title(language)));
    }

    private static Optional<Kind> byTitle(String title, int status) {
        if (title == null) {
            return Optional.empty();
        }
        Optional<Kind> ours = ALL.stream().filter(kind -> kind.title().equalsIgnoreCase(title)).findFirst();
        if (ours.isPresent()) {
            return ours;
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known != null && known.getReasonPhrase().equalsIgnoreCase(title) ? Optional.of(forStatus(status)) : Optional.empty();
    }

    private static Optional<Kind> byType(URI type) {
        return type == null ? Optional.empty() : ALL.stream().filter(kind -> kind.type().equals(type)).findFirst();
    }

    /** Gives a problem still typed {@code about:blank} the general type of its status. */
    static void typeByStatus(ProblemDetail problem) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(forStatus(problem.getStatus()).type());
        }
    }
}
