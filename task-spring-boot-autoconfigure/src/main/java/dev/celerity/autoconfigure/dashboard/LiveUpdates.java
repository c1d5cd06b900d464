package dev.celerity.autoconfigure.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the overview to open pages by server-sent events: one thread of this instance follows the event history
 * every interval and sends each subscriber the same snapshot, so a hundred open pages cost what one does. Nothing
 * is read while no page is open.
 */
class LiveUpdates implements InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(LiveUpdates.class);

	private final ActivityTracker activity;

	private final DashboardReads reads;

	private final Duration interval;

	private final Set<SseEmitter> subscribers = ConcurrentHashMap.newKeySet();

	private ScheduledExecutorService executor;

	LiveUpdates(ActivityTracker activity, DashboardReads reads, Duration interval) {
		this.activity = activity;
		this.reads = reads;
		this.interval = interval;
	}

	@Override
	public void afterPropertiesSet() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "celerity-dashboard-live");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		// the last hour is read back at start, so the first visitor does not wait for it
		this.executor.execute(this::backfill);
		this.executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Subscribes a page.
	 * @return the emitter to answer the request with
	 */
	SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(0L);
		emitter.onCompletion(() -> this.subscribers.remove(emitter));
		emitter.onTimeout(() -> this.subscribers.remove(emitter));
		emitter.onError((ex) -> this.subscribers.remove(emitter));
		this.subscribers.add(emitter);
		return emitter;
	}

	int subscriberCount() {
		return this.subscribers.size();
	}

	private void backfill() {
		try {
			this.activity.catchUp();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the dashboard's history back yet: {}", ex.toString());
		}
	}

	private void tick() {
		if (this.subscribers.isEmpty()) {
			return;
		}
		try {
			int events = this.activity.catchUp();
			Map<String, Object> overview = this.reads.overview();
			overview.put("newEvents", events);
			for (SseEmitter emitter : this.subscribers) {
				try {
					emitter.send(SseEmitter.event().name("overview").data(overview, MediaType.APPLICATION_JSON));
				}
				catch (IOException | IllegalStateException ex) {
					this.subscribers.remove(emitter);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not send the dashboard's live update: {}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.subscribers.forEach(SseEmitter::complete);
		this.subscribers.clear();
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

}
