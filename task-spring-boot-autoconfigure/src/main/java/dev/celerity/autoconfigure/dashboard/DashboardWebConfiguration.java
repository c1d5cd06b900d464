package dev.celerity.autoconfigure.dashboard;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.control.KnownQueues;
import dev.celerity.control.ClusterControl;
import dev.celerity.control.TaskEventHistory;
import dev.celerity.ratelimit.RateLimits;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.schedule.PeriodicSchedules;
import dev.celerity.schedule.SchedulePauses;
import dev.celerity.schedule.ScheduleRegistry;

/**
 * The dashboard's pages, JSON API, write actions and live updates.
 */
@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration {

	@Bean
	ActivityTracker celerityDashboardActivity(TaskEventHistory history, CelerityDashboardProperties properties,
			@Qualifier("celerityClock") Clock clock) {
		return new ActivityTracker(history, clock, properties.getHistory().getChartBackfill());
	}

	@Bean
	DashboardReads celerityDashboardReads(ClusterControl control, TaskRegistry registry, KnownQueues queues,
			TaskEventHistory history, ActivityTracker activity, ObjectProvider<RateLimits> rateLimits,
			ObjectProvider<PeriodicSchedules> schedules, ObjectProvider<SchedulePauses> pauses,
			CelerityDashboardProperties properties, @Qualifier("celerityClock") Clock clock) {
		int scanLimit = properties.getHistory().getScanLimit();
		return new DashboardReads(control, registry, queues, new TaskTable(history, scanLimit),
				new TaskTimeline(history, scanLimit), activity, rateLimits.getIfAvailable(),
				schedules.getIfAvailable(), pauses.getIfAvailable(() -> SchedulePauses.NONE), clock);
	}

	@Bean
	LiveUpdates celerityDashboardLiveUpdates(ActivityTracker activity, DashboardReads reads,
			CelerityDashboardProperties properties) {
		return new LiveUpdates(activity, reads, properties.getHistory().getLiveInterval());
	}

	@Bean
	DashboardCsrf celerityDashboardCsrf(CelerityDashboardProperties properties) {
		return new DashboardCsrf(properties.getPath());
	}

	@Bean
	DashboardWriteGuard celerityDashboardWriteGuard(CelerityDashboardProperties properties, DashboardAccess access,
			DashboardCsrf csrf) {
		return new DashboardWriteGuard(properties.isReadOnly(), access, csrf, properties.getPath());
	}

	@Bean
	DashboardPageController celerityDashboardPageController(CelerityDashboardProperties properties,
			DashboardWriteGuard guard, DashboardCsrf csrf, DashboardAccess access) {
		return new DashboardPageController(properties.getPath(), guard, csrf, access);
	}

	@Bean
	DashboardApiController celerityDashboardApiController(DashboardReads reads, ActivityTracker activity,
			LiveUpdates live, CelerityDashboardProperties properties) {
		return new DashboardApiController(reads, activity, live, properties.getHistory().getPageSize());
	}

	@Bean
	DashboardActionController celerityDashboardActionController(ClusterControl control,
			ObjectProvider<TaskTemplate> tasks, ObjectProvider<ScheduleRegistry> schedules,
			ObjectProvider<SchedulePauses> pauses, DashboardWriteGuard guard, TaskEventHistory history,
			CelerityDashboardProperties properties, @Qualifier("celerityClock") Clock clock) {
		TaskTimeline timeline = new TaskTimeline(history, properties.getHistory().getScanLimit());
		return new DashboardActionController(new DashboardActions(control, tasks.getIfAvailable(),
				schedules.getIfAvailable(), pauses.getIfAvailable(() -> SchedulePauses.NONE), clock, timeline),
				guard);
	}

	@Bean
	DashboardErrors celerityDashboardErrors() {
		return new DashboardErrors();
	}

}
