package ai.zelto.adapters.web.page;

import java.util.Objects;

/**
 * What a console resource answers: the template to render and its one view model (a record). Templates escape
 * everything they print according to where it lands (text, attribute, URL); a model never carries HTML.
 *
 * @param template the template's path under {@code src/main/jte}, such as {@code conversations.jte}
 */
public record Page(String template, Object model) {
    /** The media type of every page: HTML in UTF-8. */
    public static final String HTML = "text/html;charset=utf-8";

    public Page {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(model, "model");
    }
}
