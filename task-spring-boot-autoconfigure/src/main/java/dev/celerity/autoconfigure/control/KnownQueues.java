package dev.celerity.autoconfigure.control;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import dev.celerity.autoconfigure.CelerityProperties;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;

/**
 * The queues this application knows of: the default queue, the queues its worker consumes, the queues its tasks name
 * and any listed for monitoring; read when asked, since tasks register after start-up.
 */
public class KnownQueues implements Supplier<Set<String>> {

	private final CelerityProperties properties;

	private final TaskRegistry registry;

	private final Collection<String> extra;

	/**
	 * Creates the supplier.
	 * @param properties the Celerity configuration
	 * @param registry the registered tasks
	 * @param extra further queues to watch
	 */
	public KnownQueues(CelerityProperties properties, TaskRegistry registry, Collection<String> extra) {
		this.properties = properties;
		this.registry = registry;
		this.extra = extra;
	}

	@Override
	public Set<String> get() {
		Set<String> queues = new LinkedHashSet<>();
		queues.add(this.properties.getDefaultQueue());
		if (this.properties.getWorker().isEnabled()) {
			queues.addAll(this.properties.getWorker().getQueues());
			this.properties.getWorker().getPools().values().forEach((pool) -> queues.addAll(pool.getQueues()));
		}
		this.registry.all().stream().map(TaskDefinition::queue).filter((queue) -> queue != null).forEach(queues::add);
		queues.addAll(this.extra);
		return queues;
	}

}
