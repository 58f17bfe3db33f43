package ai.zelto.adapters.web.page;

import ai.zelto.domain.user.Member;
import java.util.List;
import java.util.Locale;

/**
 * What the layout around every page shows: the title, the navigation with the current section marked, the
 * signed-in person (or none, on the sign-in pages), the CSRF token the page's forms carry, and asset URLs.
 */
public record Chrome(String title, String section, Member member, String csrfToken, Assets assets) {
    /** A navigation entry; {@code current} marks the section the page belongs to. */
    public record NavItem(String label, String href, boolean current) {
    }

    /** The sections, in the order of the navigation: id, label, path. */
    private static final List<List<String>> SECTIONS = List.of(
            List.of("conversations", "Conversations", "/conversations"),
            List.of("agents", "Agents", "/agents"),
            List.of("voice", "Voice sessions", "/voice"),
            List.of("calls", "Phone calls", "/calls"),
            List.of("deliveries", "Deliveries", "/deliveries"),
            List.of("credits", "Credits", "/credits"),
            List.of("audit", "Audit log", "/audit"),
            List.of("reference", "API", "/reference"),
            List.of("settings", "Settings", "/settings/integrations"));

    /** The settings pages, for their own navigation: id, label, path. */
    private static final List<List<String>> SETTINGS = List.of(
            List.of("integrations", "Integrations", "/settings/integrations"),
            List.of("keys", "API keys", "/settings/keys"),
            List.of("members", "Members", "/settings/members"));

    /** The settings pages' navigation, {@code current} naming the page shown. */
    public List<NavItem> settingsNavigation(String current) {
        return SETTINGS.stream().map(s -> new NavItem(s.get(1), s.get(2), s.get(0).equals(current))).toList();
    }

    /** Whether the signed-in person may manage keys, integrations and members (the server checks it again). */
    public boolean canManage() {
        return member != null && member.role().canManage();
    }

    /** Whether the signed-in person may create and change agents and start sessions (the server checks it again). */
    public boolean canWrite() {
        return member != null && member.role().canWrite();
    }

    public List<NavItem> navigation() {
        return SECTIONS.stream().map(s -> new NavItem(s.get(1), s.get(2), s.get(0).equals(section))).toList();
    }

    public String asset(String name) {
        return assets.url(name);
    }

    public boolean signedIn() {
        return member != null;
    }

    /** The person's initials for the avatar. */
    public String initials() {
        if (member == null || member.displayName().isBlank()) {
            return "?";
        }
        String[] words = member.displayName().strip().split("\\s+");
        String first = words[0].substring(0, Character.charCount(words[0].codePointAt(0)));
        if (words.length == 1) {
            return first.toUpperCase(Locale.ROOT);
        }
        String last = words[words.length - 1];
        return (first + last.substring(0, Character.charCount(last.codePointAt(0)))).toUpperCase(Locale.ROOT);
    }
}
