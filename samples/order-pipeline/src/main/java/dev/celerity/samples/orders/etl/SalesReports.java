package dev.celerity.samples.orders.etl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Where the load step writes the daily sales reports (a map here; a warehouse table in real life).
 */
@Component
public class SalesReports {

	private final Map<String, Map<String, Long>> reports = new ConcurrentHashMap<>();

	void save(String reportId, Map<String, Long> revenueBySku) {
		this.reports.put(reportId, Map.copyOf(revenueBySku));
	}

	/**
	 * Looks a report up.
	 * @param reportId the report's id
	 * @return revenue in cents by product, empty if not loaded yet
	 */
	public Optional<Map<String, Long>> find(String reportId) {
		return Optional.ofNullable(this.reports.get(reportId));
	}

}
