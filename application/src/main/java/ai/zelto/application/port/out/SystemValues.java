package ai.zelto.application.port.out;

import java.util.Optional;

/** Named values of the installation, shared by every app copy. */
public interface SystemValues {
    Optional<String> get(String name);

    /** Stores the value unless one is stored already; returns the stored one. */
    String putIfAbsent(String name, String value);
}
