package vn.danvan.etl.load;

import java.nio.file.Path;
import java.util.List;
import vn.danvan.contract.landing.XlsxSheet;

/** The contract's {@link XlsxSheet} for the load: a workbook it cannot read refuses the load. */
final class Workbooks {
  private Workbooks() {}

  static List<String> header(Path file) {
    try {
      return XlsxSheet.header(file);
    } catch (XlsxSheet.UnreadableException e) {
      throw refused(file, e);
    }
  }

  static XlsxSheet.Content read(Path file) {
    try {
      return XlsxSheet.read(file);
    } catch (XlsxSheet.UnreadableException e) {
      throw refused(file, e);
    }
  }

  private static LoadRefusedException refused(Path file, XlsxSheet.UnreadableException e) {
    return new LoadRefusedException("refused " + file + ": " + e.getMessage()
        + "; nothing of this load was written", e);
  }
}
