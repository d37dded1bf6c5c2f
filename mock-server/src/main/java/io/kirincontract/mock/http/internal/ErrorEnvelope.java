package io.kirincontract.mock.http.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.problems.Problem;
import java.util.List;

/**
 * The one error shape of every endpoint: {@code {"error": {"code", "error_message", "param", "rule", "details"}}}.
 * The first problem leads; {@code details} lists them all when there is more than one.
 */
final class ErrorEnvelope {

  private ErrorEnvelope() {}

  public static ObjectNode of(List<Problem> problems) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode error = root.putObject("error");
    write(error, problems.get(0));
    if (problems.size() > 1) {
      ArrayNode details = error.putArray("details");
      problems.forEach(problem -> write(details.addObject(), problem));
    }
    return root;
  }

  private static void write(ObjectNode node, Problem problem) {
    node.put("code", problem.code());
    node.put("error_message", problem.message());
    if (problem.param() != null) {
      node.put("param", problem.param());
    }
    if (problem.rule() != null) {
      node.put("rule", problem.rule());
    }
  }
}
