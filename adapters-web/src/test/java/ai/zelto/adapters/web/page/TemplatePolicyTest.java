package ai.zelto.adapters.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.html.HtmlAttribute;
import gg.jte.html.HtmlPolicy;
import gg.jte.html.HtmlPolicyException;
import gg.jte.html.HtmlTag;
import gg.jte.html.OwaspHtmlPolicy;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every template, compiled again under a policy that keeps the console within its Content-Security-Policy: no
 * inline event handlers, no {@code style} attribute or element, no script without a {@code src}, and jte's OWASP
 * rules (quoted attributes, no output inside tag names or unquoted places). A template that breaks one fails here
 * rather than in a browser.
 */
class TemplatePolicyTest {
    private static final Path TEMPLATES = Path.of("src", "main", "jte");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    /** What the CSP would block, refused at compile time. */
    static final class StrictCspPolicy extends OwaspHtmlPolicy implements HtmlPolicy {
        @Override
        public void validateHtmlTag(HtmlTag tag) throws HtmlPolicyException {
            super.validateHtmlTag(tag);
            if (tag.getName().equalsIgnoreCase("style")) {
                throw new HtmlPolicyException("<style> is inline CSS, which the console's CSP refuses");
            }
        }

        @Override
        public void validateHtmlAttribute(HtmlTag tag, HtmlAttribute attribute) throws HtmlPolicyException {
            super.validateHtmlAttribute(tag, attribute);
            String name = attribute.getName().toLowerCase(Locale.ROOT);
            if (name.startsWith("on")) {
                throw new HtmlPolicyException("inline event handler " + name + " is refused by the console's CSP");
            }
            if (name.equals("style")) {
                throw new HtmlPolicyException("style attributes are refused by the console's CSP");
            }
            if (name.startsWith("hx-on")) {
                throw new HtmlPolicyException("hx-on evaluates code, which the console's CSP refuses");
            }
        }
    }

    private static TemplateEngine strictEngine(Path sources, Path classes) {
        TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(sources), classes, ContentType.Html);
        engine.setHtmlPolicy(new StrictCspPolicy());
        engine.setClassPath(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        return engine;
    }

    @Test
    void everyTemplate_compilesUnderTheStrictPolicy(@TempDir Path classes) {
        List<String> compiled = strictEngine(TEMPLATES, classes).precompileAll();
        assertThat(compiled).contains("gg/jte/generated/ondemand/JtelayoutGenerated.java",
                "gg/jte/generated/ondemand/JteconversationGenerated.java");
    }

    @Test
    void everyScript_isLoadedFromTheServer_neverWrittenInline() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jte")).toList()) {
                String text = Files.readString(file);
                Matcher script = SCRIPT.matcher(text);
                while (script.find()) {
                    assertThat(script.group(1)).as(file + ": " + script.group()).contains("src=");
                    assertThat(text.substring(script.end(), text.indexOf("</script>", script.end())).strip())
                            .as(file + ": a script element holds no code").isEmpty();
                }
            }
        }
    }

    @Test
    void thePolicy_refusesWhatTheCspWouldBlock(@TempDir Path sources, @TempDir Path classes) throws IOException {
        Files.writeString(sources.resolve("handler.jte"), "<button onclick=\"go()\">Go</button>");
        Files.writeString(sources.resolve("styled.jte"), "<p style=\"color: red\">Red</p>");
        Files.writeString(sources.resolve("sheet.jte"), "<style>p { color: red }</style>");
        for (String template : List.of("handler.jte", "styled.jte", "sheet.jte")) {
            assertThatThrownBy(() -> strictEngine(sources, classes).precompileAll(List.of(template)))
                    .as(template).isInstanceOf(TemplateException.class);
        }
    }
}
