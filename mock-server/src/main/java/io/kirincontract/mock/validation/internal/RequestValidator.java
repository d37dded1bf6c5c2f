package io.kirincontract.mock.validation.internal;

import io.kirincontract.mock.problems.internal.JsonPaths;
import io.kirincontract.mock.problems.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.rules.ElementLibrary;
import io.kirincontract.mock.rules.internal.RequestView;
import io.kirincontract.mock.rules.internal.RuleContext;
import io.kirincontract.mock.rules.internal.RuleEngine;
import io.kirincontract.mock.rules.internal.media.MediaInspections;
import io.kirincontract.mock.tasks.TaskWarning;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.ModelDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks a create request, in one pass that collects every problem, each kind of check once: the model ({@code
 * null} properties taken as absent, {@link AbsentNulls}), the JSON's shape against the spec ({@code type},
 * {@code format}, {@code enum}, {@code required}; no coercion), binding of the fields that passed to the generated
 * model class and Hibernate Validator over it (per-field limits), then the cross-field rules, which skip a field
 * already refused, the media rules last: URLs are fetched only for a request nothing else
 * refused, each distinct URL once, all within one wall-clock budget. Field problems come first, in the order of the
 * schema's properties; rule problems follow in the order of {@code x-kirin-rules}.
 */
public final class RequestValidator implements AutoCloseable {

  static final String MODEL_PACKAGE = "io.kirincontract.mock.validation.internal.model.";

  /** The default wall-clock budget of all media fetches of one request. */
  public static final Duration DEFAULT_MEDIA_BUDGET = Duration.ofSeconds(30);

  private final KirinSpec spec;
  private final RuleEngine rules;
  private final MediaInspector inspector;
  private final Optional<ElementLibrary> library;
  private final Set<String> disabledRules;
  private final Duration mediaBudget;
  private final JsonTypeCheck typeCheck;
  private final ModelBinder binder;
  private final BeanValidation beanValidation;
  private final LimitScreen limitScreen;
  private final ProblemOrder order;
  private final Map<String, Class<?>> modelClasses = new LinkedHashMap<>();
  private final ExecutorService mediaExecutor =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "kirin-media-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
  private static final AtomicInteger THREADS = new AtomicInteger();

  public RequestValidator(
      KirinSpec spec,
      RuleEngine rules,
      MediaInspector inspector,
      Optional<ElementLibrary> library,
      Set<String> disabledRules) {
    this(spec, rules, inspector, library, disabledRules, DEFAULT_MEDIA_BUDGET, ValidationBootstrap.shared());
  }

  /**
   * With a validation bootstrap made beforehand (in the background, while the spec was read).
   *
   * @param mediaBudget the most wall-clock time all media fetches of one request may take together
   */
  public RequestValidator(
      KirinSpec spec,
      RuleEngine rules,
      MediaInspector inspector,
      Optional<ElementLibrary> library,
      Set<String> disabledRules,
      Duration mediaBudget,
      ValidationBootstrap bootstrap) {
    this.spec = spec;
    this.mediaBudget = mediaBudget;
    this.rules = rules;
    this.inspector = inspector;
    this.library = library;
    this.disabledRules = Set.copyOf(disabledRules);
    FieldProblems fieldProblems = new FieldProblems(spec);
    this.typeCheck = new JsonTypeCheck(spec, fieldProblems);
    this.binder = new ModelBinder(bootstrap.mapper, fieldProblems);
    this.beanValidation = new BeanValidation(bootstrap.factory, fieldProblems);
    this.order = new ProblemOrder(spec);
    for (ModelDef model : spec.models()) {
      modelClasses.put(model.id(), modelClass(model));
    }
    this.limitScreen = new LimitScreen(bootstrap.mapper, bootstrap.factory.getValidator(), modelClasses.values());
  }

