package id.parkir.payment.cash.internal;

import id.parkir.api.PaymentMethod;
import id.parkir.api.PluginProperties;
import id.parkir.api.Rupiah;
import org.osgi.service.component.annotations.Component;

/** Cash at the booth: the amount received must cover the fee; the change is the difference. */
@Component(property = {PluginProperties.ID + "=cash", PluginProperties.NAME + "=Tunai (cash)"})
public class CashPayment implements PaymentMethod {

    @Override
    public Outcome pay(Request request) {
        Long received = request.amountReceived();
        if (received == null) {
            return Outcome.refused("amountReceived is required for a cash payment");
        }
        if (received < request.amountDue()) {
            return Outcome.refused("short payment: received " + Rupiah.format(received) + ", due "
                    + Rupiah.format(request.amountDue()));
        }
        return Outcome.accepted(received, received - request.amountDue(), null);
    }
}
