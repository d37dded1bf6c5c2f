package io.kirincontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Typed, read-only view of {@code kirin-api.yaml}: the models and their request schemas, the cross-field rules
 * ({@code x-kirin-rules}), the model profiles ({@code x-kirin-profile}), the error catalog ({@code x-kirin-error-catalog}), per-field error codes
 * ({@code x-kirin-error-codes}) and the derived per-field rule ids. Thread-safe once built.
 */
public final class KirinSpec {

  /** Classpath resource the spec module ships. */
  public static final String RESOURCE = "kirin-api.yaml";

  /** Code of a per-field failure when the field has no {@code x-kirin-error-codes} entry for it. */
  public static final String DEFAULT_FIELD_CODE = "invalid_parameter";

  private static final String COMPONENT_SCHEMA_REF = "#/components/schemas/";
  private static final String COMPONENT_EXAMPLE_REF = "#/components/examples/";
  private static final String REQUEST_SCHEMA = "VideoGenerationRequest";
  private static final String CREATE_PATH = "/v1/videos/generations";
  private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

  private final String yaml;
  private final OpenAPI openApi;
  private final Map<String, ModelDef> models;
  private final Map<String, ModelProfile> profiles;
  private final List<RuleDef> rules;
  private final Map<String, List<RuleDef>> rulesByModel;
  private final List<ErrorCodeDef> errorCatalog;
  private final List<ErrorCodeDef> adminErrorCatalog;
  /** The first entry of each code, of the error catalogue and of the admin one: every error answer looks one up. */
  private final Map<String, ErrorCodeDef> errorCodes = new java.util.HashMap<>();
  private final Map<String, ErrorCodeDef> adminErrorCodes = new java.util.HashMap<>();

  private KirinSpec(String yaml, OpenAPI openApi) {
    this.yaml = yaml;
    this.openApi = openApi;
    this.models = Collections.unmodifiableMap(SpecExtensions.models(openApi));
    Map<String, ModelProfile> byId = new LinkedHashMap<>();
    models.values().forEach(model -> byId.put(model.id(), ProfileReader.read(model.id(), requestSchema(model.id()))));
    this.profiles = Collections.unmodifiableMap(byId);
    this.rules = SpecExtensions.rules(openApi.getExtensions());
    Map<String, List<RuleDef>> byModel = new LinkedHashMap<>();
    for (String modelId : models.keySet()) {
      byModel.put(modelId, rules.stream().filter(rule -> rule.appliesTo(modelId)).toList());
    }
    this.rulesByModel = Collections.unmodifiableMap(byModel);
    this.errorCatalog = SpecExtensions.errorCatalog(openApi.getExtensions());
    this.adminErrorCatalog =
        SpecExtensions.errorCatalog(openApi.getExtensions(), SpecExtensions.ADMIN_ERROR_CATALOG);
    errorCatalog.forEach(def -> errorCodes.putIfAbsent(def.code(), def));
    adminErrorCatalog.forEach(def -> adminErrorCodes.putIfAbsent(def.code(), def));
  }

  /** Reads {@value #RESOURCE} from the classpath. */
  public static KirinSpec load() {
    try (InputStream in = KirinSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new KirinSpecException(RESOURCE + " is not on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new KirinSpecException("cannot read " + RESOURCE + " from the classpath", e);
    }
  }

  /** Parses the given spec text (resolving references, keeping schema names). */
  public static KirinSpec parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    if (result.getOpenAPI() == null) {
      throw new KirinSpecException("the spec cannot be parsed: " + result.getMessages());
    }
    return new KirinSpec(yaml, result.getOpenAPI());
  }

  /** The contract's version, {@code info.version} (semantic: {@code MAJOR.MINOR.PATCH}). */
  public String version() {
    if (openApi.getInfo() == null || openApi.getInfo().getVersion() == null) {
      throw new KirinSpecException("the spec has no info.version");
    }
    return openApi.getInfo().getVersion();
  }

  /** The spec exactly as read. */
  public String yaml() {
    return yaml;
  }

  /** The parsed document, for callers that need more than this view offers. */
  public OpenAPI openApi() {
    return openApi;
  }

