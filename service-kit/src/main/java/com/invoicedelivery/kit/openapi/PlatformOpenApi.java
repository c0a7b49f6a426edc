package com.invoicedelivery.kit.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.invoicedelivery.kit.problem.ProblemResponses;
import com.invoicedelivery.kit.security.PathRoles;
import com.invoicedelivery.kit.security.Roles;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every service's OpenAPI document says the same way, written once: the RFC 9457 problem schema every error
 * answers with ({@code application/problem+json}, built by {@code kit.problem}), the bearer-token security scheme,
 * each operation's required role (from the same {@link PathRoles} rules and platform defaults the security chain
 * applies, so the document cannot drift from the chain) and the error answers the kit's plumbing gives every
 * operation of a shape: 401 and 403 (security), 400 where the request carries a body, a query parameter or a path
 * variable that is not free text, 404 where the path names a resource, 413 and 415 where it takes a body, 500. An
 * operation's own errors (409, 410, 429, 503, …) are declared on its controller method with
 * {@code @ApiResponse(responseCode = …, description = …)}; this fills in their problem body.
 */
public class PlatformOpenApi implements OpenApiCustomizer {

    /** The name of the security scheme every operation requires. */
    public static final String BEARER = "bearer-jwt";
    /** The component every error response refers to. */
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    /** The roles an operation is for (any of them), an extension of each operation. */
    public static final String REQUIRED_ROLES = "x-required-roles";

    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String FIELD_VIOLATION = "FieldViolation";

    private final String serviceName;
    private final List<PathRoles> pathRoles;

    public PlatformOpenApi(String serviceName, List<PathRoles> pathRoles) {
        this.serviceName = serviceName;
        this.pathRoles = List.copyOf(pathRoles);
    }

