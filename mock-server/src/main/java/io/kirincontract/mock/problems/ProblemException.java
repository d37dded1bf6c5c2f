package io.kirincontract.mock.problems;

import java.util.List;
import java.util.Map;

/**
 * The one family of errors a request can end in: each carries the problems its error envelope shows (the first
 * one's code gives the status, looked up in the spec's error catalogue) and the headers to send with it. Its
 * wording is the problem's message, written once where the error is raised.
 */
public abstract class ProblemException extends RuntimeException {

  private final List<Problem> problems;
  private final Map<String, String> headers;

  protected ProblemException(List<Problem> problems, Map<String, String> headers) {
    super(problems.isEmpty() ? "no problem" : problems.get(0).message(), null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an error carries at least one problem");
    }
    this.problems = List.copyOf(problems);
    this.headers = Map.copyOf(headers);
  }

  protected ProblemException(Problem problem) {
    this(List.of(problem), Map.of());
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The code of the first problem, which picks the status. */
  public String code() {
    return problems.get(0).code();
  }

  /** Headers to send with the error ({@code Retry-After}). */
  public Map<String, String> headers() {
    return headers;
  }
}
