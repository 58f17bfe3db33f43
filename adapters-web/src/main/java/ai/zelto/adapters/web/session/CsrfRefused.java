package ai.zelto.adapters.web.session;

/** A state-changing request that did not come from the console's own pages; nothing was done. */
public final class CsrfRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CsrfRefused(String message) {
        super(message, null, false, false);
    }
}
