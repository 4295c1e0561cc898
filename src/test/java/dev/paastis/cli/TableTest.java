package dev.paastis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void columns_are_as_wide_as_their_widest_cell_and_two_spaces_apart() {
    Table table = Table.of("NAME", "STATE", "NOTE").row("hello", "RUNNING", "x").row("a", "-", "");

    assertThat(table.lines())
        .containsExactly("NAME   STATE    NOTE", "hello  RUNNING  x", "a      -");
  }

  @Test
  void minimum_widths_keep_rows_printed_alone_under_the_header() {
    Table header = Table.of("A", "B").minWidths(6, 0);
    Table row = Table.of("A", "B").minWidths(6, 0).row("abc", "tail");

    assertThat(header.lines()).containsExactly("A       B");
    assertThat(row.rowLines()).containsExactly("abc     tail");
  }
}
