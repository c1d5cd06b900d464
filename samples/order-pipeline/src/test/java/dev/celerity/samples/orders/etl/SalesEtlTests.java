package dev.celerity.samples.orders.etl;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.celerity.api.AsyncResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample's sales workflows on the embedded broker.
 */
@SpringBootTest
class SalesEtlTests {

	@Autowired
	private SalesEtl etl;

	@Autowired
	private SalesReports reports;

	@Test
	void dailyReportRunsExtractTransformAndLoadInOrder() {
		AsyncResult<String> report = this.etl.dailyReport("2026-11-26");
		assertThat(report.get(Duration.ofSeconds(10))).isEqualTo("sales-2026-11-26");
		assertThat(this.reports.find("sales-2026-11-26")).hasValueSatisfying((revenue) -> assertThat(revenue)
			.containsOnlyKeys("book", "desk", "lamp", "pen"));
		assertThat(report.parent().parent().get(Duration.ofSeconds(1))).asList().hasSize(8);
	}

	@Test
	void totalRevenueAddsUpTheChunkResultsOnce() {
		List<List<Object>> lines = IntStream.range(0, 100).mapToObj((i) -> List.<Object>of("pen", 2, 150L)).toList();
		assertThat(this.etl.totalRevenue(lines, 30).get(Duration.ofSeconds(10))).isEqualTo(100 * 2 * 150L);
	}

}
