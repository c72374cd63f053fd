package vn.danvan.warehouse.query;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.danvan.contract.Coded;

/**
 * A request parameter has a value the warehouse cannot answer for (a reversed year range, a level
 * that a boundary mode does not have). Carries the parameter's name so that an API can point the
 * caller at it.
 */
public class InvalidParameterException extends IllegalArgumentException {
  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(Objects.requireNonNull(parameter, "parameter") + ": " + message);
    this.parameter = parameter;
  }

  /** The request parameter at fault, e.g. {@code from}. */
  public String parameter() {
    return parameter;
  }

  /**
   * The one of {@code choices} whose code is {@code text}.
   *
   * @throws InvalidParameterException naming {@code parameter} and the codes it may take
   */
  @SafeVarargs
  public static <T extends Coded> T choose(String parameter, String text, T... choices) {
    return Coded.find(text, choices).orElseThrow(() -> new InvalidParameterException(parameter,
        "must be one of " + Arrays.stream(choices).map(Coded::code).collect(Collectors.joining(", "))
            + ", not '" + text + "'"));
  }
}
