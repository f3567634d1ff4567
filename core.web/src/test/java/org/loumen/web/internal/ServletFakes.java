package org.loumen.web.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Just enough of a servlet request and response for the dispatcher's parts, without a container. */
final class ServletFakes {

    private ServletFakes() {
    }

    /** A response that keeps what is written. */
    static final class Response {
        int status;
        String contentType;
        int contentLength = -1;
        boolean committed;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse servlet() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                    new Class<?>[] { HttpServletResponse.class }, (proxy, m, args) -> switch (m.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "setContentLength" -> {
                            contentLength = (Integer) args[0];
                            yield null;
                        }
                        case "isCommitted" -> committed;
                        case "getOutputStream" -> out;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        String text() {
            return body.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A request with the given method, path, query string, content type, body and parameters. */
    static HttpServletRequest request(String method, String pathInfo, String query, String contentType, byte[] body,
            Map<String, String[]> parameters) {
        ByteArrayInputStream in = new ByteArrayInputStream(body == null ? new byte[0] : body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getQueryString" -> query;
                    case "getRemoteAddr" -> "192.0.2.7";
                    case "getAttribute" -> null; // no client address settled by a dispatcher: the peer is the client
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> (long) (body == null ? -1 : body.length);
                    case "getInputStream" -> stream;
                    case "getParameter" -> {
                        String[] v = parameters.get((String) args[0]);
                        yield v == null ? null : v[0];
                    }
                    case "getParameterValues" -> parameters.get((String) args[0]);
                    case "getHeader" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
