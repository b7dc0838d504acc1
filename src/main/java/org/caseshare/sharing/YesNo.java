package org.caseshare.sharing;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * A yes/no answer given as JSON true/false or as the form's words: the API has always taken both
 * ({@code "consentSought": false} and {@code "consentSought": "no"}), and the form's reader takes words.
 */
class YesNo extends StdDeserializer<String> {

    YesNo() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return "yes";
        }
        if (token == JsonToken.VALUE_FALSE) {
            return "no";
        }
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
