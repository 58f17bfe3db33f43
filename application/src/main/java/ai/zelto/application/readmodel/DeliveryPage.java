package ai.zelto.application.readmodel;

import java.util.List;

/** @param next the cursor of the following (older) page, or null on the last page */
public record DeliveryPage(List<DeliveryView> data, PageCursor next) {
    public DeliveryPage {
        data = List.copyOf(data);
    }
}
