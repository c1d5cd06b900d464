package dev.celerity.worker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.format.annotation.DurationFormat;
import org.springframework.format.datetime.standard.DurationFormatterUtils;

import dev.celerity.api.TimeLimit;
import dev.celerity.registry.TaskDefinition;

/**
 * Time limits from configuration by task name, then the task method's {@link TimeLimit}, then the defaults; each
 * limit (soft, hard) is decided on its own.
 */
public class AnnotatedTimeLimitPolicy implements TimeLimitPolicy {

	private final Map<String, TimeLimits> byTaskName;

	private final TimeLimits defaults;

	private final Map<String, TimeLimits> resolved = new ConcurrentHashMap<>();

	/**
	 * Creates a policy.
	 * @param byTaskName limits configured per task name
	 * @param defaults limits of tasks that set none
	 */
	public AnnotatedTimeLimitPolicy(Map<String, TimeLimits> byTaskName, TimeLimits defaults) {
		this.byTaskName = Map.copyOf(byTaskName);
		this.defaults = defaults;
	}

	@Override
	public TimeLimits limitsFor(TaskDefinition task) {
		return this.resolved.computeIfAbsent(task.name(), (name) -> resolve(task));
	}

	private TimeLimits resolve(TaskDefinition task) {
		TimeLimits configured = this.byTaskName.getOrDefault(task.name(), TimeLimits.NONE);
		return configured.orElse(annotated(task)).orElse(this.defaults);
	}

	/**
	 * Reads the {@link TimeLimit} of a task method.
	 * @param task the task
	 * @return the annotated limits, {@link TimeLimits#NONE} without annotation
	 * @throws InvalidTimeLimitException if a limit is not a positive duration or soft is larger than hard
	 */
	public static TimeLimits annotated(TaskDefinition task) {
		TimeLimit limit = AnnotatedElementUtils.findMergedAnnotation(task.method(), TimeLimit.class);
		if (limit == null) {
			return TimeLimits.NONE;
		}
		TimeLimits limits = new TimeLimits(parse(task, "soft", limit.soft()), parse(task, "hard", limit.hard()));
		if (limits.softAboveHard()) {
			throw new InvalidTimeLimitException(task,
					"soft = \"" + limit.soft() + "\", hard = \"" + limit.hard() + "\"", "the soft limit "
							+ limits.soft() + " must not be larger than the hard limit " + limits.hard(),
					null);
		}
		return limits;
	}

	private static Duration parse(TaskDefinition task, String attribute, String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			Duration duration = DurationFormatterUtils.detectAndParse(text, DurationFormat.Unit.MILLIS);
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("must be positive");
			}
			return duration;
		}
		catch (RuntimeException ex) {
			throw new InvalidTimeLimitException(task, attribute + " = \"" + text + "\"",
					"expected a positive duration such as 30s or 500ms", ex);
		}
	}

}
