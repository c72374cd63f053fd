package vn.danvan.etl.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.QuestionBank.Question;
import vn.danvan.etl.generate.TaskOut.TaskResult;

/**
 * The opinion surveys: one or two waves a year (2025: one under the old units in spring, one under
 * the new units in autumn, so that a wave's fieldwork lies inside one era), 10-13 questions per wave
 * in their own order, and long-form responses of anonymous respondents: an opaque random id, a
 * province (in the provinces that read their own survey by district or, after the reform, by
 * commune, mostly one of those units), coarse strata and a weight. Nothing else about a respondent exists here.
 */
final class SurveysGen {
  private SurveysGen() {}

  static final Table W = Table.SURVEY_WAVES;
  static final Table Q = Table.SURVEY_QUESTIONS;
  static final Table R = Table.SURVEY_RESPONSES;
  /**
   * Respondents per wave at scale 1 (PAPI asks about 14,000 a year): enough that most provinces
   * reach the 30 respondents a shown cell needs, so the demo's map has figures and withheld cells.
   */
  static final double RESPONDENTS = 3_000;
  /**
   * The provinces that read their own survey below province level (the most populous ones), the
   * units they read it by (their most populous districts before the reform, communes after), and
   * the share of their respondents coded in one of those units (the rest keep the province's code).
   */
  static final int OWN_SURVEYS = 2;
  static final int OWN_UNITS = 3;
  static final double OWN_CODED = 0.8;
  static final String[] AGES = {"18-29", "30-44", "45-59", "60+"};
  static final double[] AGE_WEIGHTS = Rng.cumulative(22, 30, 27, 21);

  record Wave(String id, Segment segment, int from, int to, String title, String method,
      List<Question> questions) {
    String questionId(int i) {
      return "Q" + (i < 9 ? "0" : "") + (i + 1);
    }
  }

  static Plan responsePlan() {
    return new Plan(R, List.of(Ways.malformed(), Ways.missing(R, "region_code", "weight"),
        Ways.badType(R, "weight"),
        Ways.vocabularies(R, new String[] {"sex", "x", "unknown"}, new String[] {"age_group", "15-17", "<18"},
            new String[] {"residence", "suburban"}),
        Ways.nonPositiveWeight(R, "weight"), Ways.unknownRegion(R, "region_code"),
        Ways.regionNotValid(R, "region_code"),
        // Only questions are made up: an unknown wave would make its question unknown too (two checks).
        Ways.unknownReference(R, "question_id"),
        Ways.duplicate()));
  }

  /** The waves of the requested years with their questions; decided by the seed alone. */
  static List<Wave> waves(GenerateConfig config) {
    List<Wave> waves = new ArrayList<>();
    for (int year = config.firstYear(); year <= config.lastYear(); year++) {
      SplittableRandom rnd = new SplittableRandom(Rng.seed(config.seed(), "waves", year));
      List<Segment> segments = Segment.of(year);
      int count = segments.size() == 2 || Rng.chance(rnd, 0.4) ? 2 : 1;
      for (int n = 1; n <= count; n++) {
        boolean spring = n == 1;
        Segment s = segments.get(segments.size() == 2 && !spring ? 1 : 0);
        int from = Dates.day(year, spring ? 4 : 9, 1) + rnd.nextInt(45);
        int to = from + Rng.between(rnd, 14, 35);
        String title = "Điều tra dư luận xã hội về công tác dân vận năm " + year + (count == 2 ? ", đợt " + n : "");
        String method = Rng.chance(rnd, 0.7) ? "Phỏng vấn trực tiếp tại hộ gia đình"
            : "Khảo sát trực tuyến kết hợp phỏng vấn qua điện thoại";
        List<Question> questions = new ArrayList<>();
        for (Question q : QuestionBank.ALL) {
          if (QuestionBank.asked(q, year) && (questions.size() < 2 || Rng.chance(rnd, 0.85))) {
            questions.add(q);
          }
        }
        for (int i = questions.size() - 1; i > 1; i--) {
          java.util.Collections.swap(questions, i, 2 + rnd.nextInt(i - 1));
        }
        waves.add(new Wave("W" + year + "-" + n, s, from, to, title, method, List.copyOf(questions)));
      }
    }
    return waves;
  }

