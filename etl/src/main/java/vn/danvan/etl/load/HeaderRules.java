package vn.danvan.etl.load;

import java.util.Map;
import vn.danvan.contract.checks.HeaderCheck;

/**
 * The contract's {@link HeaderCheck} applied to a landing file: a refused header refuses the load,
 * naming the file.
 */
final class HeaderRules {
  private HeaderRules() {}

  /**
   * Contract column name to the header name that carries it, in contract order. Throws
   * {@link LoadRefusedException} naming the file and the column when the header is refused.
   */
  static Map<String, String> mapping(LandingFile file) {
    try {
      return HeaderCheck.mapping(file.table(), file.header());
    } catch (HeaderCheck.RefusedException e) {
      throw refused(file, e.getMessage());
    }
  }

  private static LoadRefusedException refused(LandingFile file, String why) {
    return new LoadRefusedException("refused " + file.path() + ": " + why
        + "; nothing of this load was written");
  }
}
