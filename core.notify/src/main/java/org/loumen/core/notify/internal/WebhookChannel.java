package org.loumen.core.notify.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.loumen.notify.DeliveryException;
import org.loumen.notify.Message;
import org.loumen.notify.Notice;
import org.loumen.notify.NotificationChannel;
import org.loumen.web.HealthCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A webhook (JSON POST), one per factory configuration of {@code org.loumen.notify.webhook}: a group channel posting
 * each accepted notice once, in the plain format or as a DingTalk (钉钉) or WeCom (企业微信) group robot message.
 * DingTalk's signed requests ({@code timestamp} and {@code sign} = Base64(HmacSHA256(secret, timestamp + "\n" +
 * secret)) in the address) are made when a secret is set. The address and the secret are private properties
 * ({@code .url}, {@code .secret}): they never become service properties, are never logged, never returned by the API.
 */
@Component(service = { NotificationChannel.class, HealthCheck.class }, configurationPid = WebhookChannel.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WebhookChannel.Config.class, factory = true)
public final class WebhookChannel extends ConfiguredChannel {

    static final String PID = "org.loumen.notify.webhook";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Message formats. */
    enum Format {
        JSON, DINGTALK, WECOM
    }

    @ObjectClassDefinition(id = PID, name = "Loumen 通知：Webhook / notifications: webhook",
            description = "JSON POST，或钉钉、企业微信群机器人 / JSON POST, or a DingTalk or WeCom group robot")
    public @interface Config {
        @AttributeDefinition(name = "渠道标识 / channel id (unique, e.g. webhook.dingtalk)")
        String loumen_notify_channel() default "webhook";

        @AttributeDefinition(name = "格式 / format", options = {
            @org.osgi.service.metatype.annotations.Option(label = "JSON", value = "JSON"),
            @org.osgi.service.metatype.annotations.Option(label = "钉钉 / DingTalk", value = "DINGTALK"),
            @org.osgi.service.metatype.annotations.Option(label = "企业微信 / WeCom", value = "WECOM") })
        String format() default "JSON";

        @AttributeDefinition(name = "地址（保密） / address (secret: robot addresses carry a token)",
                type = AttributeType.PASSWORD)
        String _url();

        @AttributeDefinition(name = "加签密钥（钉钉，保密） / signing secret (DingTalk)", type = AttributeType.PASSWORD,
                required = false)
        String _secret() default "";

        @AttributeDefinition(name = "范围 / only notices at or below this node (empty: all)", required = false)
        String node() default "";

        @AttributeDefinition(name = "类型 / only these kinds, by prefix, comma-separated (empty: all)",
                required = false)
        String kinds() default "";

        @AttributeDefinition(name = "超时（秒） / timeout (seconds)", min = "1", max = "120")
        int timeoutSeconds() default 10;
    }

    /** The settings as read, with what is wrong with them ({@code null}: fine). */
    private record Settings(String id, Format format, URI uri, String secret, String node, List<String> kinds,
            Duration timeout, String problem) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;
    private volatile Settings settings;

    @Activate
    public WebhookChannel(Config config) {
        this(config, Clock.systemUTC());
    }

    WebhookChannel(Config config, Clock clock) {
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(Config c) {
        this.settings = read(c);
    }

    static Settings read(Config c) {
        String id = c.loumen_notify_channel();
        List<String> kinds = kinds(c.kinds());
        String problem = null;
        Format format = null;
        try {
            format = Format.valueOf((c.format() == null ? "" : c.format().strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem = "格式须为 JSON、DINGTALK 或 WECOM / format must be JSON, DINGTALK or WECOM";
        }
        URI uri = null;
        String url = c._url() == null ? "" : c._url().strip();
        try {
            uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                uri = null;
            }
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null) {
            problem = "地址不是有效的 http(s) 地址 / .url is not a valid http(s) address";
        }
        return new Settings(id, format, uri, c._secret() == null ? "" : c._secret().strip(),
                c.node() == null ? "" : c.node().strip(), kinds, Duration.ofSeconds(Math.max(1, c.timeoutSeconds())),
                problem);
    }

    @Override
    public boolean personal() {
        return false;
    }

    @Override
    public boolean accepts(Notice notice) {
        Settings s = settings;
        return notice.node().startsWith(s.node()) && carries(s.kinds(), notice);
    }

    @Override
    String id() {
        return settings.id();
    }

    @Override
    String problem() {
        return settings.problem();
    }

    @Override
    String kept() {
        return "待投递的通知保留，修正后送出 / pending notices are kept and sent once fixed";
    }

    @Override
    public void deliver(Message m) throws DeliveryException {
        Settings s = settings;
        if (s.problem() != null) {
            throw new DeliveryException(s.problem());
        }
        URI target = s.format() == Format.DINGTALK && !s.secret().isEmpty()
                ? signed(s.uri(), s.secret(), clock.millis()) : s.uri();
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(payload(s.format(), m));
        } catch (Exception e) {
            throw new DeliveryException("消息无法编码 / message could not be encoded");
        }
        HttpRequest req = HttpRequest.newBuilder(target).timeout(s.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", m.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> res;
        try {
            res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("投递被中断 / interrupted");
        } catch (Exception e) {
            // the message of a connection failure names neither the address's token nor the secret
            throw new DeliveryException("无法连接接收方 / receiver unreachable: " + e.getClass().getSimpleName());
        }
        if (res.statusCode() / 100 != 2) {
            throw new DeliveryException("接收方答复 HTTP " + res.statusCode() + " / receiver answered HTTP "
                    + res.statusCode());
        }
        if (s.format() != Format.JSON) {
            // robots answer 200 with {"errcode":0,...}; anything else is a refusal (bad signature, rate limit)
            try {
                Map<?, ?> answer = JSON.readValue(res.body(), Map.class);
                Object code = answer.get("errcode");
                if (code instanceof Number n && n.intValue() != 0) {
                    throw new DeliveryException("机器人拒收 errcode " + n + " / robot refused, errcode " + n);
                }
            } catch (DeliveryException e) {
                throw e;
            } catch (Exception e) {
                // not JSON: a 2xx is taken as delivered
            }
        }
    }

    /** The JSON body in the chosen format. Chinese first: the title, the text, then the link. */
    static Map<String, Object> payload(Format format, Message m) {
        String text = "### " + m.title() + "\n\n" + m.body() + (m.url() == null ? "" : "\n\n[查看 / Open](" + m.url()
                + ")");
        Map<String, Object> out = new LinkedHashMap<>();
        switch (format) {
            case DINGTALK -> {
                out.put("msgtype", "markdown");
                out.put("markdown", Map.of("title", m.title(), "text", text));
            }
            case WECOM -> {
                out.put("msgtype", "markdown");
                out.put("markdown", Map.of("content", text));
            }
            default -> {
                out.put("idempotencyKey", m.idempotencyKey());
                out.put("kind", m.kind());
                out.put("node", m.node());
                out.put("title", m.title());
                out.put("body", m.body());
                out.put("url", m.url());
                out.put("at", m.at().toString());
            }
        }
        return out;
    }

    /** DingTalk's signed address: {@code &timestamp=…&sign=…} added to the robot address. */
    static URI signed(URI uri, String secret, long timestamp) throws DeliveryException {
        String sign = URLEncoder.encode(sign(secret, timestamp), StandardCharsets.UTF_8);
        String base = uri.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + sign);
    }

    static String sign(String secret, long timestamp) throws DeliveryException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(h);
        } catch (Exception e) {
            throw new DeliveryException("签名失败 / signing failed");
        }
    }
}