  /** {@code survey_waves} and {@code survey_questions}: small, clean, one file each. */
  static TaskResult writeWaves(GenerateConfig config, Units units, List<Wave> waves)
      throws java.io.IOException {
    try (TaskOut out = new TaskOut(config, units, "waves")) {
      RowSink w = out.open(W, "waves.csv", false);
      RowSink q = out.open(Q, "questions.csv", true);
      Plan waveRows = Plan.clean(W);
      Plan questionRows = Plan.clean(Q);
      for (Wave wave : waves) {
        out.emit(waveRows, w, new String[] {wave.id(), wave.title(), Dates.iso(wave.from()), Dates.iso(wave.to()),
            wave.method(), "Người dân từ 18 tuổi trở lên"}, wave.segment().era());
        for (int i = 0; i < wave.questions().size(); i++) {
          Question x = wave.questions().get(i);
          out.emit(questionRows, q, new String[] {wave.id(), wave.questionId(i), x.text(), x.type(),
              x.options(), x.indicator()}, wave.segment().era());
        }
      }
      return out.finish();
    }
  }

  static List<Callable<TaskResult>> responses(GenerateConfig config, Units units, List<Wave> waves) {
    List<Callable<TaskResult>> tasks = new ArrayList<>();
    for (int i = 0; i < waves.size(); i++) {
      Wave wave = waves.get(i);
      int index = i;
      tasks.add(() -> responses(config, units, wave, index));
    }
    return tasks;
  }

  /** Per province, the codes its own survey is read by; null for a province read as a whole. */
  static String[][] ownSurveyUnits(EraUnits eu) {
    String[][] out = new String[eu.provinces()][];
    boolean communes = eu.era == Era.NEW;
    java.util.stream.IntStream.range(0, eu.provinces()).boxed()
        .sorted(java.util.Comparator.<Integer>comparingLong(p -> -eu.provincePop[p]).thenComparing(p -> p))
        .limit(OWN_SURVEYS).forEach(p -> {
          int[] units = communes ? eu.communesOf[p] : eu.districtsOf[p];
          long[] pop = communes ? eu.communePop : eu.districtPop;
          String[] code = communes ? eu.communeCode : eu.districtCode;
          String[] top = java.util.Arrays.stream(units).boxed()
              .sorted(java.util.Comparator.<Integer>comparingLong(u -> -pop[u]).thenComparing(u -> u))
              .limit(OWN_UNITS).map(u -> code[u]).toArray(String[]::new);
          out[p] = top.length == 0 ? null : top;
        });
    return out;
  }

  private static TaskResult responses(GenerateConfig config, Units units, Wave wave, int index)
      throws Exception {
    EraUnits eu = units.of(wave.segment().era());
    double[] byPopulation = new double[eu.provinces()];
    for (int p = 0; p < byPopulation.length; p++) {
      byPopulation[p] = eu.provincePop[p];
    }
    double[] provinces = Rng.cumulative(byPopulation);
    String[][] own = ownSurveyUnits(eu);
    Plan plan = responsePlan();
    int year = wave.segment().year();
    try (TaskOut out = new TaskOut(config, units, "responses", wave.id())) {
      SplittableRandom rnd = out.rnd;
      RowSink sink = out.open(R, wave.id() + ".csv", Layout.bom(index));
      int respondents = Rng.poisson(rnd, config.scale() * RESPONDENTS);
      String[] row = new String[9];
      long salt = Rng.seed(config.seed(), "respondents", wave.id());
      for (int r = 0; r < respondents; r++) {
        int p = Rng.pick(rnd, provinces);
        double mood = rnd.nextGaussian()
            + 0.3 * new SplittableRandom(Rng.seed(config.seed(), "mood", eu.provinceCode[p])).nextGaussian();
        // A bijection of (wave, number): unique within the wave, and says nothing about anyone.
        String respondent = String.format("r%016x", Rng.mix(salt + r));
        String age = AGES[Rng.pick(rnd, AGE_WEIGHTS)];
        double u = rnd.nextDouble();
        String sex = u < 0.485 ? "male" : u < 0.995 ? "female" : "other";
        String residence = Rng.chance(rnd, 0.38) ? "urban" : "rural";
        String weight = Double.toString(Math.max(1, Math.round(Rng.lognormal(rnd, 1, 0.35) * 1000)) / 1000.0);
        // its own generator, so that the other draws (and so every other figure) stay as they were
        String region = eu.provinceCode[p];
        if (own[p] != null) {
          SplittableRandom below = new SplittableRandom(Rng.seed(config.seed(), "below", wave.id(), r));
          if (Rng.chance(below, OWN_CODED)) {
            region = own[p][below.nextInt(own[p].length)];
          }
        }
        for (int q = 0; q < wave.questions().size(); q++) {
          row[0] = wave.id();
          row[1] = respondent;
          row[2] = region;
          row[3] = age;
          row[4] = sex;
          row[5] = residence;
          row[6] = weight;
          row[7] = wave.questionId(q);
          row[8] = QuestionBank.answer(wave.questions().get(q), mood, year, rnd);
          out.emit(plan, sink, row, wave.segment().era());
        }
      }
      return out.finish();
    }
  }
}
