package io.kirincontract.conformance.clientkit.report;

import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.ClientKitReport;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.ScenarioResult;
import io.kirincontract.conformance.clientkit.Verdict;
import java.io.StringWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code client-junit.xml}: one {@code testsuite} per scenario, one {@code testcase} per check graded there
 * ({@code fail} is a {@code failure} with the evidence, {@code not-exercised} is {@code skipped}), written with the
 * JDK's StAX writer so that CI systems show the checks beside the tests.
 */
public final class JunitReport {

  private JunitReport() {}

  public static String render(ClientKitReport report) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "kirin client conformance");
      xml.writeAttribute("tests", Long.toString(count(report, null)));
      xml.writeAttribute("failures", Long.toString(count(report, Verdict.FAIL)));
      xml.writeAttribute("skipped", Long.toString(count(report, Verdict.NOT_EXERCISED)));
      xml.writeAttribute("time", seconds(report.took().toMillis()));
      for (ScenarioResult scenario : report.scenarios()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "client-kit." + scenario.scenario().id());
        xml.writeAttribute("tests", Integer.toString(scenario.checks().size()));
        xml.writeAttribute("failures", Long.toString(scenario.checks().stream()
            .filter(check -> check.verdict() == Verdict.FAIL).count()));
        xml.writeAttribute("skipped", Long.toString(scenario.checks().stream()
            .filter(check -> check.verdict() == Verdict.NOT_EXERCISED).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("time", seconds(scenario.took().toMillis()));
        for (CheckResult check : scenario.checks()) {
          xml.writeCharacters("\n    ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", "client-kit." + scenario.scenario().id());
          xml.writeAttribute("name", check.check().id());
          xml.writeAttribute("time", "0");
          String evidence = check.evidence().stream().map(Evidence::toString).collect(Collectors.joining("\n"));
          if (check.verdict() == Verdict.FAIL) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", check.summary());
            xml.writeAttribute("type", check.check().id());
            xml.writeCharacters(evidence);
            xml.writeEndElement();
          } else if (check.verdict() == Verdict.NOT_EXERCISED) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", check.summary());
          } else {
            xml.writeStartElement("system-out");
            xml.writeCharacters(check.summary() + (evidence.isEmpty() ? "" : "\n" + evidence));
            xml.writeEndElement();
          }
          xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit XML report", e);
    }
    return out + "\n";
  }

  private static long count(ClientKitReport report, Verdict verdict) {
    return report.scenarios().stream().flatMap(scenario -> scenario.checks().stream())
        .filter(check -> verdict == null || check.verdict() == verdict).count();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
