package dev.celerity.schedule;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;

/**
 * A {@link TaskTemplate} that records the signatures sent to it instead of enqueuing them.
 */
final class RecordingTaskTemplate {

	private final List<Signature<?>> sent = new CopyOnWriteArrayList<>();

	private final TaskTemplate template = (TaskTemplate) Proxy.newProxyInstance(getClass().getClassLoader(),
			new Class<?>[] { TaskTemplate.class }, (proxy, method, args) -> {
				if (method.getName().equals("send") && args.length == 1 && args[0] instanceof Signature<?> signature) {
					this.sent.add(signature);
					return null;
				}
				throw new UnsupportedOperationException(method.getName());
			});

	TaskTemplate template() {
		return this.template;
	}

	List<Signature<?>> sent() {
		return this.sent;
	}

	List<String> taskIds() {
		return this.sent.stream().map((signature) -> signature.options().taskId()).toList();
	}

}
