package org.caseshare.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API described as OpenAPI 3.1 (springdoc: {@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui/index.html}, both for signed-in people). What the code cannot say by itself is
 * added here: the bearer-token scheme, who may call each operation ({@link Callers}), and the
 * problem details every operation may answer with, whose types ({@link ProblemTypes}) are listed so
 * clients can rely on them. The committed copy, docs/api/openapi.json, is checked against this.
 */
@Configuration
class ApiDocumentation {

    static final String BEARER = "personalAccessToken";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String CALLERS = "x-caseshare-callers";

    /** The errors every operation may answer with; an operation's own are added by its controller. */
    private static final Map<String, ProblemTypes.Kind> COMMON = new LinkedHashMap<>();

    static {
        // Whoever acts is resolved from the token, never a parameter the caller sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        COMMON.put("400", ProblemTypes.BAD_REQUEST);
        COMMON.put("401", ProblemTypes.UNAUTHORIZED);
        COMMON.put("403", ProblemTypes.FORBIDDEN);
        COMMON.put("404", ProblemTypes.NOT_FOUND);
        COMMON.put("422", ProblemTypes.INVALID_REQUEST);
        COMMON.put("500", ProblemTypes.INTERNAL_ERROR);
    }

    @Bean
    OpenAPI caseshareApi() {
        return new OpenAPI()
                .info(new Info().title("Caseshare API").version("1")
                        .description("""
                                JSON under /api/v1 for scripts and partner systems: the sharing register, the policy's \
                                advice, the secure hub, custody, incidents, the directory and the audit trail's proofs.

                                Authenticate with a personal access token (create one on "Your account"; an organisation \
                                admin lists and revokes their members' tokens): `Authorization: Bearer cs_pat_…`. A token \
                                acts as its owner, with the owner's roles, in the owner's organisation only: another \
                                organisation's objects answer 404.

                                Errors are RFC 9457 problem details (`application/problem+json`) whose `type` is one of \
                                those listed in the Problem schema; `requestId` is the reference to quote.""")
                        .license(new License().name("MIT").identifier("MIT")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("cs_pat_…")
                                .description("A personal access token, shown once when made on \"Your account\"; it expires "
                                        + "(90 days by default, at most a year) and can be revoked. Example: "
                                        + "`Authorization: Bearer cs_pat_3q2-7wLx…`."))
                )
                // Relative, so the document is the same on every installation (and the committed copy matches).
                .servers(List.of(new Server().url("/").description("This installation")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Who may call, from {@link Callers} on the method or its class; and names that stay put: the
     * operation id is the controller's name and the method's ({@code sharingCancel}), not springdoc's
     * {@code cancel_3}, which would change as controllers come and go and break generated clients.
     */
    @Bean
    OperationCustomizer callers() {
        return (operation, handler) -> {
            String area = handler.getBeanType().getSimpleName().replace("ApiController", "").replace("Controller", "");
            operation.setOperationId(Character.toLowerCase(area.charAt(0)) + area.substring(1)
                    + Character.toUpperCase(handler.getMethod().getName().charAt(0)) + handler.getMethod().getName().substring(1));
            operation.setTags(List.of(area));
            Callers callers = handler.getMethodAnnotation(Callers.class);
            if (callers == null) {
                callers = handler.getBeanType().getAnnotation(Callers.class);
            }
            if (callers != null) {
                operation.addExtension(CALLERS, callers.value());
                String who = "Who may call: " + callers.value() + ".";
                operation.setDescription(operation.getDescription() == null ? who : who + "\n\n" + operation.getDescription());
            }
            return operation;
        };
    }

    /** Every operation documents the problems it may answer with, as the Problem schema. */
    @Bean
    OpenApiCustomizer problems() {
        return api -> {
            // Added here, not with the other components: springdoc drops schemas nothing refers to before customizers run.
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((name, path) -> {
                // FHIR answers its errors as OperationOutcome resources, its own standard, not problem details.
                if (!name.startsWith("/api/v1/fhir/")) {
                    path.readOperations().forEach(ApiDocumentation::documentProblems);
                }
            });
        };
    }

    private static void documentProblems(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        COMMON.forEach((status, kind) -> {
            ApiResponse existing = responses.get(status);
            if (existing == null) {
                responses.addApiResponse(status, problemResponse(kind.title()));
            } else if (existing.getContent() == null || existing.getContent().isEmpty()
                    || existing.getContent().containsKey("*/*")) {
                // A controller's @ExceptionHandler gives springdoc the status but not the format.
                responses.addApiResponse(status, problemResponse(existing.getDescription() == null ? kind.title() : existing.getDescription()));
            }
        });
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getContent() == null || response.getContent().containsKey("*/*")) {
                    responses.addApiResponse(status, problemResponse(response.getDescription()));
                }
            }
        });
        operation.setResponses(responses);
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description == null ? "Problem" : description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** RFC 9457's members, with {@code type} limited to the kinds this API uses, each explained. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        List<String> types = new ArrayList<>();
        StringBuilder meanings = new StringBuilder("The kind of error; one of these, stable across versions:\n");
        for (ProblemTypes.Kind kind : ProblemTypes.ALL) {
            types.add(kind.type().toString());
            meanings.append("\n- `").append(kind.type()).append("` (").append(kind.status()).append("): ").append(kind.meaning());
        }
        StringSchema type = new StringSchema();
        type.setFormat("uri");
        type.setEnum(types);
        type.setDescription(meanings.toString());
        Schema errors = new ObjectSchema().additionalProperties(new StringSchema())
                .description("422 only: each field (JSON name, or a header such as If-Match) with the message to show for it.");
        Schema<?> problem = new ObjectSchema()
                .addProperty("type", type)
                .addProperty("title", new StringSchema().description("Short summary of the kind of error."))
                .addProperty("status", new IntegerSchema().description("The HTTP status code."))
                .addProperty("detail", new StringSchema().description("What went wrong with this request, for people."))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("requestId", new StringSchema().description("This request's id: quote it when reporting a problem."))
                .addProperty("errors", errors);
        problem.setRequired(List.of("type", "title", "status"));
        problem.setDescription("An RFC 9457 problem detail.");
        problem.setExample(Map.of("type", ProblemTypes.INVALID_REQUEST.type().toString(), "title", "Invalid request",
                "status", 422, "detail", ApiValidationException.INVALID_FIELDS,
                "errors", Map.of("reasons", "Enter why the information is not being shared"),
                "requestId", "5f0c2a9e-1b7d-4c61-9d0e-2b8f3c1a7e44"));
        return problem;
    }

    static Example example(String summary, Object value) {
        return new Example().summary(summary).value(value);
    }
}
