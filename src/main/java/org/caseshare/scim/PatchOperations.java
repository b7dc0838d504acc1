package org.caseshare.scim;

import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Applies a PATCH's operations to a draft. Attributes Caseshare keeps are changed; attributes it
 * does not keep (Entra ID sends title, department, the enterprise extension…) are accepted and
 * ignored, since refusing them would stop the provider's whole cycle for a field we never show.
 */
final class PatchOperations {

    private PatchOperations() {
    }

    static UserDraft apply(UserDraft current, ScimPatch patch) {
        if (patch == null || patch.operations() == null || patch.operations().isEmpty()) {
            throw ScimException.invalidSyntax("A PATCH needs at least one operation in Operations.");
        }
        UserDraft draft = current.copy();
        for (ScimPatch.Operation operation : patch.operations()) {
            if (operation == null || operation.op() == null) {
                throw ScimException.invalidSyntax("Each operation needs an op.");
            }
            String op = operation.op().strip().toLowerCase(Locale.ROOT);
            switch (op) {
                case "add", "replace" -> set(draft, operation.path(), operation.value());
                case "remove" -> remove(draft, operation.path());
                default -> throw ScimException.invalidSyntax("The op must be add, replace or remove.");
            }
        }
        return draft;
    }

    private static void set(UserDraft draft, String path, JsonNode value) {
        if (value == null || value.isMissingNode()) {
            throw ScimException.invalidSyntax("An add or replace operation needs a value.");
        }
        if (path == null || path.isBlank()) {
            if (!value.isObject()) {
                throw ScimException.invalidSyntax("Without a path, the value must be an object of attributes.");
            }
            for (Map.Entry<String, JsonNode> attribute : value.properties()) {
                set(draft, attribute.getKey(), attribute.getValue());
            }
            return;
        }
        switch (normalise(path)) {
            case "active" -> draft.active = bool(value);
            case "username" -> draft.userName = text(value, "userName");
            case "displayname" -> draft.displayName = text(value, "displayName");
            case "externalid" -> draft.externalId = text(value, "externalId");
            case "name.givenname" -> draft.givenName = text(value, "name.givenName");
            case "name.familyname" -> draft.familyName = text(value, "name.familyName");
            case "name.formatted" -> draft.formatted = text(value, "name.formatted");
            case "name" -> {
                requireObject(value, "name");
                for (Map.Entry<String, JsonNode> part : value.properties()) {
                    set(draft, "name." + part.getKey(), part.getValue());
                }
            }
            case "emails[type eq \"work\"].value" -> draft.workEmail = text(value, "emails");
            case "emails" -> draft.workEmail = workEmail(value, draft.workEmail);
            default -> {
                // Not kept by Caseshare: accepted and ignored (see the class comment).
            }
        }
    }

    private static void remove(UserDraft draft, String path) {
        if (path == null || path.isBlank()) {
            throw new ScimException(400, "noTarget", "A remove operation needs a path.");
        }
        switch (normalise(path)) {
            case "externalid" -> draft.externalId = null;
            case "name.givenname" -> draft.givenName = null;
            case "name.familyname" -> draft.familyName = null;
            case "name.formatted" -> draft.formatted = null;
            case "name" -> {
                draft.givenName = null;
                draft.familyName = null;
                draft.formatted = null;
            }
            case "username", "active" -> throw new ScimException(400, "mutability", "The attribute " + path + " cannot be removed.");
            default -> {
                // Not kept by Caseshare: nothing to remove.
            }
        }
    }

    /** Paths compare case-insensitively; the core schema's URN prefix may be written out or not. */
    private static String normalise(String path) {
        String lower = path.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String prefix = ScimUser.SCHEMA.toLowerCase(Locale.ROOT) + ":";
        return lower.startsWith(prefix) ? lower.substring(prefix.length()) : lower;
    }

    /** A boolean, or the strings "True" and "False" in any case, as Entra ID sends them. */
    static boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString()) {
            String text = value.asString().strip();
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw ScimException.invalidValue("active must be true or false.");
    }

    private static String text(JsonNode value, String attribute) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ScimException.invalidValue(attribute + " must be a string.");
        }
        return value.asString();
    }

    private static void requireObject(JsonNode value, String attribute) {
        if (!value.isObject()) {
            throw ScimException.invalidValue(attribute + " must be an object.");
        }
    }

    private static String workEmail(JsonNode value, String current) {
        if (!value.isArray()) {
            throw ScimException.invalidValue("emails must be a list.");
        }
        String first = null;
        for (JsonNode email : value) {
            JsonNode address = email.get("value");
            if (address == null || !address.isString()) {
                continue;
            }
            JsonNode type = email.get("type");
            if (type != null && type.isString() && type.asString().equalsIgnoreCase("work")) {
                return address.asString();
            }
            first = first == null ? address.asString() : first;
        }
        return first == null ? current : first;
    }
}
