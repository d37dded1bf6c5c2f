package io.kirincontract.mock.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code docs/quickstart.md} says what the build runs: each Java block is a class of {@code com.example} in the test
 * sources (or a region of one between {@code // quickstart:begin} and {@code // quickstart:end}), compiled and run
 * with the other tests; its {@code pom.xml} names the versions this build uses; its logging block quiets the
 * loggers the runnable jar's configuration quiets.
 */
class QuickstartExamplesTest {

  private static final Path QUICKSTART = MarkdownBlocks.DOCS.resolve("quickstart.md");
  private static final Path EXAMPLES = Path.of("src", "test", "java", "com", "example");
  private static final Path ROOT_POM = MarkdownBlocks.ROOT.resolve("pom.xml");

  @Test
  void everyJavaBlockIsAnExampleTheBuildCompilesAndEveryExampleIsOnThePage() throws IOException {
    List<String> blocks = MarkdownBlocks.of(QUICKSTART, "java").stream().map(MarkdownBlocks::dedent).toList();

    assertThat(blocks).containsExactlyInAnyOrderElementsOf(examples());
  }

  @Test
  void thePomNamesTheVersionsOfThisBuild() throws Exception {
    List<String> poms = MarkdownBlocks.of(QUICKSTART, "xml");
    assertThat(poms).hasSize(1);
    Document quickstart = xml(poms.get(0));
    Document root = xml(Files.readString(ROOT_POM));
    XPath path = XPathFactory.newInstance().newXPath();

    String version = path.evaluate("/project/version", root);
    for (String artifact : List.of("kirin-client", "kirin-mock-junit")) {
      assertThat(path.evaluate("//dependency[artifactId='" + artifact + "']/version", quickstart))
          .as(artifact)
          .isEqualTo(version);
    }
    assertThat(path.evaluate("//dependency[artifactId='kirin-mock-junit']/scope", quickstart)).isEqualTo("test");
    assertThat(path.evaluate("//dependency[artifactId='slf4j-simple']/version", quickstart))
        .isEqualTo(path.evaluate("/project/properties/slf4j.version", root));
    assertThat(path.evaluate("//dependency[artifactId='junit-bom']/version", quickstart))
        .isEqualTo(path.evaluate("/project/properties/junit.version", root));
    assertThat(path.evaluate("//plugin[artifactId='maven-surefire-plugin']/version", quickstart))
        .isEqualTo(path.evaluate("/project/properties/surefire.version", root));
    assertThat(path.evaluate("//plugin[artifactId='maven-compiler-plugin']/version", quickstart))
        .isEqualTo(path.evaluate("/project/properties/compiler-plugin.version", root));
    assertThat(path.evaluate("/project/properties/maven.compiler.release", quickstart))
        .isEqualTo(path.evaluate("/project/properties/maven.compiler.release", root));
  }

  @Test
  void theLoggingBlockQuietsWhatTheJarQuiets() throws Exception {
    List<String> blocks = MarkdownBlocks.of(QUICKSTART, "properties");
    assertThat(blocks).hasSize(1);
    Properties quickstart = new Properties();
    quickstart.load(new StringReader(blocks.get(0)));
    Map<String, String> levels = new TreeMap<>();
    quickstart.forEach(
        (key, level) ->
            levels.put(((String) key).replace("org.slf4j.simpleLogger.log.", ""), ((String) level).toUpperCase()));

    Document jar;
    try (InputStream config = getClass().getResourceAsStream("/kirin-mock-logback.xml")) {
      jar = xml(new String(config.readAllBytes(), StandardCharsets.UTF_8));
    }
    Map<String, String> jarLevels = new TreeMap<>();
    NodeList loggers = jar.getElementsByTagName("logger");
    for (int i = 0; i < loggers.getLength(); i++) {
      Element logger = (Element) loggers.item(i);
      if (!logger.getAttribute("level").isEmpty()) { // a logger given only an appender quiets nothing
        jarLevels.put(logger.getAttribute("name"), logger.getAttribute("level"));
      }
    }
    assertThat(levels).isEqualTo(jarLevels);
  }

  /** The whole classes of {@code com.example}, or their marked regions. */
  private static List<String> examples() throws IOException {
    List<String> examples = new ArrayList<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path file : files.sorted().toList()) {
        String source = Files.readString(file);
        Matcher region = Pattern.compile("(?s)// quickstart:begin\\n(.*?)\\n\\s*// quickstart:end").matcher(source);
        boolean marked = false;
        while (region.find()) {
          examples.add(MarkdownBlocks.dedent(region.group(1)));
          marked = true;
        }
        if (!marked) {
          examples.add(source.strip());
        }
      }
    }
    return examples;
  }

  private static Document xml(String text) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
  }
}
