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
	 */
	public String charge(Order order) {
		if (order.total().compareTo(BigDecimal.ZERO) <= 0) {
			throw new IllegalArgumentException("Nothing to charge for order " + order.id());
		}
		return "pay-" + UUID.randomUUID();
	}

}