  /** The models, in the order of the request discriminator's mapping. */
  public List<ModelDef> models() {
    return List.copyOf(models.values());
  }

  public Optional<ModelDef> model(String modelId) {
    return Optional.ofNullable(models.get(modelId));
  }

  /** The profile of a model: every per-model fact, read once from its request schema. */
  public ModelProfile profile(String modelId) {
    ModelProfile profile = profiles.get(modelId);
    if (profile == null) {
      throw new KirinSpecException("unknown model " + modelId);
    }
    return profile;
  }

  /** Every model's profile, in mapping order. */
  public List<ModelProfile> profiles() {
    return List.copyOf(profiles.values());
  }

  /** The model ids, in mapping order. */
  public List<String> modelIds() {
    return List.copyOf(models.keySet());
  }

  /** The request schema of a model. */
  public Schema<?> requestSchema(String modelId) {
    ModelDef model = requireModel(modelId);
    return schema(model.schemaName())
        .orElseThrow(() -> new KirinSpecException("no schema " + model.schemaName()));
  }

  /** A schema of {@code components.schemas} by name. */
  public Optional<Schema<?>> schema(String name) {
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    return Optional.ofNullable(schemas == null ? null : schemas.get(name));
  }

  /** Follows a {@code $ref} to {@code components.schemas}; a schema without one is returned as is. */
  public Schema<?> resolve(Schema<?> schema) {
    Schema<?> current = schema;
    int hops = 0;
    while (current != null && current.get$ref() != null && hops++ < 16) {
      String ref = current.get$ref();
      String name = ref.startsWith(COMPONENT_SCHEMA_REF) ? ref.substring(COMPONENT_SCHEMA_REF.length()) : ref;
      current = schema(name).orElseThrow(() -> new KirinSpecException("dangling reference " + ref));
    }
    return current;
  }

  /** Every rule of {@code x-kirin-rules}, in the spec's order. */
  public List<RuleDef> rules() {
    return rules;
  }

  /** The rules that apply to a model, in the spec's order. */
  public List<RuleDef> rulesFor(String modelId) {
    List<RuleDef> known = rulesByModel.get(modelId);
    return known != null ? known : rules.stream().filter(rule -> rule.appliesTo(modelId)).toList();
  }

  public Optional<RuleDef> rule(String id) {
    return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
  }

  /** Every entry of {@code x-kirin-error-catalog}, in the spec's order. */
  public List<ErrorCodeDef> errorCatalog() {
    return errorCatalog;
  }

  public Optional<ErrorCodeDef> errorCode(String code) {
    return Optional.ofNullable(code == null ? null : errorCodes.get(code));
  }

  /** The codes of the mock's admin API ({@code x-kirin-admin-error-catalog}), not part of the provider's API. */
  public List<ErrorCodeDef> adminErrorCatalog() {
    return adminErrorCatalog;
  }

  /** The HTTP status of a code of either catalogue; empty for a code neither lists (or one without a status). */
  public Optional<Integer> status(String code) {
    return errorCode(code)
        .or(() -> Optional.ofNullable(code == null ? null : adminErrorCodes.get(code)))
        .map(ErrorCodeDef::status);
  }

  /**
   * The schema of a field of a model's request, following references and array items.
   *
   * @param jsonPath dotted JSON path, with or without indexes ({@code multi_prompt[1].prompt})
   */
  public Optional<Schema<?>> fieldSchema(String modelId, String jsonPath) {
    return fieldChain(modelId, jsonPath).map(chain -> chain.get(chain.size() - 1)).map(this::resolve);
  }

