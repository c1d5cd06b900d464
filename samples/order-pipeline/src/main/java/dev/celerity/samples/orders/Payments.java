package dev.celerity.samples.orders;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * A stand-in for the payment gateway.
 */
@Service
public class Payments {

	/**
	 * Charges an order.
	 * @param order the order
	 * @return the payment id
	 * @throws IllegalStateException when the gateway declines the card (customers whose address starts with
	 * {@code declined}, in this stand-in)
	 */
	public String charge(Order order) {
		if (order.total().compareTo(BigDecimal.ZERO) <= 0) {
			throw new IllegalArgumentException("Nothing to charge for order " + order.id());
		}
		if (order.customerEmail() != null && order.customerEmail().startsWith("declined")) {
			// a gateway refusal that may pass later: orders.process retries it
			throw new IllegalStateException("Card declined for order " + order.id());
		}
		return "pay-" + UUID.randomUUID();
	}

}
