package dev.celerity.autoconfigure.schedule;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.format.annotation.DurationFormat;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.util.StringUtils;

import dev.celerity.api.MissedTickPolicy;
import dev.celerity.api.Periodic;
import dev.celerity.api.Task;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.schedule.InvalidScheduleException;
import dev.celerity.schedule.ScheduleOrigin;
import dev.celerity.schedule.ScheduleSpec;

/**
 * Reads the {@code @Periodic} annotations of a task method into schedule specs: resolves placeholders, parses
 * durations and checks that the method is a registered task.
 */
final class PeriodicAnnotationReader {

	private final TaskRegistry tasks;

	private final UnaryOperator<String> valueResolver;

	PeriodicAnnotationReader(TaskRegistry tasks, UnaryOperator<String> valueResolver) {
		this.tasks = tasks;
		this.valueResolver = valueResolver;
	}

	List<ScheduleSpec> read(PeriodicMethod periodic) {
		ScheduleOrigin origin = ScheduleOrigin.annotation(periodic.beanName(), periodic.method().getName());
		TaskDefinition task = this.tasks.findByMethod(periodic.method())
			.orElseThrow(() -> new InvalidScheduleException(origin, "task", periodic.method().getName(),
					"the method is not a task; annotate it with @Task too", null));
		List<ScheduleSpec> specs = new ArrayList<>();
		for (MergedAnnotation<Periodic> annotation : periodic.schedules()) {
			specs.add(new Attributes(origin, annotation).spec(task, periodic.schedules().size() > 1));
		}
		return specs;
	}

	private final class Attributes {

		private final ScheduleOrigin origin;

		private final MergedAnnotation<Periodic> annotation;

		Attributes(ScheduleOrigin origin, MergedAnnotation<Periodic> annotation) {
			this.origin = origin;
			this.annotation = annotation;
		}

		ScheduleSpec spec(TaskDefinition task, boolean repeated) {
			String name = text("name");
			if (!StringUtils.hasText(name)) {
				if (repeated) {
					throw new InvalidScheduleException(this.origin, "name", "",
							"a method with several @Periodic schedules must give each a distinct name", null);
				}
				name = task.name();
			}
			int priority = this.annotation.getInt("priority");
			List<Object> args = new ArrayList<>();
			for (String arg : this.annotation.getStringArray("args")) {
				args.add(resolve("args", arg));
			}
			return new ScheduleSpec(this.origin, name, task.name(), emptyToNull(text("cron")),
					emptyToNull(text("zone")), duration("fixedRate", "every"), duration("initialDelay", "initialDelay"),
					args, Map.of(), emptyToNull(text("queue")), (priority != Task.UNSET_PRIORITY) ? priority : null,
					duration("expires", "expires"), this.annotation.getEnum("missedTicks", MissedTickPolicy.class));
		}

		private String text(String attribute) {
			return resolve(attribute, this.annotation.getString(attribute));
		}

		private String resolve(String attribute, String raw) {
			try {
				return raw.isEmpty() ? raw : PeriodicAnnotationReader.this.valueResolver.apply(raw);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidScheduleException(this.origin, attribute, raw, ex.getMessage(), ex);
			}
		}

		private Duration duration(String attribute, String canonical) {
			String text = resolve(canonical, this.annotation.getString(attribute));
			if (text.isEmpty()) {
				return null;
			}
			try {
				return DurationFormatterUtils.detectAndParse(text, DurationFormat.Unit.MILLIS);
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				throw new InvalidScheduleException(this.origin, canonical, text,
						"not a duration (use 500ms, 30s, 5m, 1h or ISO-8601 such as PT30S)", ex);
			}
		}

		private static String emptyToNull(String text) {
			return StringUtils.hasText(text) ? text : null;
		}

	}

}
