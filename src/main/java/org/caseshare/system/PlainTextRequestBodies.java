package org.caseshare.system;

import java.lang.reflect.Type;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Applies {@link PlainText} to every API request body that is a record, once it is read and before
 * the controller sees it: a control or text-direction character in any field is a 422 problem naming
 * the field, the character and where it is, and nothing is written. What passes is put in NFC.
 */
@ControllerAdvice(annotations = RestController.class)
class PlainTextRequestBodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType instanceof Class<?> type && type.isRecord();
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        Map<String, String> errors = PlainText.check((Record) body);
        if (!errors.isEmpty()) {
            throw new ApiValidationException(errors);
        }
        return PlainText.composed((Record) body); // stored in NFC, so a name matches however it was typed
    }
}
