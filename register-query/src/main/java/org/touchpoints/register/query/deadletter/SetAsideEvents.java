package org.touchpoints.register.query.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A processing group skips the events an administrator set aside for it ({@link SetAsideLetters}): in a replay of a
 * streaming processor (scale-out rebuild) and whenever such an event would reach the group again.
 */
class SetAsideEvents implements MessageHandlerInterceptor<EventMessage<?>> {
    private final String group;
    private final SetAsideLetters setAside;

    SetAsideEvents(String group, SetAsideLetters setAside) {
        this.group = group;
        this.setAside = setAside;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (setAside.isSetAside(group, unitOfWork.getMessage().getIdentifier())) {
            return null;
        }
        return interceptorChain.proceed();
    }
}
