package dev.celerity.schedule.memory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.celerity.schedule.SchedulePauses;

/**
 * Paused schedules of one JVM.
 */
public class InMemorySchedulePauses implements SchedulePauses {

	private final Set<String> paused = ConcurrentHashMap.newKeySet();

	@Override
	public boolean isPaused(String schedule) {
		return this.paused.contains(schedule);
	}

	@Override
	public void pause(String schedule) {
		this.paused.add(schedule);
	}

	@Override
	public void resume(String schedule) {
		this.paused.remove(schedule);
	}

}
