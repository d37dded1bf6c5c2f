package io.kirincontract.conformance.clientkit;

import java.util.Map;

/**
 * What a program under test is given for one scenario (as {@code KIRIN_BASE_URL}, {@code KIRIN_API_KEY} and {@code
 * KIRIN_MODEL} to a command).
 *
 * @param baseUrl the mock's base URL, {@code http://127.0.0.1:<port>}
 * @param apiKey the scenario's own key
 * @param model the model to create a task for
 */
public record ClientEnvironment(String baseUrl, String apiKey, String model) {

  public static final String BASE_URL = "KIRIN_BASE_URL";
  public static final String API_KEY = "KIRIN_API_KEY";
  public static final String MODEL = "KIRIN_MODEL";

  private static final InheritableThreadLocal<ClientEnvironment> CURRENT = new InheritableThreadLocal<>();

  /**
   * The environment of the scenario whose Java program runs on this thread (or on a thread it started), for a
   * program given to the kit as a {@link Runnable}.
   *
   * @throws IllegalStateException outside a program run by the kit
   */
  public static ClientEnvironment current() {
    ClientEnvironment environment = CURRENT.get();
    if (environment == null) {
      throw new IllegalStateException("no client kit scenario runs on this thread");
    }
    return environment;
  }

  /** Runs {@code body} with this environment as {@link #current()} on the calling thread. */
  public void runAsCurrent(ClientProgram body) throws Exception {
    CURRENT.set(this);
    try {
      body.run(this);
    } finally {
      CURRENT.remove();
    }
  }

  /** The environment variables a command is given. */
  public Map<String, String> variables() {
    return Map.of(BASE_URL, baseUrl, API_KEY, apiKey, MODEL, model);
  }
}
