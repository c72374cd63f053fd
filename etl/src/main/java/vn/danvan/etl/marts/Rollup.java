package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static vn.danvan.etl.marts.Precedence.KEYS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The region half of "the nearest report wins" (docs/marts.md), bottom-up through both eras'
 * trees: a node's value is its own report if it has one, else its children's values plus the
 * records naming it. Values carry {@code rep} / {@code rec} (a report / records went into it) and
 * {@code mrank} (the least precise apportioning used: 0 none, 1 weight, 2 population, 3 equal).
 *
 * @param nodes {@code code, era, parent_code}: one row per code and era
 * @param communeShares {@code old_code, new_code, share, mrank}: old communes onto new ones
 * @param provinceLinks {@code old_code, new_code}: old provinces into new ones (whole)
 */
record Rollup(Dataset<Row> nodes, Dataset<Row> communeShares, Dataset<Row> provinceLinks) {
  static final String NATION = "VN";
  private static final String[] VALUES = {"value", "rep", "rec", "mrank"};

  /** A node value with what went into it, keyed by {@link Precedence#KEYS}. */
  static Dataset<Row> own(Dataset<Row> ownReports) {
    return ownReports.withColumn("rep", lit(true)).withColumn("rec", lit(false)).withColumn("mrank", lit(0));
  }

  static Dataset<Row> records(Dataset<Row> records) {
    return records.withColumn("rep", lit(false)).withColumn("rec", lit(true)).withColumn("mrank", lit(0));
  }

  /**
   * Every output row {@code boundaries, level, code, indicator, unit, grain, tstart, value, rep,
   * rec, mrank} of both modes, summed over reporting units. The intermediate frames it caches are
   * added to {@code cached}, for {@link #release} once the result is written.
   */
  Dataset<Row> run(Dataset<Row> own, Dataset<Row> rec, List<Dataset<Row>> cached) {
    Dataset<Row> o = keep(cached, own);
    Dataset<Row> c = keep(cached, rec);
    Dataset<Row> oldCommunes = keep(cached, combine(at(o, Facts.OLD, 5), at(c, Facts.OLD, 5)));
    Dataset<Row> communesUp = keep(cached, toParent(oldCommunes));
    Dataset<Row> districts = keep(cached, combine(at(o, Facts.OLD, 3),
        sumUp(withLength(communesUp, 3), at(c, Facts.OLD, 3))));
    Dataset<Row> oldProvinces = keep(cached, combine(at(o, Facts.OLD, 2),
        sumUp(withLength(toParent(districts), 2), withLength(communesUp, 2), at(c, Facts.OLD, 2))));
    Dataset<Row> newCommunes = keep(cached, combine(at(o, Facts.NEW, 5), at(c, Facts.NEW, 5)));
    Dataset<Row> newProvinceParts = keep(cached,
        sumUp(withLength(toParent(newCommunes), 2), at(c, Facts.NEW, 2)));
    // Restated, an old commune's figures follow its own lineage when nothing above it reported
    // (it may have moved to another new province than its old one); the rest of an old province's
    // figure (its own report, or its districts' reports and records, its own records and the
    // communes without lineage) moves whole with the province.
    Dataset<Row> linked = communeShares.select(col("old_code").as("l_code")).distinct();
    Dataset<Row> unlinked = oldCommunes.join(broadcast(linked), col("code").equalTo(col("l_code")), "left_anti");
    Dataset<Row> unlinkedUp = toParent(unlinked);
    Dataset<Row> districtRest = combine(at(o, Facts.OLD, 3),
        sumUp(withLength(unlinkedUp, 3), at(c, Facts.OLD, 3)));
    Dataset<Row> provinceRest = combine(at(o, Facts.OLD, 2),
        sumUp(withLength(toParent(districtRest), 2), withLength(unlinkedUp, 2), at(c, Facts.OLD, 2)));
    Dataset<Row> freeCommunes = notBelowAReport(
        oldCommunes.join(broadcast(linked), col("code").equalTo(col("l_code")), "left_semi"), o);
    Dataset<Row> provinces2025 = keep(cached, combine(at(o, Facts.NEW, 2),
        sumUp(newProvinceParts, through(provinceRest, provinceLinks.withColumn("share", lit(1.0))
            .withColumn("mrank", lit(0))), through(freeCommunes, provinceShares()))));
    Dataset<Row> communes2025 = combine(at(o, Facts.NEW, 5),
        sumUp(at(c, Facts.NEW, 5), through(oldCommunes, communeShares)));
    // As reported, a code of both eras is one series, its new unit standing for its old one
    Dataset<Row> provincesReported = combine(at(o, Facts.NEW, 2),
        sumUp(newProvinceParts, sameCode(oldProvinces, 2)));
    Dataset<Row> communesReported = combine(at(o, Facts.NEW, 5),
        sumUp(at(c, Facts.NEW, 5), sameCode(oldCommunes, 5)));
    Dataset<Row> nation = sumUp(provinces2025.withColumn("code", lit(NATION)));

    Dataset<Row> out = output("reported", "nation", nation)
        .unionByName(output("2025", "nation", nation))
        .unionByName(output("reported", "province", provincesReported.unionByName(onlyOld(oldProvinces, 2))))
        .unionByName(output("reported", "district", districts))
        .unionByName(output("reported", "commune", communesReported.unionByName(onlyOld(oldCommunes, 5))))
        .unionByName(output("2025", "province", provinces2025))
        .unionByName(output("2025", "commune", communes2025));
    return out.groupBy("boundaries", "level", "code", "indicator", "grain", "tstart")
        .agg(sum("value").as("value"), max("rep").as("rep"), max("rec").as("rec"),
            max("mrank").as("mrank"));
  }

