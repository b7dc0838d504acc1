package org.caseshare.system;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem detail the API answers with carries the request id ({@code requestId}), for the caller
 * to quote, and a stable type ({@link ProblemTypes}): one left as {@code about:blank} is typed by its status.
 * Its title is put into the caller's language ({@code Accept-Language}); the type stays as it is.
 */
@ControllerAdvice
class ProblemRequestIds implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail typed) {
            ProblemTypes.typeByStatus(typed);
            ProblemTypes.titleIn(typed, LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem && RequestIds.current() != null
                && (problem.getProperties() == null || !problem.getProperties().containsKey(RequestIds.ATTRIBUTE))) {
            problem.setProperty(RequestIds.ATTRIBUTE, RequestIds.current());
        }
        return body;
    }
}
