package vn.danvan.contract.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.danvan.contract.Column;
import vn.danvan.contract.PersonalData;
import vn.danvan.contract.Table;

/**
 * Decides whether a file's header is acceptable and which of its columns carries each contract
 * column. Columns are matched by name, not position, after folding case, accents, spaces and
 * hyphens ({@code "Region code"} is {@code region_code}); unknown columns are ignored unless they
 * look like personal data ({@link PersonalData}), which refuses the whole file.
 */
public final class HeaderCheck {
  private HeaderCheck() {}

  /** A header the warehouse does not accept; the message says why, without the file's name. */
  public static final class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefusedException(String why) {
      super(why);
    }
  }

  /**
   * Contract column name to the header name that carries it, in contract order.
   *
   * @throws RefusedException when the header is empty, has a personal-data column, gives a
   *     contract column twice or misses a required one
   */
  public static Map<String, String> mapping(Table table, List<String> header) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(header, "header");
    if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
      throw new RefusedException("has no header row");
    }
    Map<String, String> byContract = new LinkedHashMap<>();
    for (String name : header) {
      Optional<String> personal = PersonalData.violation(table, name);
      if (personal.isPresent()) {
        throw new RefusedException("column '" + name + "' looks like " + personal.get()
            + " of members of the public, which the warehouse never stores");
      }
      String folded = PersonalData.normalise(name);
      if (table.column(folded).isEmpty()) {
        continue;
      }
      String earlier = byContract.putIfAbsent(folded, name);
      if (earlier != null) {
        throw new RefusedException("columns '" + earlier + "' and '" + name
            + "' both give the contract column '" + folded + "'");
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (Column column : table.columns()) {
      String source = byContract.get(column.name());
      if (source != null) {
        ordered.put(column.name(), source);
      } else if (column.required()) {
        throw new RefusedException("misses the required column '" + column.name() + "' of table "
            + table.folder() + " (header: " + String.join(",", header) + ")");
      }
    }
    return ordered;
  }
}
