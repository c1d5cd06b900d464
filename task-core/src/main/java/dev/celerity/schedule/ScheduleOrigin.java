package dev.celerity.schedule;

import java.util.Map;

/**
 * Where a schedule was declared: a {@code @Periodic} annotation on a bean method, or configuration properties.
 * Start-up errors name it, so that the user knows what to correct.
 *
 * @param beanName the bean of an annotated method, or {@code null}
 * @param methodName the annotated method, or {@code null}
 * @param propertyPrefix the property path of a configured schedule, or {@code null}
 */
public record ScheduleOrigin(String beanName, String methodName, String propertyPrefix) {

	private static final Map<String, String> PROPERTY_NAMES = Map.of("initialDelay", "initial-delay", "queue",
			"options.queue", "priority", "options.priority", "expires", "options.expires", "missedTicks",
			"missed-ticks");

	private static final Map<String, String> ANNOTATION_NAMES = Map.of("every", "fixedRate");

	/**
	 * Returns the origin of a {@code @Periodic} annotation.
	 * @param beanName the bean's name
	 * @param methodName the method's name
	 * @return the origin
	 */
	public static ScheduleOrigin annotation(String beanName, String methodName) {
		return new ScheduleOrigin(beanName, methodName, null);
	}

	/**
	 * Returns the origin of a schedule declared in configuration properties.
	 * @param propertyPrefix the schedule's property path, such as {@code celerity.beat.schedules.cleanup}
	 * @return the origin
	 */
	public static ScheduleOrigin property(String propertyPrefix) {
		return new ScheduleOrigin(null, null, propertyPrefix);
	}

	/**
	 * Tells whether the schedule comes from an annotation.
	 * @return {@code true} for {@code @Periodic}, {@code false} for properties
	 */
	public boolean isAnnotation() {
		return this.propertyPrefix == null;
	}

	/**
	 * Returns how the user wrote an attribute: the annotation attribute or the full property path.
	 * @param attribute the attribute's canonical name ({@code cron}, {@code every}, {@code initialDelay}...)
	 * @return the name the user wrote
	 */
	public String attributeName(String attribute) {
		if (isAnnotation()) {
			return ANNOTATION_NAMES.getOrDefault(attribute, attribute);
		}
		return this.propertyPrefix + "." + PROPERTY_NAMES.getOrDefault(attribute, attribute);
	}

	/**
	 * Describes one attribute and its value as the user wrote them.
	 * @param attribute the attribute's canonical name
	 * @param value its value
	 * @return for example {@code @Periodic(cron = "x") on bean 'reports' method 'daily'}
	 */
	public String describe(String attribute, String value) {
		if (isAnnotation() && "task".equals(attribute)) {
			return toString();
		}
		if (isAnnotation()) {
			return "@Periodic(" + attributeName(attribute) + " = \"" + value + "\") on bean '" + this.beanName
					+ "' method '" + this.methodName + "'";
		}
		return attributeName(attribute) + " = \"" + value + "\"";
	}

	@Override
	public String toString() {
		return isAnnotation() ? "@Periodic on bean '" + this.beanName + "' method '" + this.methodName + "'"
				: this.propertyPrefix;
	}

}
