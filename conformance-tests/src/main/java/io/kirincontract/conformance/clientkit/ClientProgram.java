package io.kirincontract.conformance.clientkit;

/**
 * A client program graded in the same JVM: it creates one task for {@link ClientEnvironment#model()} with {@link
 * ClientEnvironment#apiKey()} at {@link ClientEnvironment#baseUrl()} and waits for its end. Returning normally means
 * the task completed (exit code 0); throwing means it did not (exit code 1).
 */
@FunctionalInterface
public interface ClientProgram {

  void run(ClientEnvironment environment) throws Exception;
}