  /**
   * @throws InvalidRequestException with every problem found
   */
  public ValidatedRequest validate(JsonNode received) {
    String modelId = model(received);
    JsonNode present = AbsentNulls.remove(received);
    List<TaskWarning> ignored =
        rules.ignoredFields(
            new RuleContext(
                spec.profile(modelId), new RequestView(present, spec.requestSchema(modelId)), null, library));
    JsonNode body = withoutIgnoredFields(present, ignored);
    JsonTypeCheck.Result types = typeCheck.check(modelId, body);
    List<Problem> fieldProblems = new ArrayList<>(types.problems());
    List<String> unknown = unknownFields(body, modelId);
    ObjectNode usable =
        hasBrokenFields(fieldProblems) || !unknown.isEmpty()
            ? withoutBrokenFields(body, fieldProblems).remove(unknown)
            : (ObjectNode) body; // nothing to take out: no copy (nothing downstream changes the tree)

    // Binding sees only fields whose shape passed, so it cannot fail but for a shape the JSON check does not know;
    // Hibernate Validator checks the limits of those fields, and never a keyword the JSON check judged. A tree the
    // screen finds within every limit skips both: they would find nothing.
    Class<?> modelClass = modelClasses.get(modelId);
    if (!limitScreen.clean(usable, modelClass)) {
      ModelBinder.Bound bound = binder.bind(modelId, usable, modelClass);
      fieldProblems.addAll(bound.problems());
      if (bound.value() != null) {
        fieldProblems.addAll(beanValidation.validate(modelId, bound.value()));
      }
    }
    fieldProblems.removeIf(problem -> disabledRules.contains(problem.rule()));
    fieldProblems.sort(order.forModel(modelId));

    RequestView view = new RequestView(usable, spec.requestSchema(modelId));
    MediaInspections media = new MediaInspections(inspector, mediaExecutor, mediaBudget);
    RuleEngine.Outcome outcome =
        rules.run(new RuleContext(spec.profile(modelId), view, media, library), fieldProblems);

    List<Problem> problems = new ArrayList<>(fieldProblems);
    problems.addAll(outcome.problems());
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    List<TaskWarning> warnings = new ArrayList<>(ignored);
    warnings.addAll(types.warnings());
    List<String> ignoredParams = ignored.stream().map(TaskWarning::param).toList();
    warnings.addAll(outcome.warnings());
    return new ValidatedRequest(spec.profile(modelId), received, view, media, ignoredParams, warnings);
  }

  @Override
  public void close() {
    mediaExecutor.shutdownNow();
  }

  private String model(JsonNode body) {
    if (!body.isObject()) {
      throw new InvalidRequestException(
          List.of(
              Problem.of(
                  "invalid_json",
                  "the body must be a JSON object such as {\"model\": \"" + spec.modelIds().get(0) + "\", ...}, not "
                      + JsonTypeCheck.describe(body))));
    }
    JsonNode model = body.get("model");
    if (model != null && model.isTextual() && spec.model(model.textValue()).isPresent()) {
      return model.textValue();
    }
    String allowed = String.join(", ", spec.modelIds());
    if (model == null || model.isNull()) {
      throw unknownModel("model is required; use one of " + allowed);
    }
    if (!model.isTextual()) {
      throw unknownModel("model must be a string, one of " + allowed + ", not " + JsonTypeCheck.describe(model));
    }
    throw unknownModel("model must be one of " + allowed + ", not \"" + model.textValue() + "\"");
  }

  private static InvalidRequestException unknownModel(String message) {
    return new InvalidRequestException(List.of(new Problem("unknown_model", message, "model", null)));
  }

  /**
   * Without the fields the request makes ignored (DESIGN §3): they are not validated at all, so a client that flips
   * {@code multi_shot} and leaves stale fields (a long {@code prompt}, seven old shots, an empty {@code multi_prompt}
   * list) is not refused for a field the provider ignores. Each is named in {@code metadata.warnings}.
   */
  private static JsonNode withoutIgnoredFields(JsonNode body, List<TaskWarning> ignored) {
    if (ignored.isEmpty()) {
      return body;
    }
    ObjectNode copy = ((ObjectNode) body).deepCopy();
    ignored.forEach(field -> copy.remove(JsonPaths.segments(field.param()).get(0)));
    return copy;
  }

  private static boolean hasBrokenFields(List<Problem> problems) {
    for (Problem problem : problems) {
      if (problem.param() != null) {
        return true;
      }
    }
    return false;
  }

  /** A copy without the top-level fields that have problems, so binding and rules see only understood values. */
  private static ObjectNode withoutBrokenFields(JsonNode body, List<Problem> problems) {
    ObjectNode copy = ((ObjectNode) body).deepCopy();
    for (Problem problem : problems) {
      if (problem.param() != null) {
        copy.remove(JsonPaths.segments(problem.param()).get(0));
      }
    }
    return copy;
  }

  /**
   * The top-level fields the model's request schema does not define (most requests: none, and no list is made).
   * They are taken out of the tree binding and the rules see: they are ignored (and listed as warnings), so the rules
   * and the task's metadata must not read them (an {@code aspect_ratio} sent to {@code kirin_v3_i2v} once set the
   * output's ratio, and a malformed one failed the request with a 500).
   */
  private List<String> unknownFields(JsonNode body, String modelId) {
    Map<String, ?> defined = spec.requestSchema(modelId).getProperties();
    List<String> unknown = null;
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (defined == null || !defined.containsKey(name)) {
        if (unknown == null) {
          unknown = new ArrayList<>();
        }
        unknown.add(name);
      }
    }
    return unknown == null ? List.of() : unknown;
  }

  private static Class<?> modelClass(ModelDef model) {
    try {
      return Class.forName(MODEL_PACKAGE + model.schemaName());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "no generated model class for " + model.id() + " (" + MODEL_PACKAGE + model.schemaName() + ")", e);
    }
  }
}
