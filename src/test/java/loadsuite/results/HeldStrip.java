package loadsuite.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-second strip of a held goal, as the run report and the suite page show it: the seconds
 * in at most a given number of cells, each cell all held, partly held or not held at all.
 */
final class HeldStrip {
  /** The cells of the run report's strip. */
  static final int TEXT_CELLS = 60;
  /** The cells of the suite page's strip. */
  static final int HTML_CELLS = 120;

  /** How the seconds of one cell held. */
  enum Cell { HELD, PARTLY, NOT }

  private HeldStrip() {}

  /** {@code seconds} ('1' held, '0' not) in at most {@code max} cells of equal seconds (the last may hold fewer). */
  static List<Cell> cells(String seconds, int max) {
    int per = Math.max(1, (seconds.length() + max - 1) / max);
    List<Cell> cells = new ArrayList<>();
    for (int from = 0; from < seconds.length(); from += per) {
      String part = seconds.substring(from, Math.min(seconds.length(), from + per));
      cells.add(part.indexOf('0') < 0 ? Cell.HELD : part.indexOf('1') < 0 ? Cell.NOT : Cell.PARTLY);
    }
    return cells;
  }

  /** The run report's lines: each held goal, its verdict, and its strip ({@code #} held, {@code +} partly, {@code .} not). */
  static String render(List<RunSummary.HeldGoal> held) {
    StringBuilder out = new StringBuilder();
    for (RunSummary.HeldGoal h : held) {
      StringBuilder strip = new StringBuilder();
      cells(h.seconds(), TEXT_CELLS).forEach(c -> strip.append(c == Cell.HELD ? '#' : c == Cell.PARTLY ? '+' : '.'));
      out.append(String.format(Locale.ROOT, "held %s: %.1f %% of %d s (goal at least %s) %s%n     |%s| %s%n", h.goal().replaceFirst(" held in .*", ""),
          h.actual(), h.seconds().length(), h.threshold(), h.met() ? "met" : "MISSED", strip, perCell(h.seconds())));
    }
    return out.toString();
  }

  /** The suite page's strip: a cell per span of seconds, its title saying which. */
  static String html(RunSummary.HeldGoal held) {
    int per = Math.max(1, (held.seconds().length() + HTML_CELLS - 1) / HTML_CELLS);
    StringBuilder out = new StringBuilder("<span class=\"strip\" title=\"" + Html.text(perCell(held.seconds())) + "\">");
    List<Cell> cells = cells(held.seconds(), HTML_CELLS);
    for (int i = 0; i < cells.size(); i++) {
      out.append("<i class=\"").append(cells.get(i).name().toLowerCase(Locale.ROOT)).append("\" title=\"s ").append(i * per)
          .append("\"></i>");
    }
    return out.append("</span>").toString();
  }

  private static String perCell(String seconds) {
    int per = Math.max(1, (seconds.length() + TEXT_CELLS - 1) / TEXT_CELLS);
    return per == 1 ? "one cell a second" : "one cell per " + per + " s";
  }
}
