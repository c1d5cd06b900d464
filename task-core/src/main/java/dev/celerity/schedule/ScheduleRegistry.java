package dev.celerity.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The periodic schedules of this application, by name; annotations, properties and code register through it before
 * the scheduler starts.
 */
public class ScheduleRegistry {

	private final Map<String, PeriodicSchedule> schedules = new LinkedHashMap<>();

	/**
	 * Registers a schedule.
	 * @param schedule the schedule
	 * @throws InvalidScheduleException if another schedule already has its name
	 */
	public synchronized void register(PeriodicSchedule schedule) {
		PeriodicSchedule existing = this.schedules.putIfAbsent(schedule.name(), schedule);
		if (existing != null) {
			throw new InvalidScheduleException(schedule.origin(), "name", schedule.name(),
					"the schedule name is already used by " + existing.origin()
							+ "; schedule names are unique across the application",
					null);
		}
	}

	/**
	 * Finds a schedule by name.
	 * @param name the schedule's name
	 * @return the schedule, empty when unknown
	 */
	public synchronized Optional<PeriodicSchedule> find(String name) {
		return Optional.ofNullable(this.schedules.get(name));
	}

	/**
	 * Returns every schedule, in registration order.
	 * @return the schedules
	 */
	public synchronized List<PeriodicSchedule> all() {
		return List.copyOf(new ArrayList<>(this.schedules.values()));
	}

}
