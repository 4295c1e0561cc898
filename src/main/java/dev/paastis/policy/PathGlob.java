package dev.paastis.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path pattern, matched against the whole path: {@code *} is any run of characters but {@code /},
 * {@code **} any run of characters, {@code ?} one character but {@code /}; every other character
 * stands for itself. For example {@code /health}, {@code /healthz*}, {@code /.well-known/**} (which
 * {@code /.well-known} alone does not match), <code>/api/*&#47;status</code>.
 *
 * <p>Matching walks the path once, keeping the set of glob positions reached (O(path × glob)), and
 * uses no regular expression: the path comes from the client, and a glob such as <code>
 * /**&#47;a/**&#47;b</code> turned into a regex backtracks for a time that grows as a power of the
 * length of a path built to defeat it.
 */
public final class PathGlob {

  /** What one position of the glob accepts. */
  private enum Kind {
    LITERAL,
    ONE_CHARACTER,
    SEGMENT_RUN,
    ANY_RUN
  }

  private final String glob;
  private final Kind[] kinds;
  private final char[] literals;

  /** What every matching path starts with: most paths are told apart here, at no cost. */
  private final String literalPrefix;

  /** Whether the glob is its literal prefix alone, so that a path matches when it is equal. */
  private final boolean literalOnly;

  private PathGlob(String glob, Kind[] kinds, char[] literals) {
    this.glob = glob;
    this.kinds = kinds;
    this.literals = literals;
    int prefixLength = 0;
    while (prefixLength < kinds.length && kinds[prefixLength] == Kind.LITERAL) {
      prefixLength++;
    }
    this.literalPrefix = new String(literals, 0, prefixLength);
    this.literalOnly = prefixLength == kinds.length;
  }

  /**
   * Compiles a glob.
   *
   * @throws IllegalArgumentException naming the glob when it starts with neither {@code /} nor
   *     {@code *}
   */
  public static PathGlob compile(String glob) {
    if (glob.isEmpty() || (glob.charAt(0) != '/' && glob.charAt(0) != '*')) {
      throw new IllegalArgumentException(
          "the path glob '"
              + glob
              + "' must start with / or * (a path such as /health, /healthz*, /.well-known/**"
              + " or /api/*/status)");
    }
    List<Kind> kinds = new ArrayList<>();
    StringBuilder literals = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      Kind kind;
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        kind = Kind.ANY_RUN;
        while (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          i++; // '***' is '**'
        }
      } else if (c == '*') {
        kind = Kind.SEGMENT_RUN;
      } else if (c == '?') {
        kind = Kind.ONE_CHARACTER;
      } else {
        kind = Kind.LITERAL;
      }
      kinds.add(kind);
      literals.append(kind == Kind.LITERAL ? c : '\0');
    }
    return new PathGlob(glob, kinds.toArray(Kind[]::new), literals.toString().toCharArray());
  }

  /** Whether the whole of {@code path} matches. */
  public boolean matches(String path) {
    if (literalOnly) {
      return path.equals(literalPrefix);
    }
    if (!path.startsWith(literalPrefix)) {
      return false;
    }
    // reached[i]: the path read so far matches the first i positions of the glob
    boolean[] reached = new boolean[kinds.length + 1];
    boolean[] next = new boolean[kinds.length + 1];
    reached[0] = true;
    skipEmptyRuns(reached);
    for (int p = 0; p < path.length(); p++) {
      char c = path.charAt(p);
      Arrays.fill(next, false);
      for (int i = 0; i < kinds.length; i++) {
        if (!reached[i]) {
          continue;
        }
        switch (kinds[i]) {
          case LITERAL -> next[i + 1] |= literals[i] == c;
          case ONE_CHARACTER -> next[i + 1] |= c != '/';
          case SEGMENT_RUN -> next[i] |= c != '/';
          case ANY_RUN -> next[i] = true;
        }
      }
      skipEmptyRuns(next);
      if (noneReached(next)) {
        return false;
      }
      boolean[] swap = reached;
      reached = next;
      next = swap;
    }
    return reached[kinds.length];
  }

  /** A run may be empty: reaching it reaches the position after it too. */
  private void skipEmptyRuns(boolean[] reached) {
    for (int i = 0; i < kinds.length; i++) {
      if (reached[i] && (kinds[i] == Kind.SEGMENT_RUN || kinds[i] == Kind.ANY_RUN)) {
        reached[i + 1] = true;
      }
    }
  }

  private static boolean noneReached(boolean[] reached) {
    for (boolean position : reached) {
      if (position) {
        return false;
      }
    }
    return true;
  }

  /** The glob as written. */
  public String glob() {
    return glob;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PathGlob that && glob.equals(that.glob);
  }

  @Override
  public int hashCode() {
    return glob.hashCode();
  }

  @Override
  public String toString() {
    return glob;
  }
}
