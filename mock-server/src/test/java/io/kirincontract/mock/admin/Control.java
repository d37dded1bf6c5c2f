package io.kirincontract.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.control.ScenarioHeader;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.tasks.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

/**
 * The same control operations through both doors, so every test runs both: the HTTP admin API ({@link #http}) and
 * the embedded Java API ({@link #java}). Failures surface as a {@link Refused} carrying the HTTP status.
 */
interface Control {

  /** A refused operation: its HTTP status (the Java API's exception mapped as the server maps it) and code. */
  final class Refused extends RuntimeException {
    final int status;
    final String code;

    Refused(int status, String code, String message) {
      super(status + " " + code + ": " + message);
      this.status = status;
      this.code = code;
    }
  }

  /** A task as the admin API shows it: its key as the key's id, its callback URL without credentials. */
  record View(String id, String keyId, String status, String heldIn, String nextChangeAt, String callbackUrl) {}

  String name();

  View task(String id);

  List<View> tasks(String key, String status);

  void delete(String id);

  void fail(String id, String code, String stage);

  void hold(String id, String status);

  void release(String id);

  void duration(String id, String iso);

  void addRule(String model, String key, int count, String scenario);

  List<String> rules();

  void clearRules();

  void maxRunningTasks(int limit);

  void advance(String iso);

  void reset();

  static Control http(KirinMockServer server) {
    MockApi api = new MockApi(server.baseUrl(), null);
    return new Control() {
      @Override
      public String name() {
        return "HTTP admin API";
      }

      @Override
      public View task(String id) {
        return view(ok(api.admin("GET", "/__admin/tasks/" + id, null)));
      }

      @Override
      public List<View> tasks(String key, String status) {
        String query = "?limit=1000" + (key == null ? "" : "&key=" + key) + (status == null ? "" : "&status=" + status);
        JsonNode list = ok(api.admin("GET", "/__admin/tasks" + query, null)).path("tasks");
        return StreamSupport.stream(list.spliterator(), false).map(Control::view).toList();
      }

      @Override
      public void delete(String id) {
        ok(api.admin("DELETE", "/__admin/tasks/" + id, null));
      }

      @Override
      public void fail(String id, String code, String stage) {
        String body =
            "{" + (code == null ? "" : "\"code\": \"" + code + "\"" + (stage == null ? "" : ", "))
                + (stage == null ? "" : "\"stage\": \"" + stage + "\"") + "}";
        ok(api.admin("POST", "/__admin/tasks/" + id + "/fail", body));
      }

      @Override
      public void hold(String id, String status) {
        ok(api.admin("POST", "/__admin/tasks/" + id + "/hold", "{\"status\": \"" + status + "\"}"));
      }

      @Override
      public void release(String id) {
        ok(api.admin("POST", "/__admin/tasks/" + id + "/release", null));
      }

      @Override
      public void duration(String id, String iso) {
        ok(api.admin("POST", "/__admin/tasks/" + id + "/duration", "{\"duration\": \"" + iso + "\"}"));
      }

      @Override
      public void addRule(String model, String key, int count, String scenario) {
        List<String> fields = new ArrayList<>();
        if (model != null) {
          fields.add("\"model\": \"" + model + "\"");
        }
        if (key != null) {
          fields.add("\"key\": \"" + key + "\"");
        }
        fields.add("\"count\": " + count);
        fields.add("\"scenario\": \"" + scenario + "\"");
        MockApi.Reply reply = api.admin("POST", "/__admin/scenarios", "{" + String.join(", ", fields) + "}");
        if (reply.status() != 201) {
          ok(reply);
        }
      }

      @Override
      public List<String> rules() {
        JsonNode list = ok(api.admin("GET", "/__admin/scenarios", null)).path("scenarios");
        return StreamSupport.stream(list.spliterator(), false)
            .map(rule -> rule.path("scenario").asText() + " x" + rule.path("remaining").asInt())
            .toList();
      }

      @Override
      public void clearRules() {
        ok(api.admin("DELETE", "/__admin/scenarios", null));
      }

      @Override
      public void maxRunningTasks(int limit) {
        ok(api.admin("PUT", "/__admin/limits", "{\"max_running_tasks\": " + limit + "}"));
      }

      @Override
      public void advance(String iso) {
        ok(api.admin("POST", "/__admin/clock/advance", "{\"duration\": \"" + iso + "\"}"));
      }

      @Override
      public void reset() {
        ok(api.admin("POST", "/__admin/reset", null));
      }

      private JsonNode ok(MockApi.Reply reply) {
        if (reply.status() != 200) {
          throw new Refused(reply.status(), reply.error().path("code").asText(), reply.raw());
        }
        return reply.json();
      }
    };
  }

