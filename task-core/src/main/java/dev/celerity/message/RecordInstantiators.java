package dev.celerity.message;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.introspect.AnnotatedWithParams;

/**
 * Builds records through their canonical constructor by plain reflection: Jackson's own creator call goes through
 * {@code MethodHandle.invokeWithArguments}, which rebuilds a spreader on every call and made decoding a message
 * several times slower than encoding it.
 */
final class RecordInstantiators implements ValueInstantiators {

	@Override
	public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDesc) {
		return null;
	}

	@Override
	public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDesc,
			ValueInstantiator defaultInstantiator) {
		return wrap(defaultInstantiator);
	}

	static ValueInstantiator wrap(ValueInstantiator instantiator) {
		if (instantiator instanceof ReflectiveRecordInstantiator || !instantiator.getValueClass().isRecord()
				|| !instantiator.canCreateFromObjectWith()) {
			return instantiator;
		}
		AnnotatedWithParams creator = instantiator.getWithArgsCreator();
		if (creator == null || !(creator.getAnnotated() instanceof Constructor<?> constructor)
				|| !constructor.trySetAccessible()) {
			return instantiator;
		}
		return new ReflectiveRecordInstantiator(instantiator, constructor);
	}

	private static final class ReflectiveRecordInstantiator extends ValueInstantiator.Delegating {

		private final Constructor<?> constructor;

		ReflectiveRecordInstantiator(ValueInstantiator delegate, Constructor<?> constructor) {
			super(delegate);
			this.constructor = constructor;
		}

		@Override
		public ValueInstantiator createContextual(DeserializationContext ctxt, BeanDescription.Supplier beanDesc) {
			ValueInstantiator contextual = delegate().createContextual(ctxt, beanDesc);
			return (contextual == delegate()) ? this : wrap(contextual);
		}

		@Override
		public Object createFromObjectWith(DeserializationContext ctxt, SettableBeanProperty[] properties,
				PropertyValueBuffer buffer) throws JacksonException {
			return createFromObjectWith(ctxt, buffer.getParameters(ctxt, properties));
		}

		@Override
		public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) throws JacksonException {
			try {
				return this.constructor.newInstance(args);
			}
			catch (InvocationTargetException ex) {
				return ctxt.handleInstantiationProblem(getValueClass(), args, ex.getCause());
			}
			catch (ReflectiveOperationException | IllegalArgumentException ex) {
				return ctxt.handleInstantiationProblem(getValueClass(), args, ex);
			}
		}

	}

}
