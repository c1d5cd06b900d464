package dev.celerity.canvas;

import java.lang.reflect.Type;
import java.util.List;

import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Declared result types of workflows built from their parts' types.
 */
final class ResultTypes {

	private ResultTypes() {
	}

	/**
	 * Returns {@code List<element>}, with a primitive element boxed.
	 * @param element the element type
	 * @return the list type
	 */
	static Type listOf(Type element) {
		Type boxed = (element instanceof Class<?> type) ? ClassUtils.resolvePrimitiveIfNecessary(type) : element;
		return ResolvableType.forClassWithGenerics(List.class, ResolvableType.forType(boxed)).getType();
	}

}
