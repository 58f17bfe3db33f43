package ai.zelto.adapters.web.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Renders {@link Page}s with the templates precompiled at build time ({@code jte-maven-plugin}); the page is
 * rendered whole before the first byte is written, so a failing template gives an error page, not half a page.
 */
@Provider
@Produces(MediaType.TEXT_HTML)
public final class PageWriter implements MessageBodyWriter<Page> {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Page.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Page page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(render(page));
    }

    /** The page as UTF-8 bytes. */
    public byte[] render(Page page) {
        StringOutput output = new StringOutput(8192);
        engine.render(page.template(), page.model(), output);
        return output.toString().getBytes(StandardCharsets.UTF_8);
    }
}
