package vn.danvan.dashboard.review;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the pages print them ({@code fmt} in core.js, {@code Intl.NumberFormat} with at most
 * two decimals): Vietnamese groups thousands with a dot and writes the decimal comma (4.494;
 * 52,44 %), English the other way round. The sentences and the Word document use this, the pages
 * their own formatter, and the pack's test holds the two to the same text.
 */
public final class VietnameseNumbers {
  private VietnameseNumbers() {}

  /** {@code value} with at most two decimals in {@code lang}'s form; null as an em dash. */
  public static String format(Double value, String lang) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return "—";
    }
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    boolean english = "en".equals(lang);
    symbols.setGroupingSeparator(english ? ',' : '.');
    symbols.setDecimalSeparator(english ? '.' : ',');
    symbols.setMinusSign('-');
    DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
    format.setRoundingMode(RoundingMode.HALF_UP);
    String text = format.format(value);
    return text.equals("-0") ? "0" : text;
  }

  /** A share in per cent as the pages write it: {@code 52,44 %}. */
  public static String percent(Double value, String lang) {
    return value == null || !Double.isFinite(value) ? "—" : format(value, lang) + " %";
  }
}
