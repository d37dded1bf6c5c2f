package io.kirincontract.mock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kirincontract.mock.tasks.TaskStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A callback endpoint for tests, on loopback: give {@link #url()} as a task's {@code callback_url}, then look at what
 * arrived ({@link #received()}) or wait for a status ({@link #await}). It can be told to answer the next callbacks with
 * an error status ({@link #failNext}) or late ({@link #delayNext}), to exercise the mock's retries. Every callback is
 * recorded, whatever it was answered. {@code @KirinMockTest} injects one (a parameter of this type), empties it before
 * each test and closes it after the class; outside JUnit, {@link #start()} and {@link #close()}. Thread-safe.
 */
public final class CallbackReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger THREADS = new AtomicInteger();

  /**
   * One callback as it arrived.
   *
   * @param taskId the Task's {@code id}, or null when the body is not a Task
   * @param status the Task's {@code status}, or null
   * @param body the body as text
   * @param headers the request headers (names in lower case, first value)
   * @param at when it arrived (wall clock); it is recorded on arrival, before a delay
   * @param answeredWith the status the receiver answered it with
   */
  public record Callback(
      String taskId, String status, String body, Map<String, String> headers, Instant at, int answeredWith) {

    /** The body as JSON (the Task). */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("the callback's body is not JSON: " + body, e);
      }
    }
  }

  private record Plan(int status, Duration delay) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Callback> received = new ArrayList<>();
  private final Deque<Plan> plans = new ArrayDeque<>();

  private CallbackReceiver(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a receiver on a free port of {@code 127.0.0.1}. */
  public static CallbackReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor =
          Executors.newCachedThreadPool(
              task -> {
                Thread thread = new Thread(task, "kirin-callback-receiver-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      CallbackReceiver receiver = new CallbackReceiver(server, executor);
      server.createContext("/", receiver::handle);
      server.setExecutor(executor);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on loopback for callbacks", e);
    }
  }

  /** {@code http://127.0.0.1:<port>/callbacks}: the {@code callback_url} to give. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks";
  }

  /** Every callback so far, in arrival order. */
  public synchronized List<Callback> received() {
    return List.copyOf(received);
  }

  /** The callbacks of one task, in arrival order. */
  public synchronized List<Callback> received(String taskId) {
    return received.stream().filter(callback -> taskId.equals(callback.taskId())).toList();
  }

  /**
   * Waits until a callback of {@code taskId} with {@code status} ({@code "completed"}) has arrived; returns the first.
   *
   * @throws AssertionError when none arrives within {@code timeout}, naming what did arrive for the task
   */
  public Callback await(String taskId, String status, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (true) {
        for (Callback callback : received) {
          if (taskId.equals(callback.taskId()) && status.equals(callback.status())) {
            return callback;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no callback of task " + taskId + " with status " + status + " within " + timeout + "; received for it: "
                  + received(taskId).stream().map(Callback::status).toList());
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for a callback of " + taskId, e);
        }
      }
    }
  }

  /** {@link #await(String, String, Duration)} with a {@link TaskStatus}. */
  public Callback await(String taskId, TaskStatus status, Duration timeout) {
    return await(taskId, status.wireName(), timeout);
  }

  /** Answers the next {@code count} callbacks with {@code status} (such as 500) instead of 200. */
  public synchronized CallbackReceiver failNext(int count, int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status must be 200 to 599, not " + status);
    }
    for (int i = 0; i < count; i++) {
      plans.add(new Plan(status, Duration.ZERO));
    }
    return this;
  }

  /** Answers the next {@code count} callbacks (with 200) only after {@code delay}. */
  public synchronized CallbackReceiver delayNext(int count, Duration delay) {
    for (int i = 0; i < count; i++) {
      plans.add(new Plan(200, delay));
    }
    return this;
  }

  /** Forgets what was received and what it was told to do. */
  public synchronized void reset() {
    received.clear();
    plans.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] bytes;
      try (InputStream in = exchange.getRequestBody()) {
        bytes = in.readAllBytes();
      }
      Plan plan;
      synchronized (this) {
        plan = plans.isEmpty() ? new Plan(200, Duration.ZERO) : plans.poll();
      }
      record(bytes, exchange, plan.status());
      if (!plan.delay().isZero()) {
        try {
          Thread.sleep(plan.delay().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      exchange.sendResponseHeaders(plan.status(), -1);
      OutputStream out = exchange.getResponseBody();
      out.close();
    }
  }

  private void record(byte[] bytes, HttpExchange exchange, int answeredWith) {
    String body = new String(bytes, StandardCharsets.UTF_8);
    String taskId = null;
    String status = null;
    try {
      JsonNode task = JSON.readTree(bytes);
      if (task != null && task.isObject()) {
        taskId = task.path("id").isTextual() ? task.path("id").textValue() : null;
        status = task.path("status").isTextual() ? task.path("status").textValue() : null;
      }
    } catch (IOException e) {
      // not JSON: recorded with its text
    }
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
    synchronized (this) {
      received.add(new Callback(taskId, status, body, Map.copyOf(headers), Instant.now(), answeredWith));
      notifyAll();
    }
  }
}
