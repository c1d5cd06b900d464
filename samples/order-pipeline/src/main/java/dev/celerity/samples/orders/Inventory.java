package dev.celerity.samples.orders;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/**
 * A stand-in for the warehouse system.
 */
@Service
public class Inventory {

	private final Map<String, Integer> stock = new ConcurrentHashMap<>(Map.of("book", 100, "lamp", 20, "desk", 5));

	/**
	 * Reserves the order's items.
	 * @param order the order
	 * @return the reservation id
	 * @throws OutOfStockException if an item is not in stock
	 */
	public String reserve(Order order) {
		for (Order.Item item : order.items()) {
			int left = this.stock.merge(item.sku(), -item.quantity(), Integer::sum);
			if (left < 0) {
				this.stock.merge(item.sku(), item.quantity(), Integer::sum);
				throw new OutOfStockException(item.sku());
			}
		}
		return "res-" + UUID.randomUUID();
	}

	/**
	 * Thrown when an item cannot be reserved.
	 */
	public static class OutOfStockException extends RuntimeException {

		OutOfStockException(String sku) {
			super("Out of stock: " + sku);
		}

	}

}
