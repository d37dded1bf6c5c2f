package io.kirincontract.mock.validation;

import java.util.List;

/** A request broke one or more limits or rules; every problem found is kept, the first one leads. */
public final class InvalidRequestException extends RuntimeException {

  private final List<Problem> problems;

  public InvalidRequestException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid request" : problems.get(0).message(), null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid request has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
