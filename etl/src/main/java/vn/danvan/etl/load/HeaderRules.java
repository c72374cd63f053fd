package vn.danvan.etl.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.danvan.contract.Column;
import vn.danvan.contract.PersonalData;

/**
 * Decides whether a file's header is acceptable and which of its columns carries each contract
 * column. Columns are matched by name, not position, after folding case, accents, spaces and
 * hyphens ({@code "Region code"} is {@code region_code}); unknown columns are ignored unless they
 * look like personal data, which refuses the whole file.
 */
final class HeaderRules {
  private HeaderRules() {}

  /**
   * Contract column name to the header name that carries it, in contract order. Throws
   * {@link LoadRefusedException} naming the file and the column when the header is refused.
   */
  static Map<String, String> mapping(LandingFile file) {
    List<String> header = file.header();
    if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
      throw refused(file, "has no header row");
    }
    Map<String, String> byContract = new LinkedHashMap<>();
    for (String name : header) {
      Optional<String> personal = PersonalData.violation(file.table(), name);
      if (personal.isPresent()) {
        throw refused(file, "column '" + name + "' looks like " + personal.get()
            + " of members of the public, which the warehouse never stores");
      }
      String folded = PersonalData.normalise(name);
      if (file.table().column(folded).isEmpty()) {
        continue;
      }
      String earlier = byContract.putIfAbsent(folded, name);
      if (earlier != null) {
        throw refused(file, "columns '" + earlier + "' and '" + name + "' both give the contract column '"
            + folded + "'");
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (Column column : file.table().columns()) {
      String source = byContract.get(column.name());
      if (source != null) {
        ordered.put(column.name(), source);
      } else if (column.required()) {
        throw refused(file, "misses the required column '" + column.name() + "' of table "
            + file.table().folder() + " (header: " + String.join(",", header) + ")");
      }
    }
    return ordered;
  }

  static LoadRefusedException refused(LandingFile file, String why) {
    return new LoadRefusedException("refused " + file.path() + ": " + why
        + "; nothing of this load was written");
  }
}
