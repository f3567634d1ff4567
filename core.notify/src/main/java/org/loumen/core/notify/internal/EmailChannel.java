package org.loumen.core.notify.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

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

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail (电子邮件) over SMTP, one per factory configuration of {@code org.loumen.notify.email}: a personal channel,
 * one message to each recipient who gave their address and chose it. STARTTLS is used when the server offers it and,
 * by default, required (no mail goes out in clear text). The password is a private property ({@code .password}): it
 * never becomes a service property, is never logged, never returned, and is blanked out of any error kept in the
 * dead-letter list. Jakarta Mail runs with {@link MailLoader} as its context class loader, so it finds Angus Mail's
 * providers in OSGi.
 */
@Component(service = { NotificationChannel.class, HealthCheck.class }, configurationPid = EmailChannel.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EmailChannel.Config.class, factory = true)
public final class EmailChannel extends ConfiguredChannel {

    static final String PID = "org.loumen.notify.email";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    @ObjectClassDefinition(id = PID, name = "Loumen 通知：电子邮件 / notifications: e-mail (SMTP)",
            description = "经 SMTP（STARTTLS）发给选择了邮件的用户 / SMTP with STARTTLS to users who chose e-mail")
    public @interface Config {
        @AttributeDefinition(name = "渠道标识 / channel id (unique, begins with email)")
        String loumen_notify_channel() default "email";

        @AttributeDefinition(name = "SMTP 服务器 / SMTP host")
        String host();

        @AttributeDefinition(name = "端口 / port", min = "1", max = "65535")
        int port() default 587;

        @AttributeDefinition(name = "必须使用 STARTTLS / STARTTLS required (never send in clear text)")
        boolean starttlsRequired() default true;

        @AttributeDefinition(name = "信任的服务器证书主机（空：系统信任库） / hosts whose certificate is trusted without a "
                + "CA (empty: the JVM's trust store)", required = false)
        String tlsTrust() default "";

        @AttributeDefinition(name = "用户名 / user (empty: no authentication)", required = false)
        String user() default "";

        @AttributeDefinition(name = "密码（保密） / password (secret)", type = AttributeType.PASSWORD, required = false)
        String _password() default "";

        @AttributeDefinition(name = "发件地址 / from address")
        String from();

        @AttributeDefinition(name = "发件人名称 / sender name", required = false)
        String fromName() default "楼门栋长平台 Loumen";

        @AttributeDefinition(name = "类型 / only these kinds, by prefix, comma-separated (empty: all)",
                required = false)
        String kinds() default "";

        @AttributeDefinition(name = "超时（秒） / timeout (seconds)", min = "1", max = "120")
        int timeoutSeconds() default 20;
    }

    /** The settings as read, with what is wrong with them ({@code null}: fine). */
    record Settings(String id, String host, int port, boolean starttlsRequired, String trust, String user,
            String password, InternetAddress from, List<String> kinds, int timeoutMillis, String problem) {
    }

    private volatile Settings settings;

    @Activate
    public EmailChannel(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config c) {
        this.settings = read(c);
    }

    static Settings read(Config c) {
        List<String> problems = new ArrayList<>();
        String host = c.host() == null ? "" : c.host().strip();
        if (!HOST.matcher(host).matches()) {
            problems.add("SMTP 服务器地址无效 / host is not a valid host name");
        }
        if (c.port() < 1 || c.port() > 65535) {
            problems.add("端口须在 1–65535 之间 / port must be 1–65535");
        }
        InternetAddress from = null;
        try {
            String f = c.from() == null ? "" : c.from().strip();
            String name = c.fromName() == null ? "" : c.fromName().strip();
            // encoding the sender's name (RFC 2047) needs Jakarta Mail's stream provider: found through MailLoader
            from = MailLoader.call(() -> {
                InternetAddress a = new InternetAddress(f, true);
                if (!f.contains("@")) {
                    throw new jakarta.mail.internet.AddressException(f);
                }
                return name.isEmpty() ? a : new InternetAddress(a.getAddress(), name, StandardCharsets.UTF_8.name());
            });
        } catch (Exception e) {
            from = null;
            problems.add("发件地址无效 / from is not an e-mail address");
        }
        String user = c.user() == null ? "" : c.user().strip();
        String password = c._password() == null ? "" : c._password();
        if (user.isEmpty() && !password.isEmpty()) {
            problems.add("设置了密码但没有用户名 / a password without a user");
        }
        List<String> kinds = kinds(c.kinds());
        return new Settings(c.loumen_notify_channel(), host, c.port(), c.starttlsRequired(),
                c.tlsTrust() == null ? "" : c.tlsTrust().strip(), user, password, from, kinds,
                Math.max(1, c.timeoutSeconds()) * 1000, problems.isEmpty() ? null : String.join("；", problems));
    }

