package dev.celerity.samples.orders.etl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.celerity.api.Task;

/**
 * The tasks of the daily sales ETL: extract the day's sales, transform them into revenue per product, load the
 * report; and, for the chord, the revenue of order lines and the sum of chunk results.
 */
@Component
public class SalesEtlTasks {

	private static final Logger logger = LoggerFactory.getLogger(SalesEtlTasks.class);

	private static final List<String> SKUS = List.of("book", "desk", "lamp", "pen");

	private final SalesReports reports;

	public SalesEtlTasks(SalesReports reports) {
		this.reports = reports;
	}

	/**
	 * Reads the sales of a day (generated here: eight lines, the same for the same day).
	 * @param day the day, {@code yyyy-MM-dd}
	 * @return the sales
	 */
	@Task(name = "etl.extract")
	public List<Sale> extract(String day) {
		List<Sale> sales = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			sales.add(new Sale(SKUS.get(i % SKUS.size()), 1 + (i % 3), 250L * (1 + (day.hashCode() + i & 3))));
		}
		logger.info("extract {}: {} sales", day, sales.size());
		return sales;
	}

	/**
	 * Sums revenue per product.
	 * @param sales the day's sales
	 * @return revenue in cents by product
	 */
	@Task(name = "etl.transform")
	public Map<String, Long> transform(List<Sale> sales) {
		Map<String, Long> revenue = new TreeMap<>();
		for (Sale sale : sales) {
			revenue.merge(sale.sku(), sale.quantity() * sale.unitPriceCents(), Long::sum);
		}
		logger.info("transform: revenue by product {}", revenue);
		return revenue;
	}

	/**
	 * Writes the report.
	 * @param revenueBySku revenue in cents by product
	 * @param day the day
	 * @return the report's id
	 */
	@Task(name = "etl.load")
	public String load(Map<String, Long> revenueBySku, String day) {
		String reportId = "sales-" + day;
		this.reports.save(reportId, revenueBySku);
		logger.info("load: report {} written", reportId);
		return reportId;
	}

	/**
	 * Computes the revenue of one order line.
	 * @param sku the product
	 * @param quantity how many
	 * @param unitPriceCents the price of one, in cents
	 * @return the line's revenue in cents
	 */
	@Task(name = "etl.lineRevenue")
	public long lineRevenue(String sku, int quantity, long unitPriceCents) {
		return quantity * unitPriceCents;
	}

	/**
	 * Adds up the results of every chunk.
	 * @param chunkResults one list of line revenues per chunk
	 * @return the total revenue in cents
	 */
	@Task(name = "etl.total")
	public long total(List<List<Long>> chunkResults) {
		long total = chunkResults.stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
		logger.info("total: {} chunks, {} cents", chunkResults.size(), total);
		return total;
	}

}
