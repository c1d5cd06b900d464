package dev.celerity.autoconfigure.schedule;

import java.time.Clock;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The scheduler's own thread. It is deliberately not a {@link TaskScheduler} bean: such a bean would take over the
 * application's {@code @Scheduled} methods and turn off Spring Boot's task scheduler.
 */
public class BeatThreads implements DisposableBean {

	private final ThreadPoolTaskScheduler taskScheduler = new ThreadPoolTaskScheduler();

	/**
	 * Creates and starts the thread.
	 * @param clock the clock ticks are measured with
	 */
	public BeatThreads(Clock clock) {
		this.taskScheduler.setPoolSize(1);
		this.taskScheduler.setThreadNamePrefix("celerity-beat-");
		this.taskScheduler.setRemoveOnCancelPolicy(true);
		this.taskScheduler.setClock(clock);
		this.taskScheduler.initialize();
	}

	/**
	 * Returns the task scheduler that wakes the scheduler up.
	 * @return the task scheduler
	 */
	public TaskScheduler taskScheduler() {
		return this.taskScheduler;
	}

	@Override
	public void destroy() {
		this.taskScheduler.shutdown();
	}

}
