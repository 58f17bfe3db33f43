package ai.zelto.adapters.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hand-written document is valid OpenAPI 3.1 by swagger-parser (the reference parser of the Swagger project),
 * and it is a reference people can read: every operation named, summarized and described, with its errors.
 * That it matches the server is proven in the app's integration tests (route coverage and every response
 * validated against it).
 */
class OpenApiDocumentTest {
    private static final String YAML = OpenApiResource.read();

    private static SwaggerParseResult parsed() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        return new OpenAPIParser().readContents(YAML, null, options);
    }

    @Test
    void theDocument_isValidOpenApi31_bySwaggerParser() {
        SwaggerParseResult result = parsed();

        assertThat(result.getMessages()).as("swagger-parser's findings").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(io.swagger.v3.oas.models.SpecVersion.V31);
    }

    @Test
    void everyOperation_hasAUniqueId_aSummary_aDescription_aTag_andTheErrorsItsInputCanCause() {
        OpenAPI api = parsed().getOpenAPI();
        Set<String> ids = new HashSet<>();
        List<String> faults = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            if (operation.getOperationId() == null || !ids.add(operation.getOperationId())) {
                faults.add(where + ": operationId missing or repeated");
            }
            if (blank(operation.getSummary()) || blank(operation.getDescription())) {
                faults.add(where + ": summary or description missing");
            }
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                faults.add(where + ": no tag");
            }
            boolean takesInput = operation.getParameters() != null && !operation.getParameters().isEmpty()
                    || item.getParameters() != null && !item.getParameters().isEmpty()
                    || operation.getRequestBody() != null || !isPublic(api, operation);
            if (takesInput && operation.getResponses().keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                faults.add(where + ": takes input but documents no error");
            }
            if (!isPublic(api, operation) && !operation.getResponses().containsKey("401")) {
                faults.add(where + ": needs a key but documents no 401");
            }
        }));

        assertThat(faults).isEmpty();
        assertThat(ids).hasSizeGreaterThan(30);
    }

    @Test
    void theJsonServed_isTheYamlAsWritten() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        OpenApiResource resource = new OpenApiResource(mapper);

        JsonNode served = mapper.readTree((byte[]) resource.json().getEntity());

        assertThat(served).isEqualTo(new YAMLMapper().readTree(YAML));
        assertThat(resource.yaml().getEntity()).isEqualTo(YAML);
    }

    @Test
    void everyTagUsed_isDeclared_withADescription() {
        OpenAPI api = parsed().getOpenAPI();
        Map<String, String> declared = new java.util.HashMap<>();
        api.getTags().forEach(tag -> declared.put(tag.getName(), tag.getDescription()));
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation ->
                assertThat(declared).as("tags of %s", operation.getOperationId())
                        .containsKeys(operation.getTags().toArray(String[]::new))));
        assertThat(declared.values()).allSatisfy(description -> assertThat(description).isNotBlank());
    }

    private static boolean isPublic(OpenAPI api, Operation operation) {
        return operation.getSecurity() != null && operation.getSecurity().stream().allMatch(Map::isEmpty);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
