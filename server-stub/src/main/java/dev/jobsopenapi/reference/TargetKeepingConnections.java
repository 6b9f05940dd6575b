package dev.jobsopenapi.reference;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;

import java.util.Optional;

/**
 * Jetty's HTTP/1.1 connections, each keeping the request target of a request line whose target Jetty could not parse
 * (a malformed escape such as {@code %zz}). Jetty replaces such a target with a placeholder before its error handler
 * runs, so without this the refusal could not tell which API the path was meant for. Such a request is the last on
 * its connection: Jetty closes it after the refusal. (It overrides the stream factory of Jetty's
 * {@code HttpConnection}, which Jetty offers no setting for.)
 */
final class TargetKeepingConnections extends HttpConnectionFactory {

    TargetKeepingConnections(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        KeepingConnection connection = new KeepingConnection(getHttpConfiguration(), connector, endPoint);
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    /** The raw target of the request's line when Jetty could not parse it, as the client sent it. */
    static Optional<String> unparsedTarget(Request request) {
        return request.getConnectionMetaData().getConnection() instanceof KeepingConnection keeping
                ? Optional.ofNullable(keeping.unparsed) : Optional.empty();
    }

    private static final class KeepingConnection extends HttpConnection {
        private volatile String unparsed;

        KeepingConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected HttpStreamOverHTTP1 newHttpStream(String method, String uri, HttpVersion version) {
            try {
                return super.newHttpStream(method, uri, version);
            } catch (RuntimeException unparsable) {
                unparsed = uri;
                throw unparsable;
            }
        }
    }
}
