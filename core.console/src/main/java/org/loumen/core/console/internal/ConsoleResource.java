package org.loumen.core.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The console's own routes: {@code POST /qr} makes the QR codes of printed materials (signed in: only staff and
 * leaders print), {@code GET /console/settings} tells the pages the public address residents reach the platform at,
 * which printed QR codes carry (by default the address the page itself was opened at).
 */
@Component(service = ApiResource.class, configurationPid = ConsoleResource.PID)
@Designate(ocd = ConsoleResource.Config.class)
public final class ConsoleResource implements ApiResource {

    static final String PID = "org.loumen.console";
    static final int MAX_TEXTS = 500;
    static final int MAX_TEXT = 500;

    @ObjectClassDefinition(id = PID, name = "Loumen 管理后台 / web console",
            description = "居民访问平台的公网地址，印在二维码中 / the public address printed in QR codes")
    public @interface Config {
        @AttributeDefinition(name = "公开访问地址 / public base URL", required = false,
                description = "如 https://loumen.jinnan.gov.cn；留空则用打开页面时的地址 / e.g. "
                        + "https://loumen.jinnan.gov.cn; empty: the address the page was opened at")
        String publicBaseUrl() default "";
    }

    /** The body of {@code POST /qr}. */
    public record QrRequest(List<String> texts) {
    }

    /** The answer of {@code GET /console/settings}; {@code configured} false means the request's own origin. */
    public record Settings(String publicBaseUrl, boolean configured) {
    }

    private volatile String publicBaseUrl = "";

    @Activate
    @Modified
    void configure(Config c) {
        this.publicBaseUrl = normalise(c.publicBaseUrl());
    }

    /** Without a trailing slash; empty when unset or not an http(s) address. */
    static String normalise(String url) {
        String u = url == null ? "" : url.trim().replaceAll("/+$", "");
        return u.matches("https?://[A-Za-z0-9.:\\[\\]_-]+(/[A-Za-z0-9._~/-]*)?") ? u : "";
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/qr", Access.signedIn(), this::qr);
        routes.get("/console/settings", Access.publicRoute(), this::settings);
    }

    Object qr(ApiRequest req) throws ApiException {
        QrRequest body = req.body(QrRequest.class);
        List<String> texts = body == null ? null : body.texts();
        if (texts == null || texts.isEmpty() || texts.size() > MAX_TEXTS) {
            throw ApiException.invalidField("texts", "须有 1 至 " + MAX_TEXTS + " 条文字 / give 1 to " + MAX_TEXTS
                    + " texts");
        }
        List<QrCodes.Qr> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            if (t == null || t.isEmpty() || t.length() > MAX_TEXT) {
                throw ApiException.invalidField("texts", "每条文字须为 1 至 " + MAX_TEXT + " 个字符 / each text must be 1 to "
                        + MAX_TEXT + " characters");
            }
            out.add(QrCodes.encode(t));
        }
        return out;
    }

    Object settings(ApiRequest req) {
        String configured = publicBaseUrl;
        if (!configured.isEmpty()) {
            return new Settings(configured, true);
        }
        String proto = req.header("X-Forwarded-Proto").filter(p -> p.equals("https")).orElse("http");
        Optional<String> host = req.header("Host").filter(h -> h.matches("[A-Za-z0-9.:\\[\\]_-]{1,200}"));
        return new Settings(host.map(h -> proto + "://" + h).orElse(""), false);
    }
}