  /** Forgets the frames {@link #run} kept; call after its result is written. */
  static void release(List<Dataset<Row>> cached) {
    cached.forEach(Dataset::unpersist);
  }

  /**
   * Computes a frame used more than once now and cuts its plan: the levels build on each other,
   * and without the cut every level would re-plan (and re-run) all the levels below it.
   */
  static Dataset<Row> keep(List<Dataset<Row>> cached, Dataset<Row> frame) {
    Dataset<Row> kept = frame.localCheckpoint(true);
    cached.add(kept);
    return kept;
  }

  /**
   * The node's own report where it has one, else what its parts add up to. An anti join rather
   * than a full outer one: the own reports are the smaller side and can be broadcast, so the
   * parts are not shuffled.
   */
  static Dataset<Row> combine(Dataset<Row> own, Dataset<Row> inner) {
    Dataset<Row> o = own.where(col("value").isNotNull()).select(columns());
    return o.unionByName(inner.join(o.select(KEYS[0], Precedence.rest(KEYS)), Precedence.scala(KEYS), "left_anti")
        .select(columns()));
  }

  /** Sums values of the same key; what went into any part went into the sum. */
  static Dataset<Row> sumUp(Dataset<Row> first, Dataset<Row>... more) {
    Dataset<Row> all = first;
    for (Dataset<Row> d : more) {
      all = all.unionByName(d);
    }
    return all.groupBy(KEYS[0], Precedence.rest(KEYS)).agg(sum("value").as("value"),
        max("rep").as("rep"), max("rec").as("rec"), max("mrank").as("mrank"));
  }

  private static Dataset<Row> at(Dataset<Row> v, String era, int codeLength) {
    return v.where(col("era").equalTo(era).and(length(col("code")).equalTo(codeLength)));
  }

  private static Dataset<Row> withLength(Dataset<Row> v, int codeLength) {
    return v.where(length(col("code")).equalTo(codeLength));
  }

  /** Values moved onto their node's parent (same era); a node without a parent is dropped. */
  private Dataset<Row> toParent(Dataset<Row> v) {
    Dataset<Row> parents = nodes.where(col("parent_code").isNotNull())
        .select(col("code").as("p_code"), col("era").as("p_era"), col("parent_code"));
    return v.join(broadcast(parents), col("code").equalTo(col("p_code")).and(col("era").equalTo(col("p_era"))))
        .withColumn("code", col("parent_code")).select(columns());
  }

  /** Old nodes' values carried onto new ones by {@code links} (old_code, new_code, share, mrank). */
  private static Dataset<Row> through(Dataset<Row> old, Dataset<Row> links) {
    Dataset<Row> l = links.select(col("old_code"), col("new_code"), col("share"), col("mrank").as("l_mrank"));
    return old.join(broadcast(l), col("code").equalTo(col("old_code")))
        .withColumn("code", col("new_code")).withColumn("era", lit(Facts.NEW))
        .withColumn("value", col("value").multiply(col("share")))
        .withColumn("mrank", org.apache.spark.sql.functions.greatest(col("mrank"), col("l_mrank")))
        .select(columns());
  }

