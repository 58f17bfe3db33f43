package ai.zelto.adapters.providers;

import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Golden fixtures and delivery contexts for provider tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RawDelivery delivery(byte[] body, String... headers) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new RawDelivery(body, map);
    }

    public static DeliveryContext receiving(Map<String, String> settings) {
        return new DeliveryContext(settings, DeliveryContext.Channel.API_KEY, DeliveryContext.Phase.RECEIVING);
    }

    public static DeliveryContext receivingByHook(Map<String, String> settings) {
        return new DeliveryContext(settings, DeliveryContext.Channel.HOOK_URL, DeliveryContext.Phase.RECEIVING);
    }

    public static DeliveryContext processing(Map<String, String> settings) {
        return new DeliveryContext(settings, DeliveryContext.Channel.HOOK_URL, DeliveryContext.Phase.PROCESSING);
    }
}
