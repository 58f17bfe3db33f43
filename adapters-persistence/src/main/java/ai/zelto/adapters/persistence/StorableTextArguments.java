package ai.zelto.adapters.persistence;

import ai.zelto.domain.shared.StorableText;
import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds every string as {@link StorableText}: PostgreSQL refuses a NUL in text, and a request that slipped one
 * into any field (a key's name, a provider's event type quoted in a reason) would otherwise fail with a 500.
 * The services make the texts of a call storable themselves; this is the net under everything else.
 */
final class StorableTextArguments extends AbstractArgumentFactory<String> {
    StorableTextArguments() {
        super(Types.VARCHAR);
    }

    @Override
    protected Argument build(String value, ConfigRegistry config) {
        String storable = StorableText.of(value);
        return (position, statement, context) -> statement.setString(position, storable);
    }
}