  /**
   * Old communes' values whose district and province have no own report for the same key: the
   * values that reach the old province unchanged.
   */
  private Dataset<Row> notBelowAReport(Dataset<Row> communes, Dataset<Row> own) {
    Dataset<Row> old = nodes.where(col("era").equalTo(Facts.OLD));
    Dataset<Row> up = old.select(col("code").as("u_code"), col("parent_code").as("u_parent"));
    Dataset<Row> ancestry = old.where(length(col("code")).equalTo(5))
        .select(col("code").as("a_code"), col("parent_code").as("a_parent"))
        .join(broadcast(up), col("a_parent").equalTo(col("u_code")), "left")
        .select(col("a_code"), when(length(col("a_parent")).equalTo(3), col("a_parent")).as("a_district"),
            when(length(col("a_parent")).equalTo(2), col("a_parent")).otherwise(col("u_parent")).as("a_province"));
    Dataset<Row> withAncestry = communes.join(broadcast(ancestry), col("code").equalTo(col("a_code")), "left");
    Dataset<Row> reported = at(own, Facts.OLD, 3).unionByName(at(own, Facts.OLD, 2))
        .select(col("code").as("r_code"), col("indicator").as("r_indicator"), col("unit").as("r_unit"),
            col("grain").as("r_grain"), col("tstart").as("r_tstart"));
    Column sameKey = col("indicator").equalTo(col("r_indicator")).and(col("unit").equalTo(col("r_unit")))
        .and(col("grain").equalTo(col("r_grain"))).and(col("tstart").equalTo(col("r_tstart")));
    return withAncestry
        .join(reported, sameKey.and(col("r_code").equalTo(col("a_district"))), "left_anti")
        .join(reported, sameKey.and(col("r_code").equalTo(col("a_province"))), "left_anti")
        .select(columns());
  }

  /**
   * {@code old_code, new_code, share, mrank}: old communes onto new provinces, the shares of an
   * old commune's new communes in one province added up; whole (exact) when all lie in one.
   */
  private Dataset<Row> provinceShares() {
    Dataset<Row> parents = nodes.where(col("era").equalTo(Facts.NEW).and(length(col("code")).equalTo(5)))
        .select(col("code").as("p_code"), col("parent_code").as("p_parent"));
    Dataset<Row> shares = communeShares.join(broadcast(parents), col("new_code").equalTo(col("p_code")))
        .groupBy(col("old_code"), col("p_parent").as("new_code"))
        .agg(sum("share").as("share"), max("mrank").as("mrank"));
    Column provinces = count(lit(1)).over(Window.partitionBy("old_code"));
    return shares.withColumn("mrank", when(provinces.equalTo(1), lit(0)).otherwise(col("mrank")))
        .withColumn("share", when(provinces.equalTo(1), lit(1.0)).otherwise(col("share")));
  }

  /** Old nodes whose code a new unit of the same level took over, as that new node's part. */
  private Dataset<Row> sameCode(Dataset<Row> old, int codeLength) {
    Dataset<Row> newCodes = nodes.where(col("era").equalTo(Facts.NEW)
        .and(length(col("code")).equalTo(codeLength))).select(col("code").as("n_code"));
    return old.join(broadcast(newCodes), col("code").equalTo(col("n_code")))
        .withColumn("era", lit(Facts.NEW)).select(columns());
  }

  /** Old nodes whose code no new unit took over: their own series as reported. */
  private Dataset<Row> onlyOld(Dataset<Row> old, int codeLength) {
    Dataset<Row> newCodes = nodes.where(col("era").equalTo(Facts.NEW)
        .and(length(col("code")).equalTo(codeLength))).select(col("code").as("n_code"));
    return old.join(broadcast(newCodes), col("code").equalTo(col("n_code")), "left_anti");
  }

  private static Dataset<Row> output(String boundaries, String level, Dataset<Row> v) {
    return v.select(lit(boundaries).as("boundaries"), lit(level).as("level"), col("code"),
        col("indicator"), col("unit"), col("grain"), col("tstart"), col("value"), col("rep"),
        col("rec"), col("mrank"));
  }

  private static Column[] columns() {
    List<Column> c = new ArrayList<>();
    Arrays.stream(KEYS).forEach(k -> c.add(col(k)));
    Arrays.stream(VALUES).forEach(v -> c.add(col(v)));
    return c.toArray(Column[]::new);
  }

}
