package ai.zelto.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** The database to use; with no URL, Zelto runs its own embedded PostgreSQL under the data directory. */
public class DatabaseSettings {
    @JsonProperty
    @Env("ZELTO_DATABASE_URL")
    private String url;

    @JsonProperty
    @Env("ZELTO_DATABASE_USER")
    private String user;

    @JsonProperty
    @Env("ZELTO_DATABASE_PASSWORD")
    private String password;

    @JsonProperty
    @Min(2)
    @Env("ZELTO_DATABASE_MAX_CONNECTIONS")
    private int maxConnections = 32;

    /** Whether a database is configured; else the embedded one is used. */
    public boolean isConfigured() {
        return url != null && !url.isBlank();
    }

    public String getUrl() {
        return url;
    }

    public String getUser() {
        return user;
    }

    public String getPassword() {
        return password;
    }

    public int getMaxConnections() {
        return maxConnections;
    }
}
