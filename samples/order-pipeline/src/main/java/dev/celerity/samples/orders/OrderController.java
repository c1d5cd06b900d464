package dev.celerity.samples.orders;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.TaskOptions;
import dev.celerity.api.TaskTemplate;

/**
 * Accepts orders and reports their progress.
 */
@RestController
@RequestMapping("/orders")
public class OrderController {

	private final TaskTemplate tasks;

	public OrderController(TaskTemplate tasks) {
		this.tasks = tasks;
	}

	/**
	 * Queues an order for processing; premium orders go to the {@code high} queue with top priority.
	 * @param order the order
	 * @return the task id to poll
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	public Map<String, String> place(@RequestBody Order order) {
		Order withId = (order.id() != null) ? order
				: new Order(UUID.randomUUID().toString(), order.customerEmail(), order.items(), order.total(),
						order.premium());
		TaskOptions options = withId.premium() ? TaskOptions.none().withQueue("high").withPriority(9)
				: TaskOptions.none();
		AsyncResult<OrderReceipt> result = this.tasks.task(OrderTasks::process).applyAsync(withId, options);
		return Map.of("orderId", withId.id(), "taskId", result.id());
	}

	/**
	 * Reports the state of an order's task: {@code PENDING}, {@code PROCESSING} with its step, {@code SUCCESS}
	 * with the receipt, or {@code FAILURE} with the error.
	 * @param taskId the task id
	 * @return the state, its meta data and the result when there is one
	 */
	@GetMapping("/tasks/{taskId}")
	public Map<String, Object> status(@PathVariable String taskId) {
		AsyncResult<Object> result = this.tasks.result(taskId);
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("taskId", taskId);
		status.put("state", result.state().name());
		status.put("info", result.info());
		if (result.successful()) {
			status.put("result", result.get());
		}
		return status;
	}

}
