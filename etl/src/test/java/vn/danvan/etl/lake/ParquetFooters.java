package vn.danvan.etl.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** What a Parquet file's footer says about how its columns were written. */
public final class ParquetFooters {
  private ParquetFooters() {}

  /** The columns with a dictionary page in any row group of the file. */
  public static Set<String> dictionaryColumns(Path file) throws IOException {
    Set<String> columns = new TreeSet<>();
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        for (ColumnChunkMetaData column : block.getColumns()) {
          if (column.hasDictionaryPage()) {
            columns.add(column.getPath().toDotString());
          }
        }
      }
    }
    return columns;
  }
}