  /**
   * The error code for a field that breaks a JSON Schema keyword: the field's {@code x-kirin-error-codes} entry
   * for that keyword, else its {@code default} entry, else {@value #DEFAULT_FIELD_CODE}.
   *
   * @param keyword the JSON Schema keyword in camel case, as in the spec ({@code maxLength}, {@code required})
   */
  public String fieldCode(String modelId, String jsonPath, String keyword) {
    Optional<List<Schema<?>>> chain = fieldChain(modelId, jsonPath);
    if (chain.isEmpty()) {
      return DEFAULT_FIELD_CODE;
    }
    Schema<?> declared = chain.get().get(chain.get().size() - 1);
    for (Schema<?> candidate : List.of(declared, resolve(declared))) {
      Map<String, Object> codes = SpecExtensions.errorCodes(candidate);
      if (codes.containsKey(keyword)) {
        return String.valueOf(codes.get(keyword));
      }
      if (codes.containsKey("default")) {
        return String.valueOf(codes.get("default"));
      }
    }
    return DEFAULT_FIELD_CODE;
  }

  /**
   * The derived rule id of a per-field check: {@code {rule prefix}.{path without indexes}.{keyword in kebab case}},
   * for example {@code o1.prompt.max-length} or {@code v3t2v.multi_prompt.prompt.max-length}; or, where the
   * property's {@code x-kirin-rule-ids} maps the keyword to a rule it states ({@code maxLength: image.max-size}),
   * that rule's id ({@code v3i2v.image.max-size}).
   */
  public String fieldRuleId(String modelId, String jsonPath, String keyword) {
    String prefix = requireModel(modelId).rulePrefix() + ".";
    Optional<Object> stated =
        fieldChain(modelId, jsonPath)
            .map(chain -> chain.get(chain.size() - 1))
            .flatMap(
                declared ->
                    Stream.of(declared, resolve(declared))
                        .map(schema -> SpecExtensions.ruleIds(schema).get(keyword))
                        .filter(Objects::nonNull)
                        .findFirst());
    return stated.map(id -> prefix + id).orElseGet(() -> prefix + stripIndexes(jsonPath) + "." + kebab(keyword));
  }

  /**
   * The request examples of {@code POST /v1/videos/generations}, by example name, as JSON trees (references to
   * {@code components.examples} resolved).
   */
  public Map<String, JsonNode> requestExamples() {
    MediaType json =
        openApi.getPaths().get(CREATE_PATH).getPost().getRequestBody().getContent().get("application/json");
    Map<String, JsonNode> examples = new LinkedHashMap<>();
    if (json == null || json.getExamples() == null) {
      return examples;
    }
    json.getExamples().forEach((name, example) -> examples.put(name, Json.mapper().valueToTree(value(example))));
    return examples;
  }

  /** {@code maxLength} → {@code max-length}. */
  public static String kebab(String keyword) {
    return CAMEL_HUMP.matcher(keyword).replaceAll("$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code multi_prompt[1].prompt} → {@code multi_prompt.prompt}. */
  public static String stripIndexes(String jsonPath) {
    return INDEX.matcher(jsonPath).replaceAll("");
  }

  private Object value(Example example) {
    if (example.get$ref() == null) {
      return example.getValue();
    }
    String name = example.get$ref().replace(COMPONENT_EXAMPLE_REF, "");
    Example target = openApi.getComponents().getExamples().get(name);
    if (target == null) {
      throw new KirinSpecException("dangling example reference " + example.get$ref());
    }
    return target.getValue();
  }

  private ModelDef requireModel(String modelId) {
    ModelDef model = models.get(modelId);
    if (model == null) {
      throw new KirinSpecException("unknown model " + modelId);
    }
    return model;
  }

  /** The declared (unresolved) schemas from the request schema down to the field, or empty if no such field. */
  private Optional<List<Schema<?>>> fieldChain(String modelId, String jsonPath) {
    if (!models.containsKey(modelId)) {
      return Optional.empty();
    }
    List<Schema<?>> chain = new ArrayList<>();
    Schema<?> current = requestSchema(modelId);
    chain.add(current);
    for (String segment : stripIndexes(jsonPath).split("\\.")) {
      Schema<?> container = resolve(current);
      if (container.getItems() != null) {
        container = resolve(container.getItems());
      }
      Map<String, Schema> properties = container.getProperties();
      if (properties == null || !properties.containsKey(segment)) {
        return Optional.empty();
      }
      current = properties.get(segment);
      chain.add(current);
    }
    return Optional.of(chain);
  }
}
