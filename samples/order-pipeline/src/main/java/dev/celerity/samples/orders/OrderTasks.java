package dev.celerity.samples.orders;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.celerity.api.Periodic;
import dev.celerity.api.Task;
import dev.celerity.api.TaskContext;
import dev.celerity.api.TaskTemplate;

/**
 * The order pipeline's tasks: process an order (verify inventory, charge payment) with progress states, then notify
 * the customer in a task of its own.
 */
@Component
public class OrderTasks {

	private static final Logger logger = LoggerFactory.getLogger(OrderTasks.class);

	private final Inventory inventory;

	private final Payments payments;

	private final TaskTemplate tasks;

	public OrderTasks(Inventory inventory, Payments payments, TaskTemplate tasks) {
		this.inventory = inventory;
		this.payments = payments;
		this.tasks = tasks;
	}

	/**
	 * Processes one order, reporting its progress as the custom state {@code PROCESSING}.
	 * @param order the order
	 * @return the receipt
	 */
	@Task(name = "orders.process", maxRetries = 3, retryBackoff = "1s", autoretryFor = IllegalStateException.class)
	public OrderReceipt process(Order order) {
		TaskContext context = TaskContext.current();
		context.updateState("PROCESSING", Map.of("step", 1, "total", 3, "stage", "verify-inventory"));
		String reservation = this.inventory.reserve(order);
		context.updateState("PROCESSING", Map.of("step", 2, "total", 3, "stage", "charge-payment"));
		String payment = this.payments.charge(order);
		context.updateState("PROCESSING", Map.of("step", 3, "total", 3, "stage", "notify-customer"));
		this.tasks.task(OrderTasks::notifyCustomer).delay(order.customerEmail(), order.id());
		return new OrderReceipt(order.id(), reservation, payment);
	}

	/**
	 * Tells the customer the order is on its way, at most five mails a second (the mail provider's limit).
	 * @param email the customer's address
	 * @param orderId the order
	 */
	@Task(name = "orders.notify", queue = "notifications", rateLimit = "5/s")
	public void notifyCustomer(String email, String orderId) {
		logger.info("Order {} confirmed; mail sent to {}", orderId, email);
	}

	/**
	 * Checks the day's payments against the orders, every ten minutes.
	 * @return how many orders were checked
	 */
	@Task(name = "orders.reconcile")
	@Periodic(name = "reconcile-payments", fixedRate = "10m", initialDelay = "10m")
	public int reconcile() {
		logger.info("Payments reconciled");
		return 0;
	}

}
