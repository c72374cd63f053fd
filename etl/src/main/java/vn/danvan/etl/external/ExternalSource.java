package vn.danvan.etl.external;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.IndicatorCatalogue;

/** The published sources {@code danvan external import} can read, each with its own reader. */
public enum ExternalSource {
  /** Provincial Governance and Public Administration Performance Index (UNDP, CECODES). */
  PAPI;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the source's files; every indicator must be one of its catalogue codes. */
  PapiFiles.Read read(Collection<Path> inputs, IndicatorCatalogue catalogue) {
    Set<String> known = catalogue.all().stream()
        .filter(i -> i.externalSource().filter(code()::equals).isPresent())
        .map(Indicator::code).collect(Collectors.toUnmodifiableSet());
    return switch (this) {
      case PAPI -> PapiFiles.read(inputs, known);
    };
  }
}
