package dev.celerity.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of Celerity, under the prefix {@code celerity}; values that cannot work fail the start-up with their
 * property path.
 */
@ConfigurationProperties("celerity")
public class CelerityProperties implements InitializingBean {

	/** Queue of tasks that neither the call, the routes nor the task choose a queue for. */
	private String defaultQueue = "default";

	/** Priority (0-9, higher runs first) of tasks that nothing else prioritises. */
	private int defaultPriority = 0;

	/**
	 * Whether to run every published task at once on the caller's thread, with no worker (for unit tests; countdowns,
	 * ETAs, retry backoff and rate limits are ignored).
	 */
	private boolean eager = false;

	private final Broker broker = new Broker();

	private final Message message = new Message();

	private final Publish publish = new Publish();

	private final Result result = new Result();

	private final TaskSettings task = new TaskSettings();

	private final Worker worker = new Worker();

	/**
	 * Checks the bound values, before any Celerity bean uses them.
	 * @throws InvalidCelerityPropertyException for a value that cannot work
	 */
	@Override
	public void afterPropertiesSet() {
		CelerityPropertiesValidation.validate(this);
	}

	public String getDefaultQueue() {
		return this.defaultQueue;
	}

	public void setDefaultQueue(String defaultQueue) {
		this.defaultQueue = defaultQueue;
	}

	public int getDefaultPriority() {
		return this.defaultPriority;
	}

	public void setDefaultPriority(int defaultPriority) {
		this.defaultPriority = defaultPriority;
	}

	public boolean isEager() {
		return this.eager;
	}

	public void setEager(boolean eager) {
		this.eager = eager;
	}

	public Broker getBroker() {
		return this.broker;
	}

	public Message getMessage() {
		return this.message;
	}

	public Publish getPublish() {
		return this.publish;
	}

	public Result getResult() {
		return this.result;
	}

	public TaskSettings getTask() {
		return this.task;
	}

	public Worker getWorker() {
		return this.worker;
	}

	/**
	 * Which broker carries the messages.
	 */
	public enum BrokerType {

		/** Redis when the application configures a Redis connection, the embedded broker otherwise. */
		AUTO,

		/** The embedded in-memory broker: one JVM, nothing to install. */
		MEMORY,

		/** Redis, through the application's Spring Data Redis connection. */
		REDIS

	}

	/**
	 * Broker settings.
	 */
	public static class Broker {

		/** Which broker to use: auto, memory or redis. */
		private BrokerType type = BrokerType.AUTO;

		public BrokerType getType() {
			return this.type;
		}

		public void setType(BrokerType type) {
			this.type = type;
		}

	}

	/**
	 * Task message settings.
	 */
	public static class Publish {

		/**
		 * How long a send keeps trying while the broker cannot be reached (a connection being re-established), before
		 * it throws TaskPublishException; keeps request threads from hanging for a whole outage. A worker's settle
		 * (storing a result, acknowledging its message) rides over a dropped connection for as long.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	public static class Message {

		/**
		 * Largest encoded task message: a bigger one is refused when it is sent and dead-lettered, unread, when a
		 * worker receives it.
		 */
		private DataSize maxSize = DataSize.ofMegabytes(1);

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

	/**
	 * Result backend settings.
	 */
	public static class Result {

		/** How long task states and results are kept. */
		private Duration timeToLive = Duration.ofDays(1);

		/** Whether to store the STARTED state when a task begins (one more backend write per task). */
		private boolean trackStarted = false;

		public Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		public boolean isTrackStarted() {
			return this.trackStarted;
		}

		public void setTrackStarted(boolean trackStarted) {
			this.trackStarted = trackStarted;
		}

	}

	/**
	 * Defaults of task attributes that a @Task annotation leaves unset.
	 */
	public static class TaskSettings {

		/** Retries a task gets when its @Task sets no maxRetries. */
		private int maxRetries = 3;

		/** Delay before a retry when the task sets no backoff and the retry no countdown. */
		private Duration retryDelay = Duration.ofSeconds(1);

		/** Cap of an exponential retry backoff when the task sets no retryBackoffMax. */
		private Duration retryBackoffMax = Duration.ofMinutes(10);

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getRetryDelay() {
			return this.retryDelay;
		}

		public void setRetryDelay(Duration retryDelay) {
			this.retryDelay = retryDelay;
		}

		public Duration getRetryBackoffMax() {
			return this.retryBackoffMax;
		}

		public void setRetryBackoffMax(Duration retryBackoffMax) {
			this.retryBackoffMax = retryBackoffMax;
		}

	}

	/**
	 * One pool of worker threads and the queues it consumes.
	 */
	public static class Pool {

		/**
		 * Queues this pool consumes. At the top level (celerity.worker.queues) the queues this instance consumes, like
		 * 'celery worker -Q': named pools keep only these, and those no pool lists go to the default pool. Empty means
		 * every pool's queues, plus the default and the declared queues (celerity.queues) that no pool lists.
		 */
		private List<String> queues = new ArrayList<>();

		/** How many tasks run at once; defaults to the number of processors. */
		private Integer concurrency;

		/** How many messages are leased ahead of the running ones; defaults to 4 per thread, at least 64. */
		private Integer prefetch;

		public List<String> getQueues() {
			return this.queues;
		}

		public void setQueues(List<String> queues) {
			this.queues = queues;
		}

		public Integer getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(Integer concurrency) {
			this.concurrency = concurrency;
		}

		public Integer getPrefetch() {
			return this.prefetch;
		}

		public void setPrefetch(Integer prefetch) {
			this.prefetch = prefetch;
		}

	}

	/**
	 * Worker settings: the default pool's settings at this level, further pools under {@code pools}.
	 */
	public static class Worker extends Pool {

		/** Whether this instance runs tasks; false makes it publish-only. */
		private boolean enabled = true;

		/** Further pools by name, each with its own queues, concurrency and prefetch. */
		private Map<String, Pool> pools = new LinkedHashMap<>();

		/** How long a leased message stays invisible to other workers unless renewed (renewed every third). */
		private Duration lease = Duration.ofSeconds(30);

		/** The longest blocking wait of one fetch on an empty queue. */
		private Duration fetchWait = Duration.ofSeconds(1);

		/** How long running tasks may take to finish when the application stops. */
		private Duration shutdownTimeout = Duration.ofSeconds(30);

		/** Whether tasks run on virtual threads; unset follows spring.threads.virtual.enabled. */
		private Boolean virtualThreads;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, Pool> getPools() {
			return this.pools;
		}

		public void setPools(Map<String, Pool> pools) {
			this.pools = pools;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			this.lease = lease;
		}

		public Duration getFetchWait() {
			return this.fetchWait;
		}

		public void setFetchWait(Duration fetchWait) {
			this.fetchWait = fetchWait;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public Boolean getVirtualThreads() {
			return this.virtualThreads;
		}

		public void setVirtualThreads(Boolean virtualThreads) {
			this.virtualThreads = virtualThreads;
		}

	}

}
