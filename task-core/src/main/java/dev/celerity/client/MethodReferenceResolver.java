package dev.celerity.client;

import java.beans.Introspector;
import java.io.Serializable;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;

import dev.celerity.api.Task;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;

/**
 * Turns a method reference such as {@code OrderTasks::charge} into the task it names: the registered task of that
 * method, or, on an instance that does not run it, the name its {@code @Task} annotation gives or the default name
 * ({@code beanName.methodName} with the class's default bean name).
 */
final class MethodReferenceResolver {

	private final TaskRegistry registry;

	private final Cache<Class<?>, ResolvedTask> resolved = Caffeine.newBuilder().maximumSize(10_000).build();

	MethodReferenceResolver(TaskRegistry registry) {
		this.registry = registry;
	}

	ResolvedTask resolve(Serializable methodReference) {
		return this.resolved.get(methodReference.getClass(), (type) -> resolveUncached(methodReference));
	}

	private ResolvedTask resolveUncached(Serializable methodReference) {
		Method method = referencedMethod(methodReference);
		Type resultType = (method.getReturnType() == void.class) ? Void.class : method.getGenericReturnType();
		TaskDefinition definition = this.registry.findByMethod(method).orElse(null);
		if (definition != null) {
			return new ResolvedTask(definition.name(), resultType);
		}
		MergedAnnotation<Task> task = MergedAnnotations.from(method).get(Task.class);
		if (task.isPresent() && !task.getString("name").isEmpty()) {
			return new ResolvedTask(task.getString("name"), resultType);
		}
		String beanName = Introspector.decapitalize(ClassUtils.getShortName(method.getDeclaringClass()));
		return new ResolvedTask(beanName + "." + method.getName(), resultType);
	}

	private static Method referencedMethod(Serializable methodReference) {
		SerializedLambda lambda = serializedForm(methodReference);
		if (lambda.getImplMethodName().startsWith("lambda$") || lambda.getCapturedArgCount() > 0) {
			throw new IllegalArgumentException("Pass a method reference to a task method (such as "
					+ "OrderTasks::charge), not a lambda or a bound reference: " + lambda.getImplMethodName());
		}
		ClassLoader loader = methodReference.getClass().getClassLoader();
		try {
			Class<?> owner = ClassUtils.forName(lambda.getImplClass().replace('/', '.'), loader);
			Class<?>[] parameters = MethodType.fromMethodDescriptorString(lambda.getImplMethodSignature(), loader)
				.parameterArray();
			return owner.getDeclaredMethod(lambda.getImplMethodName(), parameters);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw new IllegalArgumentException("Cannot resolve the task method of " + lambda.getImplClass() + "::"
					+ lambda.getImplMethodName(), ex);
		}
	}

	private static SerializedLambda serializedForm(Serializable methodReference) {
		try {
			Method writeReplace = methodReference.getClass().getDeclaredMethod("writeReplace");
			writeReplace.setAccessible(true);
			return (SerializedLambda) writeReplace.invoke(methodReference);
		}
		catch (ReflectiveOperationException | ClassCastException ex) {
			throw new IllegalArgumentException("Not a method reference: " + methodReference, ex);
		}
	}

}
