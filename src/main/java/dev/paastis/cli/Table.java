package dev.paastis.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows of text in aligned columns, two spaces apart, the last column left ragged. */
final class Table {

  private final List<String> headers;
  private int[] minWidths;
  private final List<List<String>> rows = new ArrayList<>();

  private Table(List<String> headers) {
    this.headers = headers;
    this.minWidths = new int[headers.size()];
  }

  static Table of(String... headers) {
    return new Table(List.of(headers));
  }

  /** Columns at least this wide, for output printed a row at a time. */
  Table minWidths(int... widths) {
    if (widths.length != headers.size()) {
      throw new IllegalArgumentException("one width a column: " + headers);
    }
    minWidths = widths.clone();
    return this;
  }

  Table row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("one cell a column: " + headers);
    }
    rows.add(List.of(cells));
    return this;
  }

  /** The header line and then every row. */
  List<String> lines() {
    int[] widths = widths();
    List<String> lines = new ArrayList<>();
    lines.add(line(headers, widths));
    rows.forEach(row -> lines.add(line(row, widths)));
    return lines;
  }

  /** The rows alone, without the header. */
  List<String> rowLines() {
    int[] widths = widths();
    return rows.stream().map(row -> line(row, widths)).toList();
  }

  private int[] widths() {
    int[] widths = Arrays.copyOf(minWidths, minWidths.length);
    for (List<String> row : concat()) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    return widths;
  }

  private List<List<String>> concat() {
    List<List<String>> all = new ArrayList<>(rows);
    all.add(headers);
    return all;
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append("  ");
      }
      line.append(cells.get(i));
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - cells.get(i).length()));
      }
    }
    return line.toString().stripTrailing();
  }
}
