package dev.celerity.autoconfigure.dashboard;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.celerity.autoconfigure.InvalidCelerityPropertyException;

/**
 * Configuration of the dashboard, under the prefix {@code celerity.dashboard}.
 */
@ConfigurationProperties("celerity.dashboard")
public class CelerityDashboardProperties implements InitializingBean {

	/**
	 * Whether to serve the dashboard; unset, it is served when the application has a Spring Security filter chain
	 * (which then guards it) and not served otherwise.
	 */
	private @Nullable Boolean enabled;

	/** Where the dashboard is served, starting with a slash. */
	private String path = "/celerity";

	/**
	 * Whether the dashboard only shows: no write action is offered and every write answers 403. With Spring Security,
	 * set it to false and let the application's security decide who may write.
	 */
	private boolean readOnly = true;

	private final History history = new History();

	/**
	 * Checks the bound values at start-up.
	 * @throws InvalidCelerityPropertyException for a path that does not start with a slash or a bound below one
	 */
	@Override
	public void afterPropertiesSet() {
		if (this.path == null || !this.path.startsWith("/") || this.path.length() < 2 || this.path.endsWith("/")) {
			throw new InvalidCelerityPropertyException("celerity.dashboard.path", this.path,
					"the dashboard needs a path of its own", "Use a path such as /celerity (a slash, no trailing one)");
		}
		positive("celerity.dashboard.history.scan-limit", this.history.scanLimit);
		positive("celerity.dashboard.history.page-size", this.history.pageSize);
		if (this.history.liveInterval.isNegative() || this.history.liveInterval.isZero()) {
			throw new InvalidCelerityPropertyException("celerity.dashboard.history.live-interval",
					this.history.liveInterval, "live updates need a positive interval", "Use a duration such as 1s");
		}
	}

	private static void positive(String property, int value) {
		if (value < 1) {
			throw new InvalidCelerityPropertyException(property, value, "it must be at least 1",
					"Use a positive number");
		}
	}

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public boolean isReadOnly() {
		return this.readOnly;
	}

	public void setReadOnly(boolean readOnly) {
		this.readOnly = readOnly;
	}

	public History getHistory() {
		return this.history;
	}

	/**
	 * How the dashboard reads the task history. How much history there is to read is the event stream's retention,
	 * {@code celerity.control.event-stream.max-length}.
	 */
	public static class History {

		/** The most events one query (a page of tasks, a task's timeline) reads before it answers with what it has. */
		private int scanLimit = 100_000;

		/** Tasks per page of the tasks table. */
		private int pageSize = 50;

		/** How often open pages get live updates (new events, workers, queue depths). */
		private Duration liveInterval = Duration.ofSeconds(1);

		/** The most events of the last hour read at start to fill the overview's charts. */
		private int chartBackfill = 200_000;

		public int getScanLimit() {
			return this.scanLimit;
		}

		public void setScanLimit(int scanLimit) {
			this.scanLimit = scanLimit;
		}

		public int getPageSize() {
			return this.pageSize;
		}

		public void setPageSize(int pageSize) {
			this.pageSize = pageSize;
		}

		public Duration getLiveInterval() {
			return this.liveInterval;
		}

		public void setLiveInterval(Duration liveInterval) {
			this.liveInterval = liveInterval;
		}

		public int getChartBackfill() {
			return this.chartBackfill;
		}

		public void setChartBackfill(int chartBackfill) {
			this.chartBackfill = chartBackfill;
		}

	}

}
