package vn.danvan.contract.checks;

import java.util.Objects;
import java.util.Set;

/**
 * What the row checks need from the indicator catalogue (which this module cannot read: the
 * catalogue depends on it): the codes report values and targets may use, and those of them that
 * count things or money and so take whole numbers only. The catalogue module makes it
 * ({@code IndicatorCatalogue.forRowChecks()}) for the load and the dry run alike.
 */
public record Indicators(Set<String> codes, Set<String> wholeNumbers) {
  public Indicators {
    codes = Set.copyOf(Objects.requireNonNull(codes, "codes"));
    wholeNumbers = Set.copyOf(Objects.requireNonNull(wholeNumbers, "wholeNumbers"));
    if (!codes.containsAll(wholeNumbers)) {
      Set<String> all = codes;
      throw new IllegalArgumentException("whole-number indicators outside the codes: "
          + wholeNumbers.stream().filter(c -> !all.contains(c)).sorted().toList());
    }
  }
}
