package org.medpub.cms.admin.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form sent from a page whose server-side state is gone (the session ended, the server
 * restarted, or the view state was made up) did nothing; the user is sent back to that page,
 * loaded afresh, with a message saying so; without a session that is the sign-in page. Faces
 * would otherwise answer a 500 and log the exception.
 */
public class ExpiredPages extends ExceptionHandlerFactory {

    public ExpiredPages(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new SendBack(getWrapped().getExceptionHandler());
    }

    private static final class SendBack extends ExceptionHandlerWrapper {

        SendBack(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                if (expired(events.next().getContext().getException())) {
                    events.remove();
                    sendBack(FacesContext.getCurrentInstance());
                }
            }
            getWrapped().handle();
        }

        private static boolean expired(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }

        private static void sendBack(FacesContext faces) {
            if (faces.getResponseComplete()) {
                return;
            }
            ExternalContext external = faces.getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            String query = request.getQueryString();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    CDI.current().select(Words.class).get().text("common.pageExpired"), null));
            external.getFlash().setKeepMessages(true);
            try {
                external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }
}
