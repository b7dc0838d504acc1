package org.caseshare.system;

import java.util.Map;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** Boot's error answers (the error pages' model and the JSON for other clients) name the request id to quote. */
@Component
class RequestIdErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        if (request.getAttribute(RequestIds.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof String id) {
            attributes.put(RequestIds.ATTRIBUTE, id);
        }
        return attributes;
    }
}