  static Control java(KirinMockServer server) {
    MockAdmin admin = server.admin();
    return new Control() {
      @Override
      public String name() {
        return "Java API";
      }

      @Override
      public View task(String id) {
        return run(() -> view(admin.task(id).orElseThrow(() -> new Refused(404, "task_not_found", id))));
      }

      @Override
      public List<View> tasks(String key, String status) {
        TaskQuery query =
            TaskQuery.all().withKey(key).withStatus(status == null ? null : TaskStatus.fromWire(status).orElseThrow())
                .page(0, 1000);
        return admin.tasks(query).stream().map(Control::view).toList();
      }

      @Override
      public void delete(String id) {
        if (!admin.deleteTask(id)) {
          throw new Refused(404, "task_not_found", id);
        }
      }

      @Override
      public void fail(String id, String code, String stage) {
        run(() -> admin.failTask(id, code, stage == null ? TaskStatus.PROCESSING : status(stage)));
      }

      @Override
      public void hold(String id, String status) {
        run(() -> admin.holdTask(id, status(status)));
      }

      @Override
      public void release(String id) {
        run(() -> admin.releaseTask(id));
      }

      @Override
      public void duration(String id, String iso) {
        run(() -> admin.setTaskDuration(id, Duration.parse(iso)));
      }

      @Override
      public void addRule(String model, String key, int count, String scenario) {
        run(() -> admin.addScenario(new ScenarioRule(model, key, count, ScenarioHeader.parse(scenario, "scenario"))));
      }

      @Override
      public List<String> rules() {
        return admin.scenarios().stream()
            .map(rule -> rule.rule().scenario() + " x" + rule.remaining())
            .toList();
      }

      @Override
      public void clearRules() {
        admin.clearScenarios();
      }

      @Override
      public void maxRunningTasks(int limit) {
        run(() -> {
          admin.maxRunningTasks(limit);
          return null;
        });
      }

      @Override
      public void advance(String iso) {
        run(() -> admin.advanceClock(Duration.parse(iso)));
      }

      @Override
      public void reset() {
        admin.reset();
      }

      private <T> T run(java.util.function.Supplier<T> operation) {
        try {
          return operation.get();
        } catch (io.kirincontract.mock.tasks.NoSuchTaskException e) {
          throw new Refused(404, "task_not_found", e.getMessage());
        } catch (io.kirincontract.mock.tasks.TaskStateException e) {
          throw new Refused(409, "task_state_conflict", e.getMessage());
        } catch (io.kirincontract.mock.control.ControlConflictException e) {
          throw new Refused(409, e.code(), e.getMessage());
        } catch (io.kirincontract.mock.control.InvalidControlException e) {
          throw new Refused(400, "invalid_parameter", e.getMessage());
        }
      }
    };
  }

  private static TaskStatus status(String wire) {
    return TaskStatus.fromWire(wire).orElseThrow();
  }

  private static View view(JsonNode node) {
    assertThat(node.path("task").isObject()).as("an admin task: %s", node).isTrue();
    return new View(
        node.path("task").path("id").asText(),
        node.path("key_id").asText(),
        node.path("task").path("status").asText(),
        node.path("held_in").isNull() ? null : node.path("held_in").asText(),
        node.path("next_change_at").isNull() ? null : node.path("next_change_at").asText(),
        node.path("callback_url").isNull() ? null : node.path("callback_url").asText());
  }

  private static View view(AdminTask task) {
    return new View(
        task.task().id(),
        Redaction.keyId(task.key()),
        task.task().status().wireName(),
        task.heldIn() == null ? null : task.heldIn().name().toLowerCase(Locale.ROOT),
        task.nextChangeAt() == null ? null : task.nextChangeAt().toString(),
        Redaction.url(task.callbackUrl()));
  }
}
