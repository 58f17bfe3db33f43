package ai.zelto.adapters.web.page;

import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.people.SignedInSession;

/** Builds the {@link Chrome} of a page for the visitor of the request. */
public final class Layout {
    private final Assets assets;

    public Layout(Assets assets) {
        this.assets = assets;
    }

    Assets assets() {
        return assets;
    }

    public Chrome chrome(Visitor visitor, String title, String section) {
        return new Chrome(title, section, visitor.session().map(SignedInSession::member).orElse(null),
                visitor.csrfToken(), assets);
    }
}
