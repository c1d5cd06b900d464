package dev.celerity.samples.orders;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as the shop receives it.
 *
 * @param id the order id
 * @param customerEmail where the confirmation goes
 * @param items what was ordered
 * @param total the amount to charge
 * @param premium whether the customer pays for fast processing
 */
public record Order(String id, String customerEmail, List<Item> items, BigDecimal total, boolean premium) {

	/**
	 * One order line.
	 *
	 * @param sku the product
	 * @param quantity how many
	 */
	public record Item(String sku, int quantity) {
	}

}
