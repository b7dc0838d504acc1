package org.caseshare.system;

import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads {@link StrictBody} records: while one is being read, a field of the wrong type is noted
 * (with its message) and read as null, so every such field is reported at once; after reading, the
 * notes and the record's Bean Validation messages make one 422 problem. The notes live in a request
 * attribute, so nothing outlives the request and other JSON reading is untouched.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // answers a body that is not an object before other advice looks into it
public class StrictBodies extends RequestBodyAdviceAdapter {

    static final String NOTES = StrictBodies.class.getName() + ".notes";
    static final String WRONG_TYPES = StrictBodies.class.getName() + ".wrongTypes";

    private final Validator validator;

    StrictBodies(Validator validator) {
        this.validator = validator;
    }

    /** Registered with Boot's JSON mapper: strict text, and problems noted rather than thrown, only while notes are open. */
    @Bean
    static SimpleModule strictBodiesModule() {
        SimpleModule module = new SimpleModule("caseshare-strict-bodies") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addHandler(new NotingHandler());
            }
        };
        module.addDeserializer(String.class, new StrictText());
        return module;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getParameterType().isAnnotationPresent(StrictBody.class);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(NOTES, new Notes(parameter.getParameterType()), RequestAttributes.SCOPE_REQUEST);
        }
        return input;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        Notes notes = close();
        if (notes == null || notes.errors.isEmpty()) {
            return body;
        }
        if (notes.notAnObject) {
            throw new ApiValidationException("Send a JSON object");
        }
        if (parameter.getParameterType().getAnnotation(StrictBody.class).controllerReports()) {
            RequestContextHolder.currentRequestAttributes().setAttribute(WRONG_TYPES, Map.copyOf(notes.errors),
                    RequestAttributes.SCOPE_REQUEST);
            return body;
        }
        Map<String, String> errors = new LinkedHashMap<>(notes.errors);
        if (body != null) {
            Set<ConstraintViolation<Object>> violations = validator.validate(body);
            for (ConstraintViolation<Object> violation : violations) {
                String field = violation.getPropertyPath().iterator().next().getName();
                errors.putIfAbsent(field, violation.getMessage());
            }
        }
        throw new ApiValidationException(errors);
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        close();
        return body;
    }

    /**
     * For a controller that reports its body's problems itself ({@link StrictBody#controllerReports()}):
     * the wrong-typed fields of this request's body, by JSON name, in the order they came.
     */
    public static Map<String, String> wrongTypes() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        @SuppressWarnings("unchecked")
        Map<String, String> found = request == null ? null : (Map<String, String>) request.getAttribute(WRONG_TYPES, RequestAttributes.SCOPE_REQUEST);
        return found == null ? Map.of() : found;
    }

    private static Notes close() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Notes notes = (Notes) request.getAttribute(NOTES, RequestAttributes.SCOPE_REQUEST);
        request.removeAttribute(NOTES, RequestAttributes.SCOPE_REQUEST);
        return notes;
    }

    static Notes open() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (Notes) request.getAttribute(NOTES, RequestAttributes.SCOPE_REQUEST);
    }

    /** The wrong-typed fields of one body, by top-level JSON name. */
    static final class Notes {
        private final Class<?> record;
        private final Map<String, String> errors = new LinkedHashMap<>();
        private boolean notAnObject;

        Notes(Class<?> record) {
            this.record = record;
        }

        /** Notes the field the parser is at; {@code opened} when the parser has just entered an array or object. */
        void wrongType(JsonParser parser, boolean opened, Class<?> expected) {
            TokenStreamContext context = parser.streamReadContext();
            if (opened && context.getParent() != null) {
                context = context.getParent();
            }
            String path = context.pathAsPointer().toString();
            if (path.isEmpty() || path.equals("/")) {
                notAnObject = true;
                errors.putIfAbsent("", "Send a JSON object");
                return;
            }
            String[] segments = path.substring(1).split("/");
            String field = segments[0];
            String leaf = field;
            for (String segment : segments) {
                if (!segment.chars().allMatch(Character::isDigit)) {
                    leaf = segment;
                }
            }
            errors.putIfAbsent(field, segments.length == 1 ? message(field, expected) : general(leaf, expected));
        }

        private String message(String field, Class<?> expected) {
            if (record.isRecord()) {
                for (var component : record.getRecordComponents()) {
                    StrictBody.WrongType wrong = component.getAnnotation(StrictBody.WrongType.class);
                    if (component.getName().equals(field) && wrong != null) {
                        return wrong.value();
                    }
                }
            }
            return general(field, expected);
        }

        private static String general(String field, Class<?> expected) {
            if (expected == Boolean.class || expected == boolean.class) {
                return "Give " + field + " as true or false";
            }
            if (Number.class.isAssignableFrom(expected) || expected == int.class || expected == long.class) {
                return "Give " + field + " as a whole number";
            }
            if (Collection.class.isAssignableFrom(expected) || expected.isArray()) {
                return "Give " + field + " as a list";
            }
            if (expected == String.class || expected.isEnum()) {
                return "Give " + field + " as text";
            }
            return "Give " + field + " as an object";
        }
    }

    /** Text is text: a number, true/false, list or object where words belong is noted, not converted. */
    static final class StrictText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            Notes notes = open();
            JsonToken token = parser.currentToken();
            if (notes == null || token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL) {
                return super.deserialize(parser, context);
            }
            boolean opened = token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT;
            notes.wrongType(parser, opened, String.class);
            if (opened) {
                parser.skipChildren();
            }
            return null;
        }
    }

    /** Any other mismatch (words for a number, text for a list, a list for a record) is noted and read as null. */
    static final class NotingHandler extends DeserializationProblemHandler {
        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token, JsonParser parser,
                String failure) {
            Notes notes = open();
            if (notes == null) {
                return NOT_HANDLED;
            }
            boolean opened = token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT;
            notes.wrongType(parser, opened, targetType.getRawClass());
            if (opened) {
                parser.skipChildren();
            }
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value, String failure) {
            Notes notes = open();
            if (notes == null) {
                return NOT_HANDLED;
            }
            notes.wrongType(context.getParser(), false, targetType);
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value, String failure) {
            Notes notes = open();
            if (notes == null) {
                return NOT_HANDLED;
            }
            notes.wrongType(context.getParser(), false, targetType);
            return null;
        }
    }
}
