package io.kirincontract.mock.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.ModelDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The screen that lets a request skip binding and Hibernate Validator never lets through a request they would have
 * refused: every request example of the spec, with each of its values (at every level) replaced in turn by values
 * at, below and beyond the limits, of other types, {@code null}, and lists of other lengths.
 */
class LimitScreenTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static KirinSpec spec;
  private static Map<String, Class<?>> classes;
  private static LimitScreen screen;
  private static ModelBinder binder;
  private static BeanValidation beanValidation;

  @BeforeAll
  static void setUp() throws ClassNotFoundException {
    spec = KirinSpec.load();
    ValidationBootstrap bootstrap = ValidationBootstrap.shared();
    classes = new LinkedHashMap<>();
    for (ModelDef model : spec.models()) {
      classes.put(model.id(), Class.forName(RequestValidator.MODEL_PACKAGE + model.schemaName()));
    }
    screen = new LimitScreen(bootstrap.mapper, bootstrap.factory.getValidator(), classes.values());
    FieldProblems problems = new FieldProblems(spec);
    binder = new ModelBinder(bootstrap.mapper, problems);
    beanValidation = new BeanValidation(bootstrap.factory, problems);
  }

  @Test
  void theSpecsRequestExamplesPassTheScreen() {
    assertThat(spec.requestExamples()).isNotEmpty();
    spec.requestExamples().forEach((name, example) -> {
      String model = example.get("model").textValue();
      assertThat(screen.clean(example, classes.get(model))).as(name).isTrue();
    });
  }

  @Test
  void noRequestThatPassesTheScreenIsRefusedByBindingOrHibernateValidator() {
    int passed = 0;
    int refused = 0;
    for (JsonNode example : spec.requestExamples().values()) {
      String model = example.get("model").textValue();
      Class<?> type = classes.get(model);
      for (JsonNode variant : variants(example)) {
        List<?> found = slowPathProblems(model, variant, type);
        if (screen.clean(variant, type)) {
          passed++;
          assertThat(found).as("%s", variant.toString().length() > 400 ? variant.toString().substring(0, 400) : variant)
              .isEmpty();
        } else if (!found.isEmpty()) {
          refused++;
        }
      }
    }
    // both sides were exercised
    assertThat(passed).isGreaterThan(100);
    assertThat(refused).isGreaterThan(100);
  }

  private static List<?> slowPathProblems(String model, JsonNode tree, Class<?> type) {
    ModelBinder.Bound bound = binder.bind(model, tree, type);
    List<Object> problems = new ArrayList<>(bound.problems());
    if (bound.value() != null) {
      problems.addAll(beanValidation.validate(model, bound.value()));
    }
    return problems;
  }

  /** The example with each value replaced, one at a time, by each of the candidates. */
  private static List<JsonNode> variants(JsonNode example) {
    List<JsonNode> variants = new ArrayList<>();
    collect(example, example, new ArrayList<>(), variants);
    return variants;
  }

  private static void collect(JsonNode root, JsonNode node, List<Object> path, List<JsonNode> out) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> {
        List<Object> child = new ArrayList<>(path);
        child.add(name);
        for (JsonNode candidate : candidates(node.get(name))) {
          out.add(replaced(root, child, candidate));
        }
        collect(root, node.get(name), child, out);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<Object> child = new ArrayList<>(path);
        child.add(i);
        for (JsonNode candidate : candidates(node.get(i))) {
          out.add(replaced(root, child, candidate));
        }
        collect(root, node.get(i), child, out);
      }
    }
  }

  private static JsonNode replaced(JsonNode root, List<Object> path, JsonNode value) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = copy;
    for (int i = 0; i < path.size() - 1; i++) {
      Object step = path.get(i);
      parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
    }
    Object last = path.get(path.size() - 1);
    if (last instanceof String name) {
      ((ObjectNode) parent).set(name, value);
    } else {
      ((ArrayNode) parent).set((Integer) last, value);
    }
    return copy;
  }

  private static List<JsonNode> candidates(JsonNode current) {
    List<JsonNode> candidates = new ArrayList<>();
    for (int length : new int[] {0, 1, 2, 3, 255, 256, 257, 2047, 2048, 2049, 2500, 2501}) {
      candidates.add(NODES.textNode("a".repeat(length)));
      candidates.add(NODES.textNode("https://e.com/" + "a".repeat(Math.max(0, length - 14))));
    }
    // code points against chars: 1250 emoji are 2500 chars and 1250 characters
    candidates.add(NODES.textNode("\uD83E\uDD8A".repeat(1250)));
    candidates.add(NODES.textNode("\uD83E\uDD8A".repeat(2501)));
    candidates.add(NODES.textNode("\uD83E\uDD8A".repeat(1025)));
    candidates.add(NODES.textNode("\uD83E\uDD8A".repeat(129)));
    for (String text : new String[] {"4", "12", "123", "a", " 4", "4 ", "http://x y", "ftp://x", "not a uri", ":",
        "std", "pro", "16:9", "5", "10", "on", "off", "customize"}) {
      candidates.add(NODES.textNode(text));
    }
    candidates.add(NODES.numberNode(5));
    candidates.add(NODES.numberNode(5.5));
    candidates.add(NODES.numberNode(3_000_000_000L));
    candidates.add(NODES.booleanNode(true));
    candidates.add(NODES.nullNode());
    candidates.add(NODES.objectNode());
    candidates.add(NODES.arrayNode());
    if (current.isArray() && !current.isEmpty()) {
      for (int size : new int[] {1, 2, 3, 6, 7, 8}) {
        ArrayNode list = NODES.arrayNode();
        for (int i = 0; i < size; i++) {
          list.add(current.get(i % current.size()).deepCopy());
        }
        candidates.add(list);
      }
    }
    return candidates;
  }

  @Test
  void aRequestWithAValueBeyondALimitIsLeftToHibernateValidator() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode example = spec.requestExamples().values().stream()
        .filter(e -> e.has("prompt")).findFirst().orElseThrow();
    ObjectNode tooLong = example.deepCopy();
    tooLong.put("prompt", "a".repeat(2501));
    String model = example.get("model").textValue();
    assertThat(screen.clean(tooLong, classes.get(model))).isFalse();
    assertThat(slowPathProblems(model, tooLong, classes.get(model))).isNotEmpty();
    assertThat(screen.clean(mapper.readTree("[]"), classes.get(model))).isFalse();
  }
}
