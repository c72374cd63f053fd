package vn.danvan.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * A value with a fixed text code that the lake's columns and the API's parameters carry, e.g.
 * {@link Boundaries#RESTATED_2025} is {@code 2025} in the mart and in {@code ?boundaries=2025}.
 */
public interface Coded {
  String code();

  /** The one of {@code choices} whose code is {@code text}. */
  @SafeVarargs
  static <T extends Coded> Optional<T> find(String text, T... choices) {
    return Arrays.stream(choices).filter(c -> c.code().equals(text)).findFirst();
  }

  /** The codes of {@code values}, in their order. */
  static String[] codes(Coded... values) {
    return Arrays.stream(values).map(Coded::code).toArray(String[]::new);
  }
}
