package dev.celerity.samples.orders.etl;

import java.util.List;

import org.springframework.stereotype.Service;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.TaskTemplate;
import dev.celerity.canvas.Chain;
import dev.celerity.canvas.Chord;
import dev.celerity.canvas.WorkflowTemplate;

import static dev.celerity.canvas.Workflows.chain;
import static dev.celerity.canvas.Workflows.chord;
import static dev.celerity.canvas.Workflows.chunks;

/**
 * Starts the sales workflows: the daily report as an extract, transform, load chain, and the revenue of many order
 * lines as a chord over chunks.
 */
@Service
public class SalesEtl {

	private final TaskTemplate tasks;

	private final WorkflowTemplate workflows;

	public SalesEtl(TaskTemplate tasks, WorkflowTemplate workflows) {
		this.tasks = tasks;
		this.workflows = workflows;
	}

	/**
	 * Runs extract, transform and load for a day, one step after the other on any worker.
	 * @param day the day, {@code yyyy-MM-dd}
	 * @return the id of the loaded report, when it is done
	 */
	public AsyncResult<String> dailyReport(String day) {
		Chain<String> etl = chain(this.tasks.task(SalesEtlTasks::extract).s(day))
			.then(this.tasks.task(SalesEtlTasks::transform))
			.then(this.tasks.task(SalesEtlTasks::load), day);
		return this.workflows.send(etl);
	}

	/**
	 * Computes the revenue of order lines in chunks of {@code chunkSize} lines, run in parallel, and adds up the
	 * chunk results once the last chunk is done.
	 * @param lines one {@code [sku, quantity, unitPriceCents]} list per order line
	 * @param chunkSize how many lines one task computes
	 * @return the total revenue in cents, when it is done
	 */
	public AsyncResult<Long> totalRevenue(List<List<Object>> lines, int chunkSize) {
		Chord<Long> revenue = chord(
				chunks(this.tasks.task(SalesEtlTasks::lineRevenue).signature(), lines, chunkSize).group(),
				this.tasks.task(SalesEtlTasks::total));
		return this.workflows.send(revenue);
	}

}
