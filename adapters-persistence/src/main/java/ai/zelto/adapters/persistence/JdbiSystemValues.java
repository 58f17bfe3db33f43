package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.SystemValues;
import java.util.Optional;

/** The {@code zelto_system} table. */
final class JdbiSystemValues implements SystemValues {
    private final Handles handles;

    JdbiSystemValues(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Optional<String> get(String name) {
        return handles.with(handle -> handle.createQuery("SELECT value FROM zelto_system WHERE name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    @Override
    public String putIfAbsent(String name, String value) {
        handles.with(handle -> handle.createUpdate(
                        "INSERT INTO zelto_system (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .bind("name", name).bind("value", value).execute());
        return get(name).orElseThrow();
    }
}