    @Override
    public void customise(OpenAPI api) {
        info(api);
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token of the platform's identity provider: claim `tenant`"
                        + " (the tenant id), claim `roles` (`tenant_user`, `tenant_admin` (implies `tenant_user`),"
                        + " `operations`, `service`) and this service's name among its audiences (`aud`)."));
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(PlatformOpenApi::optionalMeansNullable);
            components.getSchemas().values().forEach(PlatformOpenApi::objectValuesAreAnyValues);
        }
        components.addSchemas(FIELD_VIOLATION, fieldViolationSchema());
        components.addSchemas(PROBLEM, problemSchema());
        api.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operation(path, method, operation)));
    }

    private void info(OpenAPI api) {
        Info info = api.getInfo() == null ? new Info() : api.getInfo();
        if (info.getTitle() == null || info.getTitle().startsWith("OpenAPI definition")) {
            info.setTitle(serviceName);
        }
        if (info.getVersion() == null || info.getVersion().equals("v0")) {
            info.setVersion("1");
        }
        if (info.getDescription() == null) {
            info.setDescription("The REST API of " + serviceName + ". Every call takes a bearer token; errors are"
                    + " RFC 9457 problems (`application/problem+json`) naming the offending field.");
        }
        api.setInfo(info);
    }

    private void operation(String path, PathItem.HttpMethod method, Operation operation) {
        String role = requiredRole(HttpMethod.valueOf(method.name()), path);
        operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        operation.addExtension(REQUIRED_ROLES, List.of(role));
        String roleSentence = "Requires a bearer token with the role `" + role + "`"
                + (Roles.TENANT_USER.equals(role) ? " (or `" + Roles.TENANT_ADMIN + "`)" : "") + ".";
        String description = Optional.ofNullable(operation.getDescription()).orElse(operation.getSummary());
        operation.setDescription(description == null ? roleSentence : description + "\n\n" + roleSentence);

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.values().stream().filter(response -> response.getContent() != null)
                .flatMap(response -> response.getContent().values().stream())
                .filter(media -> media.getSchema() != null)
                .forEach(media -> objectValuesAreAnyValues(media.getSchema()));
        boolean takesBody = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean namesResource = path.contains("{");
        // a query parameter, or a path variable that is not free text (an enumeration, a number), can be invalid
        boolean checkedInput = parameters.stream().anyMatch(parameter -> !"path".equals(parameter.getIn())
                || parameter.getSchema() == null || parameter.getSchema().getEnum() != null
                || !"string".equals(parameter.getSchema().getType()));
        if (takesBody || checkedInput) {
            add(responses, 400, "Invalid request: a field, parameter or the body breaks a rule (`errors` names each).");
        }
        add(responses, 401, "No bearer token, or one that is expired, not from the identity provider or not for"
                + " this service.");
        add(responses, 403, "The token lacks the role `" + role + "`, or names no tenant where one is needed.");
        if (namesResource) {
            add(responses, 404, "Nothing of the caller's tenant by that id (another tenant's is not found either).");
        }
        if (takesBody) {
            add(responses, 413, "The body is larger than the service accepts.");
            add(responses, 415, "The request's Content-Type is not one this operation reads.");
        }
        add(responses, 500, "An unexpected error; it is logged, nothing of it is in the body.");
        // every error answer is a problem document, whoever declared it
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
        sortResponses(operation);
    }

    /**
     * The APIs write a field without a value as {@code null} (Jackson's default), not by leaving it out: a property
     * that is not required may be null, and the document says so, so a client generated from it expects the nulls
     * the services really send.
     */
    @SuppressWarnings("rawtypes")
    private static void optionalMeansNullable(Schema<?> schema) {
        if (schema.getItems() != null) {
            optionalMeansNullable(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            optionalMeansNullable(values);
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.forEach((name, property) -> {
            if (!required.contains(name) && property.get$ref() == null) {
                property.setNullable(true);
            }
            optionalMeansNullable(property);
        });
    }

    /**
     * A map of Java {@code Object} values (a controller answering {@code Map<String, Object>}) comes out as a map of
     * objects, which its strings and numbers are not: its values may be anything, and the document says so.
     */
    @SuppressWarnings("rawtypes")
    private static void objectValuesAreAnyValues(Schema<?> schema) {
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            if ("object".equals(values.getType()) && values.getProperties() == null && values.get$ref() == null
                    && values.getAdditionalProperties() == null) {
                schema.setAdditionalProperties(Boolean.TRUE);
            } else {
                objectValuesAreAnyValues(values);
            }
        }
        if (schema.getItems() != null) {
            objectValuesAreAnyValues(schema.getItems());
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            properties.values().forEach(PlatformOpenApi::objectValuesAreAnyValues);
        }
    }

    /** The role the security chain asks for on the path: the service's rules first, then the platform's. */
    String requiredRole(HttpMethod method, String template) {
        PathContainer path = PathContainer.parsePath(template.replaceAll("\\{[^}]+}", "x"));
        for (PathRoles rule : pathRoles) {
            if ((rule.method() == null || rule.method().equals(method))
                    && PathPatternParser.defaultInstance.parse(rule.pattern()).matches(path)) {
                return rule.role();
            }
        }
        if (PathPatternParser.defaultInstance.parse("/internal/**").matches(path)) {
            return Roles.SERVICE;
        }
        return Roles.TENANT_USER;
    }

    private static void add(ApiResponses responses, int status, String description) {
        responses.computeIfAbsent(String.valueOf(status), code -> new ApiResponse().description(description));
    }

    private static void sortResponses(Operation operation) {
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        ApiResponses responses = new ApiResponses();
        sorted.forEach(responses::addApiResponse);
        if (operation.getResponses().getExtensions() != null) {
            responses.setExtensions(operation.getResponses().getExtensions());
        }
        operation.setResponses(responses);
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("A URI naming the kind of problem, under `"
                + ProblemResponses.TYPE_BASE + "` (e.g. `invalid-request`, `not-found`, `conflict`,"
                + " `unauthorized`, `forbidden`, `limit-exceeded`), or `about:blank`.")
                .example(ProblemResponses.TYPE_BASE + "invalid-request"));
        properties.put("title", new StringSchema().description("A short, human-readable summary of the kind of"
                + " problem; the same for every problem of its type.").example("Invalid request"));
        properties.put("status", new IntegerSchema().description("The HTTP status of the answer.").example(400));
        properties.put("detail", new StringSchema().description("What went wrong with this request, for a person;"
                + " never internals.").example("emails: must name at least one address"));
        properties.put("instance", new StringSchema().description("The path of the request that failed.")
                .example("/api/clients"));
        properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_VIOLATION))
                .description("Each field that breaks a rule, with the rule: for 400 (invalid request) and some 409"
                        + " (conflict) answers, so a form can mark each field."));
        properties.put("limit", new IntegerSchema().description("The limit a `limit-exceeded` problem ran into.")
                .example(500));
        properties.put("maxBytes", new IntegerSchema().format("int64")
                .description("The largest body accepted, for a `request-too-large` (413) problem.").example(1048576));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(properties);
        // RFC 9457 lets a problem type add members: a client reads those it knows
        problem.setAdditionalProperties(Boolean.TRUE);
        problem.setRequired(List.of("title", "status"));
        problem.setDescription("An RFC 9457 problem document: every error of the platform's APIs answers with one"
                + " (`application/problem+json`). Further members may appear for some problems.");
        return problem;
    }

    @SuppressWarnings({"rawtypes"})
    private static Schema<?> fieldViolationSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", new StringSchema().description("The field as the request names it, with its path"
                + " (e.g. `lines[0].quantity`, `contact.email`), or `body` for the whole body.").example("emails"));
        properties.put("message", new StringSchema().description("The rule the field breaks, for a person.")
                .example("must name at least one address"));
        ObjectSchema violation = new ObjectSchema();
        violation.setProperties(properties);
        violation.setRequired(List.of("field", "message"));
        violation.setDescription("One field of the request that breaks a rule.");
        return violation;
    }


}
