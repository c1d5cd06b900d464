package dev.celerity.api;

import java.util.List;

/**
 * An exception as recorded by the worker that raised it: type, message and stack, carried back to callers.
 *
 * @param type the exception's class name
 * @param message the exception's message, may be {@code null}
 * @param stackTrace the printed stack trace lines, outermost frame first
 */
public record RemoteError(String type, String message, List<String> stackTrace) {

	public RemoteError {
		stackTrace = (stackTrace != null) ? List.copyOf(stackTrace) : List.of();
	}

	/**
	 * Records an exception.
	 * @param ex the exception
	 * @return the record
	 */
	public static RemoteError of(Throwable ex) {
		List<String> frames = new java.util.ArrayList<>();
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t != ex) {
				frames.add("Caused by: " + t);
			}
			for (StackTraceElement element : t.getStackTrace()) {
				frames.add("at " + element);
			}
			if (frames.size() > 200) {
				break;
			}
		}
		return new RemoteError(ex.getClass().getName(), ex.getMessage(), frames);
	}

	@Override
	public String toString() {
		return (this.message != null) ? this.type + ": " + this.message : this.type;
	}

}
