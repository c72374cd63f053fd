package vn.danvan.etl.marts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import vn.danvan.catalogue.Indicator;
import vn.danvan.etl.marts.Rollup.Point;

/**
 * The catalogue's ratio indicators, and the families they tie together: an indicator, the ratios
 * it is an operand of and their other operands are rolled up in one group, so that every ratio
 * finds both operands there.
 */
final class RatioFamilies implements Serializable {
  private static final long serialVersionUID = 1L;

  record Ratio(String code, String numerator, String denominator, double scale) implements Serializable {}

  /** Ratio indicators by their numerator. */
  private final List<Ratio> ratios = new ArrayList<>();
  /** Each indicator's family: the indicator that names the group it is rolled in. */
  private final Map<String, String> family = new HashMap<>();

  RatioFamilies(List<Indicator> catalogue) {
    for (Indicator i : catalogue) {
      family.put(i.code(), i.code());
    }
    for (Indicator i : catalogue) {
      i.ratioOperands().ifPresent(ops -> {
        ratios.add(new Ratio(i.code(), ops.get(0), ops.get(1), "%".equals(i.unit()) ? 100.0 : 1.0));
        String f = family.get(ops.get(1));
        family.replaceAll((code, g) -> g.equals(family.get(ops.get(0))) || g.equals(family.get(i.code())) ? f : g);
      });
    }
  }

  /** The family of an indicator; an indicator outside the catalogue is its own. */
  String familyOf(String indicator) {
    return family.getOrDefault(indicator, indicator);
  }

  /** {@link #familyOf} as a column of the indicator's code. */
  Column familyOf(Column indicator) {
    List<Column> pairs = new ArrayList<>();
    family.forEach((code, f) -> {
      if (!code.equals(f)) {
        pairs.add(functions.lit(code));
        pairs.add(functions.lit(f));
      }
    });
    return pairs.isEmpty() ? indicator : functions.coalesce(functions.element_at(
        functions.map(pairs.toArray(Column[]::new)), indicator), indicator);
  }

  /**
   * Ratio indicators from their operands' figures of the same mode, region and period ({@link
   * Places place}).
   */
  void addRatios(Map<Point, IdMap> out) {
    Map<Point, IdMap> added = new HashMap<>();
    out.forEach((p, numerators) -> {
      for (Ratio r : ratios) {
        if (!r.numerator().equals(p.indicator())) {
          continue;
        }
        IdMap denominators = out.get(new Point(r.denominator(), p.grain(), p.day()));
        if (denominators == null) {
          continue;
        }
        IdMap figures = added.computeIfAbsent(new Point(r.code(), p.grain(), p.day()), k -> new IdMap());
        numerators.forEach((place, num) -> {
          Figure den = denominators.get(place);
          if (den != null && den.value > 0) {
            // what went into both operands went into the ratio; its value is set below
            Figure ratio = new Figure().add(num).add(den, 0.0, Apportioning.EXACT);
            ratio.value = num.value / den.value * r.scale();
            figures.put(place, ratio);
          }
        });
      }
    });
    added.forEach((p, figures) -> out.merge(p, figures, (a, b) -> {
      b.forEach((place, f) -> {
        Figure there = a.get(place);
        if (there == null) {
          a.put(place, f);
        } else {
          there.add(f);
        }
      });
      return a;
    }));
  }
}
