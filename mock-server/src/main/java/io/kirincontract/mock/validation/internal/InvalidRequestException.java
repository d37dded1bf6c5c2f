package io.kirincontract.mock.validation.internal;

import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.problems.ProblemException;
import java.util.List;
import java.util.Map;

/** A request broke one or more limits or rules; every problem found is kept, the first one leads. */
public final class InvalidRequestException extends ProblemException {

  public InvalidRequestException(List<Problem> problems) {
    super(problems, Map.of());
  }
}
