package loadsuite.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * junit.xml beside each run's report: one test suite per simulation, one test case per goal,
 * so Jenkins' junit step shows every goal and its history. An incomplete run is one failed case;
 * a run whose figures measure the load generator rather than the system has one more, which says why.
 */
public final class JUnitReport {
  public static final String NAME = "junit.xml";

  private JUnitReport() {}

  public static void write(Path file, RunSummary summary) {
    boolean incomplete = RunSummary.INCOMPLETE.equals(summary.status());
    boolean bound = summary.generator() != null && summary.generator().bound();
    long failures = (incomplete ? 1 : summary.goals().stream().filter(g -> !g.met()).count()) + (bound ? 1 : 0);
    int tests = (incomplete ? 1 : summary.goals().size()) + (bound ? 1 : 0);
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", summary.simulation() + " [" + summary.profile() + "]");
      xml.writeAttribute("tests", String.valueOf(tests));
      xml.writeAttribute("failures", String.valueOf(failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      if (summary.start() != null) {
        xml.writeAttribute("timestamp", summary.start());
      }
      if (incomplete) {
        testCase(xml, summary.simulation(), "the run completed", "the run is incomplete: " + summary.reason(), null);
      } else {
        for (RunSummary.GoalResult goal : summary.goals()) {
          testCase(xml, summary.simulation(), goal.goal(), goal.met() ? null : goal.message(), goal.message());
        }
      }
      if (bound) {
        testCase(xml, summary.simulation(), "the figures measure the system, not the load generator",
            GeneratorResults.verdict(summary.generator()), null);
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