    @Override
    public boolean personal() {
        return true;
    }

    @Override
    public boolean accepts(Notice notice) {
        return carries(settings.kinds(), notice);
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
        return "待投递的邮件保留，修正后送出 / pending mail is kept and sent once fixed";
    }

    @Override
    public void deliver(Message m) throws DeliveryException {
        Settings s = settings;
        if (s.problem() != null) {
            throw new DeliveryException(s.problem());
        }
        InternetAddress to;
        try {
            to = new InternetAddress(m.address() == null ? "" : m.address(), true);
        } catch (Exception e) {
            throw new DeliveryException("收件地址无效 / recipient address invalid");
        }
        try {
            MailLoader.call(() -> {
                Session session = Session.getInstance(properties(s));
                MimeMessage mail = new MimeMessage(session);
                mail.setFrom(s.from());
                mail.setRecipient(jakarta.mail.Message.RecipientType.TO, to);
                mail.setSubject(m.title(), StandardCharsets.UTF_8.name());
                mail.setSentDate(Date.from(m.at()));
                mail.setText(text(m), StandardCharsets.UTF_8.name(), "plain");
                // a receiver that sees the same Message-ID twice (an at-least-once retry) may drop the second
                mail.saveChanges();
                mail.setHeader("Message-ID", messageId(m, s));
                mail.setHeader("X-Loumen-Idempotency-Key", m.idempotencyKey());
                Transport transport = session.getTransport("smtp");
                try {
                    if (s.user().isEmpty()) {
                        transport.connect();
                    } else {
                        transport.connect(s.host(), s.port(), s.user(), s.password());
                    }
                    transport.sendMessage(mail, new InternetAddress[] { to });
                } finally {
                    transport.close();
                }
                return null;
            });
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("SMTP 认证失败 / SMTP authentication failed");
        } catch (MessagingException e) {
            throw new DeliveryException("邮件未能发出 / mail not sent: " + redact(describe(e), s));
        } catch (RuntimeException e) {
            throw new DeliveryException("邮件未能发出 / mail not sent: " + e.getClass().getSimpleName());
        }
    }

    static Properties properties(Settings s) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", String.valueOf(s.port()));
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", String.valueOf(s.starttlsRequired()));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        if (!s.trust().isEmpty()) {
            p.put("mail.smtp.ssl.trust", s.trust());
        }
        p.put("mail.smtp.auth", String.valueOf(!s.user().isEmpty()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(s.timeoutMillis()));
        p.put("mail.smtp.timeout", String.valueOf(s.timeoutMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(s.timeoutMillis()));
        p.put("mail.smtp.from", s.from().getAddress());
        p.put("mail.mime.charset", StandardCharsets.UTF_8.name());
        return p;
    }

    /** Chinese first: the text, then the link (never a household's data: the notices carry links, not names). */
    static String text(Message m) {
        return m.body() + (m.url() == null ? "" : "\n\n查看 / Open: " + m.url())
                + "\n\n—— 楼门栋长平台自动发送，请勿直接回复 / sent by the Loumen platform, please do not reply";
    }

    static String messageId(Message m, Settings s) {
        String domain = s.from().getAddress().substring(s.from().getAddress().indexOf('@') + 1);
        return "<" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                m.idempotencyKey().getBytes(StandardCharsets.UTF_8)) + "@" + domain + ">";
    }

    private static String describe(MessagingException e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        if (cause != null && cause != e) {
            b.append(" (").append(cause.getClass().getSimpleName()).append(')');
        }
        return b.toString();
    }

    /** The error without the password, nor the password as it goes over the wire in AUTH PLAIN/LOGIN. */
    static String redact(String text, Settings s) {
        String out = text;
        if (!s.password().isEmpty()) {
            out = out.replace(s.password(), "***");
            out = out.replace(Base64.getEncoder().encodeToString(s.password().getBytes(StandardCharsets.UTF_8)),
                    "***");
        }
        return DeliveryWorker.shorten(out);
    }
}
