package org.caseshare.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The API's errors that happen before any controller is chosen: no such path (404), a method the
 * path does not take (405), a type it cannot answer in (406) or read (415). {@link ApiProblemHandler}
 * only advises the API's controllers, and here there is none yet, so this advice sees every request
 * and answers only those under {@code /api/}; pages' errors go on to the error pages as before.
 *
 * <p>The answer is always {@code application/problem+json}, even to a client that asked for HTML or
 * XML: the status says what was wrong, the body explains it in the one format the API speaks.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingProblems {

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request, Exception e) throws Exception {
        return problem(request, e, HttpStatus.NOT_FOUND, "Not found", ProblemTypes.detail("not-found"), new HttpHeaders());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpServletRequest request, HttpRequestMethodNotSupportedException e) throws Exception {
        return problem(request, e, e.getStatusCode(), "Method not allowed", ProblemTypes.detail("method-not-allowed", e.getMethod()), e.getHeaders());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpServletRequest request, HttpMediaTypeNotAcceptableException e) throws Exception {
        return problem(request, e, e.getStatusCode(), "Not acceptable", ProblemTypes.detail("not-acceptable"), new HttpHeaders());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpServletRequest request, HttpMediaTypeNotSupportedException e) throws Exception {
        return problem(request, e, e.getStatusCode(), "Unsupported media type", ProblemTypes.detail("unsupported-media-type"), e.getHeaders());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, Exception e, HttpStatusCode status, String title,
            String detail, HttpHeaders headers) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // Not the API's: rethrown, Spring's default handling (and the error pages) take over.
            throw e;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
