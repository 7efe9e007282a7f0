package loadsuite.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * junit.xml beside each run's report: one test suite per simulation, one test case per goal
 * (and, for a set, one file per system: {@link #writeSystem}),
 * so Jenkins' junit step shows every goal and its history. An incomplete run is one failed case;
 * a run whose figures measure the load generator rather than the system has one more, which says why.
 */
public final class JUnitReport {
  public static final String NAME = "junit.xml";

  private JUnitReport() {}

  public static void write(Path file, RunSummary summary) {
    writeSuite(file, summary.simulation() + " [" + summary.profile() + "]", List.of(summary), RunSummary::simulation);
  }

  /**
   * One test suite for one system's runs of a build ({@code build} null: of a set on a workstation),
   * each run's cases under its simulation and profile, so that a nightly has a suite per system.
   */
  public static void writeSystem(Path file, String system, String build, List<RunSummary> runs) {
    writeSuite(file, build == null ? system : system + " [" + build + "]", runs, r -> r.simulation() + " [" + r.profile() + "]");
  }

  private static void writeSuite(Path file, String name, List<RunSummary> runs, Function<RunSummary, String> className) {
    try (OutputStream out = Files.newOutputStream(Files.createDirectories(file.toAbsolutePath().getParent()).resolve(file.getFileName()))) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", name);
      xml.writeAttribute("tests", String.valueOf(runs.stream().mapToLong(JUnitReport::tests).sum()));
      xml.writeAttribute("failures", String.valueOf(runs.stream().mapToLong(JUnitReport::failures).sum()));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      runs.stream().map(RunSummary::start).filter(java.util.Objects::nonNull).min(String::compareTo)
          .ifPresent(start -> attribute(xml, "timestamp", start));
      for (RunSummary summary : runs) {
        cases(xml, className.apply(summary), summary);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
  }

  private static boolean incomplete(RunSummary summary) {
    return RunSummary.INCOMPLETE.equals(summary.status());
  }

  private static boolean bound(RunSummary summary) {
    return summary.generator() != null && summary.generator().bound();
  }

  private static long tests(RunSummary summary) {
    return (incomplete(summary) ? 1 : summary.goals().size()) + (bound(summary) ? 1 : 0);
  }

  private static long failures(RunSummary summary) {
    return (incomplete(summary) ? 1 : summary.goals().stream().filter(g -> !g.met()).count()) + (bound(summary) ? 1 : 0);
  }

  private static void cases(XMLStreamWriter xml, String className, RunSummary summary) throws XMLStreamException {
    if (incomplete(summary)) {
      testCase(xml, className, "the run completed", "the run is incomplete: " + summary.reason(), null);
    } else {
      for (RunSummary.GoalResult goal : summary.goals()) {
        testCase(xml, className, goal.goal(), goal.met() ? null : goal.message(), goal.message());
      }
    }
    if (bound(summary)) {
      testCase(xml, className, "the figures measure the system, not the load generator",
          GeneratorResults.verdict(summary.generator()), null);
    }
  }

  private static void attribute(XMLStreamWriter xml, String name, String value) {
    try {
      xml.writeAttribute(name, value);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the attribute " + name, e);
    }
  }

  /** @param output what was measured, shown for a met goal too (the exact figure, and Gatling's where it differs) */
  private static void testCase(XMLStreamWriter xml, String className, String name, String failure, String output)
      throws XMLStreamException {
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", className);
    xml.writeAttribute("name", name);
    if (failure != null) {
      xml.writeStartElement("failure");
      xml.writeAttribute("message", failure);
      xml.writeCharacters(failure);
      xml.writeEndElement();
    }
    if (output != null) {
      xml.writeStartElement("system-out");
      xml.writeCharacters(output);
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }
}
