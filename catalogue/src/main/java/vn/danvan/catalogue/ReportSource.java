package vn.danvan.catalogue;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code report_values} rows feed an indicator: those with this {@code indicator} code and
 * exactly this {@code disaggregation} (empty for the total). Written in the catalogue as
 * {@code models_new} or {@code models_new[scope=collective]}.
 */
public record ReportSource(String indicator, String disaggregation) {
  private static final Pattern FORM =
      Pattern.compile("([a-z][a-z0-9_]*)(?:\\[([a-z_]+=[a-z0-9_]+)])?");

  public ReportSource {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(disaggregation, "disaggregation");
  }

  /** @throws IllegalArgumentException when {@code text} is not {@code code} or {@code code[key=value]} */
  public static ReportSource parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("reports must be <code> or <code>[key=value], not '" + text + "'");
    }
    return new ReportSource(m.group(1), m.group(2) == null ? "" : m.group(2));
  }

  public boolean isTotal() {
    return disaggregation.isEmpty();
  }

  @Override
  public String toString() {
    return isTotal() ? indicator : indicator + "[" + disaggregation + "]";
  }
}
