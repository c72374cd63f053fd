package vn.danvan.contract.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.danvan.contract.Column;
import vn.danvan.contract.PersonalData;
import vn.danvan.contract.Table;

/**
 * Which table an uploaded file is for, when the sender did not say: the folder it sits in when
 * that is a table's (a landing folder), else the one intake table whose required columns the
 * header all has (the most columns in common when several have; none when that is a tie).
 */
final class TableGuess {
  private TableGuess() {}

  static Table of(Path file, List<String> header) {
    Path parent = file.getParent();
    Optional<Table> folder = parent == null || parent.getFileName() == null ? Optional.empty()
        : Table.forFolder(parent.getFileName().toString());
    if (folder.isPresent()) {
      return folder.get();
    }
    Set<String> names = header.stream().map(PersonalData::normalise).collect(Collectors.toSet());
    Table best = null;
    long bestCount = -1;
    boolean tie = false;
    for (Table t : DryRun.TABLES) {
      boolean complete = t.columns().stream().filter(Column::required).allMatch(c -> names.contains(c.name()));
      long count = t.columnNames().stream().filter(names::contains).count();
      if (!complete) {
        continue;
      }
      if (count > bestCount) {
        best = t;
        bestCount = count;
        tie = false;
      } else if (count == bestCount) {
        tie = true;
      }
    }
    return tie ? null : best;
  }
}
