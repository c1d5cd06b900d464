package dev.celerity.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.StringUtils;

import dev.celerity.api.MissedTickPolicy;
import dev.celerity.message.ArgumentBinder;
import dev.celerity.message.ArgumentBindingException;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;

/**
 * Validates a {@link ScheduleSpec} into a {@link PeriodicSchedule}: the timing parses, the task exists and takes the
 * schedule's arguments. Every error names where the schedule was declared and the bad value.
 */
public class ScheduleFactory {

	/** The cron expression that disables a schedule, as in Spring's {@code @Scheduled}. */
	public static final String CRON_DISABLED = "-";

	private final TaskRegistry registry;

	private final MessageCodec codec;

	private final ArgumentBinder binder;

	private final ZoneId defaultZone;

	private final MissedTickPolicy defaultPolicy;

	/**
	 * Creates a factory.
	 * @param registry the tasks, to check names and arguments against
	 * @param codec the codec arguments are converted with
	 * @param defaultZone the zone of cron expressions that name none
	 * @param defaultPolicy the missed-tick policy of schedules that choose none
	 */
	public ScheduleFactory(TaskRegistry registry, MessageCodec codec, ZoneId defaultZone,
			MissedTickPolicy defaultPolicy) {
		if (defaultPolicy == MissedTickPolicy.DEFAULT) {
			throw new IllegalArgumentException("The default missed-tick policy must be SKIP or RUN_ONCE");
		}
		this.registry = registry;
		this.codec = codec;
		this.binder = new ArgumentBinder(codec);
		this.defaultZone = defaultZone;
		this.defaultPolicy = defaultPolicy;
	}

	/**
	 * Validates a declared schedule.
	 * @param spec the schedule as declared
	 * @return the schedule, empty when its cron is {@value #CRON_DISABLED} (disabled)
	 * @throws InvalidScheduleException if it cannot work
	 */
	public Optional<PeriodicSchedule> create(ScheduleSpec spec) {
		if (CRON_DISABLED.equals(spec.cron())) {
			return Optional.empty();
		}
		if (!StringUtils.hasText(spec.name())) {
			throw invalid(spec, "name", String.valueOf(spec.name()), "a schedule needs a name", null);
		}
		TaskDefinition task = task(spec);
		Timing timing = timing(spec);
		Integer priority = spec.priority();
		if (priority != null && (priority < 0 || priority > 9)) {
			throw invalid(spec, "priority", String.valueOf(priority), "priority must be between 0 and 9", null);
		}
		if (spec.expires() != null && (spec.expires().isNegative() || spec.expires().isZero())) {
			throw invalid(spec, "expires", spec.expires().toString(), "expires must be positive", null);
		}
		checkArguments(spec, task);
		MissedTickPolicy policy = (spec.missedTicks() == null || spec.missedTicks() == MissedTickPolicy.DEFAULT)
				? this.defaultPolicy : spec.missedTicks();
		return Optional.of(new PeriodicSchedule(spec.name(), task.name(), timing, spec.args(), spec.kwargs(),
				StringUtils.hasText(spec.queue()) ? spec.queue() : null, priority, spec.expires(), policy,
				spec.origin()));
	}

	private TaskDefinition task(ScheduleSpec spec) {
		if (!StringUtils.hasText(spec.task())) {
			throw invalid(spec, "task", String.valueOf(spec.task()), "a schedule must name the task it sends", null);
		}
		return this.registry.find(spec.task())
			.orElseThrow(() -> invalid(spec, "task", spec.task(), "no task of that name is registered", null));
	}

	private Timing timing(ScheduleSpec spec) {
		boolean cron = StringUtils.hasText(spec.cron());
		if (cron == (spec.every() != null)) {
			throw invalid(spec, cron ? "every" : "cron", cron ? spec.every().toString() : "",
					"set exactly one of cron and " + spec.origin().attributeName("every"), null);
		}
		if (!cron) {
			return fixedRate(spec);
		}
		if (spec.initialDelay() != null) {
			throw invalid(spec, "initialDelay", spec.initialDelay().toString(),
					"an initial delay applies to a fixed rate only", null);
		}
		ZoneId zone = zone(spec);
		try {
			return CronTiming.parse(spec.cron(), zone);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(spec, "cron", spec.cron(), ex.getMessage(), ex);
		}
	}

	private Timing fixedRate(ScheduleSpec spec) {
		if (StringUtils.hasText(spec.zone())) {
			throw invalid(spec, "zone", spec.zone(), "a time zone applies to a cron expression only", null);
		}
		if (spec.every().toMillis() < 1) {
			throw invalid(spec, "every", spec.every().toString(), "the rate must be at least one millisecond", null);
		}
		Duration initialDelay = (spec.initialDelay() != null) ? spec.initialDelay() : Duration.ZERO;
		if (initialDelay.isNegative()) {
			throw invalid(spec, "initialDelay", initialDelay.toString(), "the delay must not be negative", null);
		}
		return new FixedRateTiming(spec.every(), initialDelay);
	}

	private ZoneId zone(ScheduleSpec spec) {
		if (!StringUtils.hasText(spec.zone())) {
			return this.defaultZone;
		}
		try {
			return ZoneId.of(spec.zone());
		}
		catch (DateTimeException ex) {
			throw invalid(spec, "zone", spec.zone(), "not a time zone id (such as UTC or Europe/Paris)", ex);
		}
	}

	private void checkArguments(ScheduleSpec spec, TaskDefinition task) {
		List<Object> args = new ArrayList<>();
		spec.args().forEach((arg) -> args.add(this.codec.toJsonValue(arg)));
		Map<String, Object> kwargs = new LinkedHashMap<>();
		spec.kwargs().forEach((name, value) -> kwargs.put(name, this.codec.toJsonValue(value)));
		try {
			this.binder.bind(task.method(), args, kwargs, null);
		}
		catch (ArgumentBindingException ex) {
			String attribute = (spec.kwargs().isEmpty()) ? "args" : "kwargs";
			String value = (spec.kwargs().isEmpty()) ? spec.args().toString() : spec.kwargs().toString();
			throw invalid(spec, attribute, value, "the task " + task.methodDescription()
					+ " cannot take the schedule's arguments: " + ex.getMessage(), ex);
		}
	}

	private static InvalidScheduleException invalid(ScheduleSpec spec, String attribute, String value, String reason,
			Throwable cause) {
		return new InvalidScheduleException(spec.origin(), attribute, value, reason, cause);
	}

}
