package dev.celerity.client;

import java.lang.reflect.Type;

/**
 * What a method reference names: the task and its declared result type.
 *
 * @param name the task name
 * @param resultType the method's generic return type ({@code Void} for {@code void})
 */
record ResolvedTask(String name, Type resultType) {

}
